import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EngineConfig } from '../config/config';
import { ENGINE_CONFIG } from '../config/config.module';
import { ForbiddenError, UnauthenticatedError } from '../common/errors';
import { IS_PUBLIC, OWN_AUTHORIZATION } from '../common/public.decorator';
import { ApiTokenRepository } from './api-token.repository';
import { crossSiteProblem } from './cross-site';
import { KEEPS_PRINCIPALS } from './keeps-principals.decorator';
import { PrincipalCache } from './principal-cache';
import type { Principal } from './principal';
import { sha256Hex } from './secrets';
import { sessionTokenOf } from './session-cookie';
import { SessionRepository } from './session.repository';

function bearerTokenOf(request: FastifyRequest): string | null {
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
    private readonly cache: PrincipalCache,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, [context.getHandler(), context.getClass()]) === true;
    if (
      isPublic &&
      this.reflector.getAllAndOverride<boolean | undefined>(OWN_AUTHORIZATION, [context.getHandler(), context.getClass()]) === true
    )
      return true;
    if (
      !SAFE_METHODS.has(request.method) &&
      this.reflector.getAllAndOverride<boolean | undefined>(KEEPS_PRINCIPALS, [context.getHandler(), context.getClass()]) !== true
    ) {
      // This request may end sessions or change roles, residencies or tokens: once it is done,
      // nothing this process remembers about anyone is trusted any more.
      const response = context.switchToHttp().getResponse<FastifyReply>();
      response.raw.once('finish', () => this.cache.clear());
    }

    const bearer = bearerTokenOf(request);
    if (bearer !== null) {
      // A bearer token is never sent by a browser on its own, so CSRF does not apply.
      const hash = bearer === '' ? null : sha256Hex(bearer);
      const principal =
        hash === null ? null : await this.cached({ key: `token:${hash}`, lookUp: () => this.tokens.principalForToken(hash) });
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
    const hash = token === null ? null : sha256Hex(token);
    const principal: Principal | null =
      hash === null ? null : await this.cached({ key: `session:${hash}`, lookUp: () => this.sessions.principalForSession(hash) });
    if (principal) request.principal = principal;
    if (!principal && !isPublic) {
      throw new UnauthenticatedError(
        token === null ? 'Please sign in first.' : 'Your session has ended (signed out or expired). Please sign in again.',
      );
    }
    return true;
  }

  /** The principal behind a token hash, from the short-lived cache when it is there. */
  private async cached(input: { key: string; lookUp: () => Promise<Principal | null> }): Promise<Principal | null> {
    const found = this.cache.get(input.key, Date.now());
    if (found !== undefined) return found;
    const generation = this.cache.startLookup();
    const principal = await input.lookUp();
    if (principal !== null) this.cache.remember({ key: input.key, principal, generation, now: Date.now() });
    return principal;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
