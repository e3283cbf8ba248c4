// Security headers on every response, and CSRF protection for cookie-authenticated writes:
// a browser request from another site is refused (Sec-Fetch-Site, then Origin). Every browser in use
// sends one of the two on a write, so a write carrying a cookie and neither header is refused too:
// clients outside a browser write with a Bearer token.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fail } from '../platform.errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Why a write is refused: from another site, or with a cookie and no sign of where it came from; null: allowed. */
export function refusedWrite(
  request: FastifyRequest,
  allowedOrigins: ReadonlySet<string>,
): 'cross-site' | 'origin-missing' | null {
  if (SAFE_METHODS.has(request.method)) return null;
  if (
    typeof request.headers.authorization === 'string' &&
    request.headers.authorization.startsWith('Bearer ')
  ) {
    return null;
  }
  const site = request.headers['sec-fetch-site'];
  const hasSite = typeof site === 'string' && site !== '';
  if (hasSite && site !== 'same-origin' && site !== 'none') return 'cross-site';
  const origin = request.headers.origin;
  if (typeof origin === 'string' && origin !== '') {
    if (origin === 'null') return 'cross-site';
    const host = request.headers.host;
    const selfOrigin = host ? `${request.protocol}://${host}` : null;
    return allowedOrigins.has(origin) || origin === selfOrigin ? null : 'cross-site';
  }
  const cookie = request.headers.cookie;
  if (!hasSite && typeof cookie === 'string' && cookie !== '') return 'origin-missing';
  return null;
}

/** The app's policy; `connect` adds origins the pages may open connections to (the VGCA signing plugin, #19). */
const cspApp = (connect: readonly string[]) =>
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  `font-src 'self' data:; connect-src ${["'self'", ...connect].join(' ')}; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'`;
// The API docs UI inlines its own bootstrap script and styles.
const CSP_DOCS =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "frame-ancestors 'none'; object-src 'none'";

export function installSecurity(
  app: FastifyInstance,
  publicUrl: string,
  production: boolean,
  connectSources: readonly string[] = [],
): void {
  const allowed = new Set([new URL(publicUrl).origin]);
  const CSP_APP = cspApp(connectSources);
  app.addHook('onRequest', async (request) => {
    const refused = refusedWrite(request, allowed);
    if (refused === 'cross-site') throw fail('CROSS_SITE_WRITE_REJECTED');
    if (refused === 'origin-missing') throw fail('WRITE_ORIGIN_MISSING');
  });
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    // A route that lets this origin frame its answer (a file's inline preview, download.ts) says so.
    if (!reply.hasHeader('x-frame-options')) reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'same-origin');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(self), geolocation=(), microphone=()');
    if (!reply.hasHeader('content-security-policy'))
      reply.header('content-security-policy', request.url.startsWith('/docs') ? CSP_DOCS : CSP_APP);
    if (production) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    // The API is not stored, unless a route says how its answer may be cached (a form's validator module).
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
    reply.header('x-request-id', request.id);
    return payload;
  });
}
