// Per-route request limits (@fastify/rate-limit), off unless a route asks: a fixed window per client
// address, in process memory, which is enough for one API process; behind several processes each
// enforces its own share. The refusal is the API's own 429 envelope with Retry-After.
import rateLimit from '@fastify/rate-limit';
import type { FastifyContextConfig, FastifyInstance } from 'fastify';
import type { AppError } from '../errors.ts';

/** Client addresses remembered at once (least recently seen forgotten first). */
const MAX_KEYS = 100_000;

export async function installRateLimit(app: FastifyInstance): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    cache: MAX_KEYS,
    // After validation, as the route's own check was: a malformed request does not use up the allowance.
    hook: 'preHandler',
    // The envelope carries Retry-After; the X-RateLimit-* headers were never sent.
    addHeaders: {
      'x-ratelimit-limit': false,
      'x-ratelimit-remaining': false,
      'x-ratelimit-reset': false,
      'retry-after': false,
    },
    addHeadersOnExceeding: {
      'x-ratelimit-limit': false,
      'x-ratelimit-remaining': false,
      'x-ratelimit-reset': false,
    },
  });
}

/**
 * A route's `config`: at most `max` requests per client address in each window of `windowMs`; past
 * that, the route's own catalogue error (`refuse`, given the Retry-After header to carry).
 */
export function rateLimited(options: {
  max: number;
  windowMs: number;
  refuse: (headers: Record<string, string>) => AppError;
}): FastifyContextConfig {
  return {
    rateLimit: {
      max: options.max,
      timeWindow: options.windowMs,
      errorResponseBuilder: (_request, context) =>
        options.refuse({ 'retry-after': String(Math.max(1, Math.ceil(context.ttl / 1000))) }),
    },
  };
}
