// Ant Design writes its styles at run time, hence 'unsafe-inline' for styles only; no inline
// or remote script ever runs (RELIABILITY.md 13).
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The usual security headers, set on the Node.js response as each request comes in: Fastify
 * merges them into whatever is sent (routes, static files, 404s, errors, the event stream).
 */
export function setSecurityHeaders(response: { setHeader(name: string, value: string): unknown }): void {
  response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Referrer-Policy', 'same-origin');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  response.setHeader('Permissions-Policy', 'camera=(self), geolocation=()');
}
