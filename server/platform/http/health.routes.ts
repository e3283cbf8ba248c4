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
  app.get(
    '/metrics',
    { schema: { ...hide, response: { 200: { type: 'string' } } } },
    async (_request, reply) => {
      void reply.type(registry.contentType);
      return registry.metrics();
    },
  );
}
