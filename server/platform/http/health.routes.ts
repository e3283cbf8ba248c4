import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Registry } from 'prom-client';
import type { Deps } from '../../deps.ts';
import { AppError } from '../errors.ts';

export function registerHealthRoutes(app: FastifyInstance, deps: Deps, registry: Registry): void {
  const hide = { hide: true } as const;
  app.get('/healthz', { schema: { ...hide } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { ...hide } }, async () => {
    try {
      await sql`SELECT 1`.execute(deps.db);
    } catch {
      throw new AppError('SERVICE_UNAVAILABLE', 'Cơ sở dữ liệu chưa sẵn sàng.');
    }
    return { status: 'ready', database: deps.driver };
  });
  app.get('/metrics', { schema: { ...hide } }, async (_request, reply) => {
    void reply.type(registry.contentType);
    return registry.metrics();
  });
}
