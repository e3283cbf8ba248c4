// Attachments uploaded on the portal for a PAKN never sent (POST /api/v1/public/feedback/files): each
// has a one-use token (feedback_upload_tokens) that the submission must echo within the hour. Once the
// token has expired unused, nobody can attach the file any more, so the files sweeper (files.jobs.ts)
// removes its rows (token, file; audited) and then its bytes. Only anonymous uploads: a signed-in
// citizen's upload stays theirs to attach without a token (feedback and dossiers alike). Never a file a
// PAKN names (feedback_files), nor one any other row points at (the foreign key refuses the delete: the
// file is kept). Bytes whose row went while their removal failed are the leftover sweep's (sweepFiles).
import { sql } from 'kysely';
import type { Deps } from '../../deps.ts';
import { appendAudit } from '../../platform/audit.ts';

/** Files looked at in one run; the next hourly run takes the rest. */
export const EXPIRED_UPLOADS_BATCH = 500;

/** A delete refused because another row still points at the file (SQLSTATE 23503). */
const isForeignKeyViolation = (err: unknown) =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23503';

/** Removes the anonymous PAKN uploads whose token expired unused; answers how many went. */
export async function sweepExpiredFeedbackUploads(
  deps: Deps,
  limit = EXPIRED_UPLOADS_BATCH,
): Promise<{ removed: number; kept: number }> {
  const now = deps.clock.now();
  const candidates = (
    await sql<{ file_id: string; sha256: string; expires_at: Date }>`
      SELECT t.file_id, f.sha256, t.expires_at FROM feedback_upload_tokens t
      JOIN files f ON f.file_id = t.file_id
      WHERE t.used_at IS NULL AND t.expires_at < ${now}
        AND f.uploaded_by_citizen_id IS NULL AND f.uploaded_by_user_id IS NULL
        AND NOT EXISTS (SELECT 1 FROM feedback_files ff WHERE ff.file_id = t.file_id)
      ORDER BY t.expires_at LIMIT ${limit}`.execute(deps.db)
  ).rows;
  let removed = 0;
  let kept = 0;
  for (const c of candidates) {
    try {
      const gone = await deps.db.transaction().execute(async (trx) => {
        // Checked again under the delete: a token used meanwhile keeps its file.
        const token = await trx
          .deleteFrom('feedback_upload_tokens')
          .where('file_id', '=', c.file_id)
          .where('used_at', 'is', null)
          .where('expires_at', '<', now)
          .executeTakeFirst();
        if (Number(token.numDeletedRows) === 0) return false;
        await trx.deleteFrom('files').where('file_id', '=', c.file_id).execute();
        await appendAudit(
          trx,
          { userId: null, label: 'hệ thống' },
          {
            action: 'feedback-file.swept',
            entityType: 'file',
            entityId: c.file_id,
            details: { sha256: c.sha256, tokenExpiredAt: new Date(c.expires_at).toISOString() },
          },
          now,
        );
        return true;
      });
      if (!gone) continue;
      await deps.files.discard(c.file_id);
      removed++;
    } catch (err) {
      if (!isForeignKeyViolation(err)) throw err;
      kept++;
    }
  }
  return { removed, kept };
}
