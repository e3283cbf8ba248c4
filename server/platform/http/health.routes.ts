import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Registry } from 'prom-client';
import type { Deps } from '../../deps.ts';
import { fail } from '../platform.errors.ts';

export function registerHealthRoutes(app: FastifyInstance, deps: Deps, registry: Registry): void {
  const hide = { hide: true } as const;
  const status = {
    type: 'object',
    properties: { status: { type: 'string' }, database: { type: 'string' } },
    required: ['status'],
    additionalProperties: false,
  };
  const envelope = { type: 'object', additionalProperties: true };
  app.get('/healthz', { schema: { ...hide, response: { 200: status } } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { ...hide, response: { 200: status, 503: envelope } } }, async () => {
    try {
      await sql`SELECT 1`.execute(deps.db);
    } catch {
      throw fail('DATABASE_NOT_READY');
    }
    return { status: 'ready', database: deps.driver };
  });
  // Outside production /metrics is open; in production only with METRICS_TOKEN, as a Bearer token
  // (Prometheus: authorization.credentials), and not at all when no token is set.
  const token = deps.config.metricsToken;
  if (token === null && deps.config.nodeEnv === 'production') return;
  const expected = token === null ? null : Buffer.from(`Bearer ${token}`);
  app.get(
    '/metrics',
    { schema: { ...hide, response: { 200: { type: 'string' }, 401: envelope } } },
    async (request, reply) => {
      if (expected !== null) {
        const given = Buffer.from(request.headers.authorization ?? '');
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
          throw fail('METRICS_TOKEN_REQUIRED');
        }
      }
      void reply.type(registry.contentType);
      return registry.metrics();
    },
  );
}
