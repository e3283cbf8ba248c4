// Frozen: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const run = async (q: ReturnType<typeof sql>) => {
    await q.execute(db);
  };
  await run(sql`
    CREATE TABLE dossier_ratings (
      dossier_id bigint PRIMARY KEY REFERENCES dossiers(dossier_id),
      level text NOT NULL CHECK (level IN ('very-satisfied', 'satisfied', 'unsatisfied')),
      comment text CHECK (comment IS NULL OR length(comment) BETWEEN 1 AND 1000),
      channel text NOT NULL CHECK (channel IN ('online', 'counter')),
      citizen_id bigint REFERENCES citizens(citizen_id),
      recorded_by_user_id bigint REFERENCES users(user_id),
      rated_at timestamptz NOT NULL,
      CHECK (
        (channel = 'online' AND citizen_id IS NOT NULL AND recorded_by_user_id IS NULL)
        OR (channel = 'counter' AND recorded_by_user_id IS NOT NULL AND citizen_id IS NULL)
      )
    )`);
  await run(
    sql`COMMENT ON TABLE dossier_ratings IS 'The applicant''s satisfaction with the handling of a dossier (đánh giá mức độ hài lòng, QĐ 766/QĐ-TTg; legal notes A8, T21): one per dossier, given after the result was returned, never a condition of receiving it. Never updated.'`,
  );
  await run(
    sql`COMMENT ON COLUMN dossier_ratings.channel IS 'Where the rating was given: online (the signed-in applicant on the portal, citizen_id), or counter (chosen by the applicant at the one-stop desk on the officer''s screen or a paper form, entered by the desk officer, recorded_by_user_id; legal notes B20).'`,
  );
  await run(sql`CREATE INDEX dossier_ratings_rated_at_idx ON dossier_ratings (rated_at)`);
}
