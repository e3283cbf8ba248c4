// An uploaded file sent as the request's own bytes: the scope whose content-type parser keeps any body
// as a Buffer (fileRoutes), and the bytes when the declared type is one of `types`, else `refuse()` (the
// caller's 415).
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * Registers, in a scope of their own, routes whose body is a file's own bytes: whatever its content
 * type, the body is a Buffer of at most `maxBytes` (more is 413).
 */
export function fileRoutes(
  root: FastifyInstance,
  maxBytes: number,
  register: (scope: FastifyInstance) => void,
): void {
  void root.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: maxBytes }, (_request, body, done) =>
      done(null, body),
    );
    register(scope);
  });
}

export function uploadedBytes(
  request: FastifyRequest,
  types: readonly string[],
  refuse: () => Error,
): Uint8Array {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!types.includes(type) || !Buffer.isBuffer(request.body)) throw refuse();
  return new Uint8Array(request.body);
}
