// Security headers on every response, and CSRF protection for cookie-authenticated writes:
// a browser request from another site is refused (Sec-Fetch-Site, then Origin); clients outside a
// browser send neither header and may write with their cookie or a Bearer token.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fail } from '../platform.errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isCrossSiteWrite(request: FastifyRequest, allowedOrigins: ReadonlySet<string>): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  if (
    typeof request.headers.authorization === 'string' &&
    request.headers.authorization.startsWith('Bearer ')
  ) {
    return false;
  }
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') return true;
  const origin = request.headers.origin;
  if (typeof origin === 'string' && origin !== '') {
    if (origin === 'null') return true;
    const host = request.headers.host;
    const selfOrigin = host ? `${request.protocol}://${host}` : null;
    return !(allowedOrigins.has(origin) || origin === selfOrigin);
  }
  return false;
}

const CSP_APP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";
// The API docs UI inlines its own bootstrap script and styles.
const CSP_DOCS =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "frame-ancestors 'none'; object-src 'none'";

export function installSecurity(app: FastifyInstance, publicUrl: string, production: boolean): void {
  const allowed = new Set([new URL(publicUrl).origin]);
  app.addHook('onRequest', async (request) => {
    if (isCrossSiteWrite(request, allowed)) {
      throw fail('CROSS_SITE_WRITE_REJECTED');
    }
  });
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'same-origin');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(self), geolocation=(), microphone=()');
    reply.header('content-security-policy', request.url.startsWith('/docs') ? CSP_DOCS : CSP_APP);
    if (production) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    // The API is not stored, unless a route says how its answer may be cached (a form's validator module).
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
    reply.header('x-request-id', request.id);
    return payload;
  });
}
