// An uploaded file sent as the request's own bytes (a scope whose content-type parser keeps the body as
// a Buffer): its bytes when its declared type is one of `types`, else `refuse()` (the caller's 415).
import type { FastifyRequest } from 'fastify';

export function uploadedBytes(
  request: FastifyRequest,
  types: readonly string[],
  refuse: () => Error,
): Uint8Array {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!types.includes(type) || !Buffer.isBuffer(request.body)) throw refuse();
  return new Uint8Array(request.body);
}
