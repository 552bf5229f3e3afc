import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { EngineConfig } from '../config/config';
import { ENGINE_CONFIG } from '../config/config.module';
import { ForbiddenError, UnauthenticatedError } from '../common/errors';
import { IS_PUBLIC } from '../common/public.decorator';
import { ApiTokenRepository } from './api-token.repository';
import { crossSiteProblem } from './cross-site';
import type { Principal } from './principal';
import { sha256Hex } from './secrets';
import { sessionTokenOf } from './session-cookie';
import { SessionRepository } from './session.repository';

function bearerTokenOf(request: Request): string | null {
  const header = request.headers.authorization;
  if (header === undefined) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? '';
}

/**
 * The global guard: puts the principal (session cookie or API token) on `request.principal`,
 * refuses every route not marked @Public() without one, and refuses cross-site browser
 * requests that would change something with the cookie (CSRF).
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionRepository,
    private readonly tokens: ApiTokenRepository,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, [context.getHandler(), context.getClass()]) === true;

    const bearer = bearerTokenOf(request);
    if (bearer !== null) {
      // A bearer token is never sent by a browser on its own, so CSRF does not apply.
      const principal = bearer === '' ? null : await this.tokens.principalForToken(sha256Hex(bearer));
      if (!principal) throw new UnauthenticatedError('This API token is not valid or has been revoked.');
      request.principal = principal;
      return true;
    }

    const problem = crossSiteProblem({
      method: request.method,
      origin: request.headers.origin,
      fetchSite: headerValue(request.headers['sec-fetch-site']),
      host: request.headers.host,
      ownOrigin: `${request.protocol}://${request.headers.host ?? ''}`,
      allowedOrigins: this.config.allowedOrigins,
    });
    if (problem !== null) throw new ForbiddenError(problem);

    const token = sessionTokenOf(request);
    const principal: Principal | null = token === null ? null : await this.sessions.principalForSession(sha256Hex(token));
    if (principal) request.principal = principal;
    if (!principal && !isPublic) {
      throw new UnauthenticatedError(token === null ? 'Please sign in first.' : 'Your session has ended (signed out or expired). Please sign in again.');
    }
    return true;
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
