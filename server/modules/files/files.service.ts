import { createHash, randomUUID } from 'node:crypto';
import type { Deps } from '../../deps.ts';
import type { PersonCaller } from '../../platform/actor.ts';
import { fail } from './files.errors.ts';
import { appendAudit } from '../../platform/audit.ts';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** The media type by the file's first bytes; the name and the declared type are not trusted. */
export function sniffMediaType(bytes: Buffer): 'application/pdf' | 'image/jpeg' | 'image/png' | null {
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'image/png';
  return null;
}

/** The file-name extension of a media type the store accepts (`bin` for anything else). */
export function extensionOf(mediaType: string): string {
  return { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' }[mediaType] ?? 'bin';
}

export async function storeFile(
  deps: Deps,
  caller: PersonCaller,
  bytes: Buffer,
  originalName: string | null,
) {
  const mediaType = sniffMediaType(bytes);
  if (mediaType === null) {
    throw fail('FILE_TYPE_REFUSED', {
      details: [{ path: 'file', message: 'Nội dung tệp không phải PDF, JPEG hoặc PNG.' }],
    });
  }
  const fileId = randomUUID();
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  // Bytes first, row second: a row never points at missing bytes; orphan bytes are harmless.
  await deps.files.put(fileId, bytes);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('files')
      .values({
        file_id: fileId,
        sha256,
        size: bytes.length,
        media_type: mediaType,
        original_name: originalName === null ? null : originalName.slice(0, 255),
        uploaded_by_user_id: caller.kind === 'staff' ? caller.actor.userId : null,
        uploaded_by_citizen_id: caller.kind === 'citizen' ? caller.citizen.citizenId : null,
        created_at: now,
      })
      .execute();
    await appendAudit(
      trx,
      caller.kind === 'staff'
        ? { userId: caller.actor.userId, label: caller.actor.username }
        : { userId: null, label: `citizen:${caller.citizen.citizenId}` },
      {
        action: 'file.uploaded',
        entityType: 'file',
        entityId: fileId,
        details: { sha256, size: bytes.length, mediaType },
      },
      now,
    );
  });
  return { fileId, sha256, size: bytes.length, mediaType };
}
