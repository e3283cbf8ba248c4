import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { Type } from 'typebox';
import type { Deps } from '../../deps.ts';
import { fail } from './files.errors.ts';
import { ErrorEnvelope } from '../../../common/contracts/common.ts';
import { requireCaller } from '../auth/index.ts';
import { MAX_FILE_BYTES, nameRefused, storableName, storeFile } from './files.service.ts';

export const FileView = Type.Object(
  { fileId: Type.String(), sha256: Type.String(), size: Type.Integer(), mediaType: Type.String() },
  { additionalProperties: false },
);

export async function registerFileRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 0, parts: 2 } });
  app.post(
    '/api/v1/files',
    {
      schema: {
        tags: ['files'],
        summary: 'Tải lên một tệp (PDF, JPEG, PNG; tối đa 20 MB) — multipart/form-data, trường "file"',
        consumes: ['multipart/form-data'],
        response: {
          201: FileView,
          400: ErrorEnvelope,
          401: ErrorEnvelope,
          413: ErrorEnvelope,
          415: ErrorEnvelope,
        },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      if (!request.isMultipart()) {
        throw fail('FILE_NOT_MULTIPART');
      }
      let part;
      try {
        part = await request.file();
      } catch {
        throw fail('FILE_UNREADABLE', {
          details: [{ path: 'file', message: 'Dữ liệu multipart không hợp lệ.' }],
        });
      }
      if (!part || part.fieldname !== 'file') {
        throw fail('FILE_MISSING', {
          details: [{ path: 'file', message: 'Cần một tệp trong trường "file".' }],
        });
      }
      // Refused before a byte is read or written: PostgreSQL cannot store such a name.
      if (part.filename && !storableName(part.filename)) {
        part.file.resume();
        throw nameRefused();
      }
      let bytes: Buffer;
      try {
        bytes = await part.toBuffer();
      } catch {
        throw fail('FILE_TOO_LARGE', { details: [{ path: 'file', message: 'Tối đa 20 MB.' }] });
      }
      if (bytes.length === 0) {
        throw fail('FILE_EMPTY', { details: [{ path: 'file', message: 'Tệp không có nội dung.' }] });
      }
      return reply.status(201).send(await storeFile(deps, caller, bytes, part.filename || null));
    },
  );
}
