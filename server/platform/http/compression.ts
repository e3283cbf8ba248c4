// Compressed JSON and text answers, for the citizen on a slow mobile network: a procedure with its
// thousand offering wards is ≈ 100 KB of JSON and ≈ 10 KB in Brotli. The web app's files are
// compressed once at build time instead (web/vite.config.ts, @fastify/static `preCompressed`).
// Only GET answers: a write's answer can carry a secret (a new API token) beside what the request
// sent, which is what a compression side channel (BREACH) needs.
// Our own hook rather than @fastify/compress: docs/adr/0005-own-response-compression.md says why.
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyInstance } from 'fastify';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Smaller answers gain less than the headers and the CPU cost. */
export const COMPRESS_MIN_BYTES = 1024;
const COMPRESSIBLE = /^(application\/(json|problem\+json)|text\/)/;

/** `br` when the client takes it, else `gzip`, else null (q=0 refuses an encoding). */
export function pickEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  if (!acceptEncoding) return null;
  const accepted = new Set<string>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name.trim());
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return null;
}

export function installCompression(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method !== 'GET' || reply.hasHeader('content-encoding')) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const type = reply.getHeader('content-type');
    if (typeof type !== 'string' || !COMPRESSIBLE.test(type)) return payload;
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    if (body.length < COMPRESS_MIN_BYTES) return payload;
    const encoding = pickEncoding(request.headers['accept-encoding']);
    const vary = reply.getHeader('vary');
    if (typeof vary !== 'string' || vary === '') reply.header('vary', 'accept-encoding');
    else if (!/accept-encoding/i.test(vary)) reply.header('vary', `${vary}, accept-encoding`);
    if (encoding === null) return payload;
    const compressed =
      encoding === 'br'
        ? await brotli(body, {
            params: {
              // Quality 4: most of Brotli's gain at the speed of gzip -6, on every request.
              [constants.BROTLI_PARAM_QUALITY]: 4,
              [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
              [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
            },
          })
        : await gzipAsync(body);
    reply.header('content-encoding', encoding);
    reply.removeHeader('content-length');
    return compressed;
  });
}
