import { createHash, randomUUID } from 'node:crypto';
import type { Deps } from '../../deps.ts';
import type { Caller, PersonCaller } from '../../platform/actor.ts';
import type { Database } from '../../db/client.ts';
import { fail } from './files.errors.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

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

/**
 * A file name PostgreSQL can store: no NUL, no lone surrogate (a pair cut in two included). The name
 * is the client's and only shown back; anything else in it is kept as given.
 */
export function storableName(name: string): boolean {
  return !name.includes('\u0000') && name.isWellFormed();
}

/** The name kept: at most 255 characters, cut between characters, never inside a surrogate pair. */
const keptName = (name: string) => Array.from(name).slice(0, 255).join('');

/**
 * Stores an upload: its bytes staged, its row and audit entry written, the bytes published as the last
 * step of that transaction. When anything fails — the row refused, the commit lost — the bytes are
 * discarded: a refused upload leaves nothing in the store, and a row never points at missing bytes. A
 * crash between publishing and commit leaves bytes without a row, which the sweeper removes.
 */
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
  if (originalName !== null && !storableName(originalName)) throw nameRefused();
  const fileId = randomUUID();
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const now = deps.clock.now();
  await deps.files.stage(fileId, bytes);
  try {
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('files')
        .values({
          file_id: fileId,
          sha256,
          size: bytes.length,
          media_type: mediaType,
          original_name: originalName === null ? null : keptName(originalName),
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
      await deps.files.publish(fileId);
    });
  } catch (err) {
    await deps.files.discard(fileId);
    throw err;
  }
  return { fileId, sha256, size: bytes.length, mediaType };
}

/** The multipart part's file name cannot be stored (400, before any byte is written). */
export const nameRefused = () =>
  fail('FILE_NAME_INVALID', {
    details: [
      {
        path: 'file/filename',
        message: 'Tên tệp chứa ký tự không hợp lệ (ký tự NUL hoặc ký tự Unicode không hoàn chỉnh).',
      },
    ],
  });

// ---------------------------------------------------------------------------------------------------
// Sweeping

/** Leftovers younger than this are kept: no upload's transaction is still committing after it. */
export const SWEEP_AGE_MS = 60 * 60_000;

/**
 * Removes what refused or interrupted uploads left in the store, written more than `ageMs` ago:
 * staged bytes never published, and published bytes with no row in `files`.
 */
export async function sweepFiles(deps: Deps, ageMs = SWEEP_AGE_MS) {
  const before = new Date(deps.clock.now().getTime() - ageMs);
  return deps.files.sweep(before, async (ids) => {
    const rows = await deps.db.selectFrom('files').select('file_id').where('file_id', 'in', ids).execute();
    const known = new Set(rows.map((r) => r.file_id));
    return new Set(ids.filter((id) => !known.has(id)));
  });
}

/**
 * Who attaches uploaded files to a dossier (intake, online submission, a supplement, a result): a
 * citizen, a staff account, or the system (dossiers handed over by the national portal).
 */
export type FileUser =
  { kind: 'citizen'; citizenId: string } | { kind: 'staff'; userId: string } | { kind: 'system' };

/** The file user a caller is. */
export function fileUserOf(caller: Caller): FileUser {
  if (caller.kind === 'citizen') return { kind: 'citizen', citizenId: caller.citizen.citizenId };
  if (caller.kind === 'staff') return { kind: 'staff', userId: caller.actor.userId };
  return { kind: 'system' };
}

/**
 * Of the files named, those that exist and that `user` may attach: a file is used only by whoever
 * uploaded it — the citizen, or the staff account (not its desk, agency or province: a file id seen
 * elsewhere, in a log or another dossier, lends no right to its bytes). The system attaches any. An
 * uploader may attach their file to more than one of their dossiers: the bytes are theirs already.
 * Records reused from an applicant's document store are checked by their own rule (documents module).
 */
export async function attachableFiles(
  db: Database,
  fileIds: readonly string[],
  user: FileUser,
): Promise<Set<string>> {
  const ids = [...new Set(fileIds)].filter((id) => FILE_ID.test(id));
  if (ids.length === 0) return new Set();
  let q = db.selectFrom('files').select('file_id').where('file_id', 'in', ids);
  if (user.kind === 'citizen') q = q.where('uploaded_by_citizen_id', '=', user.citizenId);
  if (user.kind === 'staff') q = q.where('uploaded_by_user_id', '=', user.userId);
  return new Set((await q.execute()).map((f) => f.file_id));
}

const FILE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Stores a PDF the server made (a signed result or slip: #19) for `userId` (null: the system's), with
 * what `alongside` writes in the same transaction: staged first, published as the transaction's last
 * step, discarded when anything fails, as an upload is.
 */
export async function storeMadeFile<T>(
  deps: Deps,
  file: { bytes: Buffer; name: string; userId: string | null },
  alongside: (trx: Transaction<DB>, stored: { fileId: string; sha256: string }) => Promise<T>,
): Promise<{ fileId: string; sha256: string; result: T }> {
  const fileId = randomUUID();
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const now = deps.clock.now();
  await deps.files.stage(fileId, file.bytes);
  try {
    const result = await deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('files')
        .values({
          file_id: fileId,
          sha256,
          size: file.bytes.length,
          media_type: 'application/pdf',
          original_name: keptName(file.name),
          uploaded_by_user_id: file.userId,
          uploaded_by_citizen_id: null,
          created_at: now,
        })
        .execute();
      const out = await alongside(trx, { fileId, sha256 });
      await deps.files.publish(fileId);
      return out;
    });
    return { fileId, sha256, result };
  } catch (err) {
    await deps.files.discard(fileId);
    throw err;
  }
}
