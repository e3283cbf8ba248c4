// A stored file an officer downloads: it holds an applicant's personal data, so no cache keeps a copy.
import type { FastifyReply } from 'fastify';

export type StoredFile = { bytes: Buffer; mediaType: string; fileName: string };

export function sendPrivateDownload(reply: FastifyReply, file: StoredFile): FastifyReply {
  return reply
    .type(file.mediaType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .header('cache-control', 'private, no-store')
    .send(file.bytes);
}
