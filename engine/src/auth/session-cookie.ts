import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'ef_session';

/** The session token from the cookie, if the request carries one. */
export function sessionTokenOf(request: Request): string | null {
  const cookies: unknown = request.cookies;
  if (typeof cookies !== 'object' || cookies === null || !(SESSION_COOKIE in cookies)) return null;
  const value: unknown = Reflect.get(cookies, SESSION_COOKIE);
  return typeof value === 'string' && value !== '' ? value : null;
}

/** httpOnly (no script reads it), SameSite=Lax (no cross-site POST carries it), Secure over https. */
export function setSessionCookie(input: { request: Request; response: Response; token: string; expiresAt: Date }): void {
  input.response.cookie(SESSION_COOKIE, input.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: input.request.secure,
    path: '/',
    expires: input.expiresAt,
  });
}

export function clearSessionCookie(input: { request: Request; response: Response }): void {
  input.response.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: input.request.secure, path: '/' });
}

/** The client's address as the engine trusts it (behind a loopback proxy: X-Forwarded-For). */
export function clientIp(request: Request): string {
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
}
