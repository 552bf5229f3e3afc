import { parseCookie, type SerializeOptions, stringifySetCookie } from 'cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'ef_session';

/** The session token from the cookie, if the request carries one (the only cookie the engine reads). */
export function sessionTokenOf(request: FastifyRequest): string | null {
  const header = request.headers.cookie;
  if (header === undefined || !header.includes(SESSION_COOKIE)) return null;
  const value = parseCookie(header)[SESSION_COOKIE];
  return value === undefined || value === '' ? null : value;
}

/** httpOnly (no script reads it), SameSite=Lax (no cross-site POST carries it), Secure over https. */
export function setSessionCookie(input: { request: FastifyRequest; response: FastifyReply; token: string; expiresAt: Date }): void {
  appendCookie(input.response, input.token, { ...sessionCookieOptions(input.request), expires: input.expiresAt });
}

/** An expired, empty cookie under the same attributes: the browser drops it. */
export function clearSessionCookie(input: { request: FastifyRequest; response: FastifyReply }): void {
  appendCookie(input.response, '', { ...sessionCookieOptions(input.request), expires: new Date(1) });
}

function sessionCookieOptions(request: FastifyRequest): SerializeOptions {
  return { httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https', path: '/' };
}

/** Fastify adds each Set-Cookie to the ones already set rather than replacing them. */
function appendCookie(response: FastifyReply, value: string, options: SerializeOptions): void {
  response.header('set-cookie', stringifySetCookie(SESSION_COOKIE, value, options));
}

/** The client's address as the engine trusts it (behind a loopback proxy: X-Forwarded-For). */
export function clientIp(request: FastifyRequest): string {
  return request.ip;
}
