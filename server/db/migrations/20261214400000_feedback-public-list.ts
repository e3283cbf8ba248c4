// Frozen: never edit a migration that has shipped; add a new one.
import { sql, type Kysely, type RawBuilder } from 'kysely';

// The published answers' public list (issue #18, GET /api/v1/public/feedback): each published PAKN keeps
// its subject, content and answer folded without diacritics (common/text/fold.ts, written at `publish`),
// searched like the catalogue (trigram index); and the list's order, newest answer first.
/** Each letter with Vietnamese marks, upper and lower case, and đ/Đ (feedback.public.test.ts checks them against fold.ts). */
export const VIETNAMESE_LETTERS =
  'ÀÁÂÃÈÉÊÌÍÎÒÓÔÕÙÚÛÝàáâãèéêìíîòóôõùúûýĂăĐđĔĕĨĩĬĭŎŏŨũŬŭŶŷƠơƯưḌḍṌṍṸṹẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ';
/** The base letter of each, in order. */
export const BASE_LETTERS =
  'aaaaeeeiiioooouuuyaaaaeeeiiioooouuuyaaddeeiiiioouuuuyyoouuddoouuaaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy';

/** `text` folded in SQL as fold.ts folds it (for rows written before the column; NFC text). */
export const foldedSql = (text: RawBuilder<unknown>) =>
  sql<string>`btrim(regexp_replace(lower(translate(${text}, ${VIETNAMESE_LETTERS}, ${BASE_LETTERS})), '[^a-z0-9.]+', ' ', 'g'))`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const run = async (q: ReturnType<typeof sql>) => {
    await q.execute(db);
  };
  await run(sql`ALTER TABLE feedback ADD COLUMN public_search_text text`);
  await run(
    sql`COMMENT ON COLUMN feedback.public_search_text IS 'Code, subject, content and answer as published, folded without diacritics (common/text/fold.ts) for the public list''s search; written at publish, null before.'`,
  );
  // The PAKN published before this column: folded here as fold.ts does (the letters of Vietnamese to
  // their base letter, đ to d, anything else not a-z, 0-9 or a dot to one space).
  await run(sql`
    UPDATE feedback
    SET public_search_text = ${foldedSql(sql`code || ' ' || subject || ' ' || content || ' ' || coalesce(answer_text, '')`)}
    WHERE status = 'published'`);
  await run(
    sql`CREATE INDEX feedback_public_search_idx ON feedback USING gin (public_search_text gin_trgm_ops)`,
  );
  await run(
    sql`CREATE INDEX feedback_published_idx ON feedback (delivered_at DESC, feedback_id DESC) WHERE status = 'published' AND NOT hidden`,
  );
}
