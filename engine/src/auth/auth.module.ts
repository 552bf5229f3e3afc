import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ApiTokenRepository } from './api-token.repository';
import { ApiTokenService } from './api-token.service';
import { AuthController } from './auth.controller';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { PrincipalCache } from './principal-cache';
import { RateLimitRepository } from './rate-limit.repository';
import { RateLimiterService } from './rate-limiter.service';
import { SessionGuard } from './session.guard';
import { SessionRepository } from './session.repository';
import { TenantContextInterceptor } from './tenant-context.interceptor';

/** Sign-in, sessions, API tokens, and the global guard that puts the principal on every request. */
@Module({
  controllers: [AuthController],
  providers: [
    AuthService,
    AuthRepository,
    SessionRepository,
    ApiTokenService,
    ApiTokenRepository,
    RateLimiterService,
    RateLimitRepository,
    PrincipalCache,
    { provide: APP_GUARD, useClass: SessionGuard },
    { provide: APP_INTERCEPTOR, useClass: TenantContextInterceptor },
  ],
  exports: [RateLimiterService],
})
export class AuthModule {}
