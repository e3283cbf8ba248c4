// A stored file an officer downloads: it holds an applicant's personal data, so no cache keeps a copy.
import type { FastifyReply } from 'fastify';

export type StoredFile = { bytes: Buffer; mediaType: string; fileName: string };

/**
 * For a preview inside the app's own page (`inline`): shown rather than saved, and framed by this
 * origin only; the file itself may load nothing (security.ts keeps these headers instead of its own).
 */
const INLINE_CSP =
  "default-src 'none'; object-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'self'";

export function sendPrivateDownload(
  reply: FastifyReply,
  file: StoredFile,
  options: { inline?: boolean | undefined } = {},
): FastifyReply {
  if (options.inline) {
    reply
      .header('content-disposition', `inline; filename="${file.fileName}"`)
      .header('x-frame-options', 'SAMEORIGIN')
      .header('content-security-policy', INLINE_CSP);
  } else {
    reply.header('content-disposition', `attachment; filename="${file.fileName}"`);
  }
  return reply.type(file.mediaType).header('cache-control', 'private, no-store').send(file.bytes);
}
