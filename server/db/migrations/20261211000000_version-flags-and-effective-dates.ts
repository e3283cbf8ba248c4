// Frozen: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

// Issue #17 (moving in): a version carries the date its announcing decision (quyết định công bố) puts
// it in force, and the gaps that keep it from citizens (docs/domain/catalog.md, "Flags").
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE procedure_versions ADD COLUMN effective_from date`.execute(db);
  await sql`ALTER TABLE procedure_versions ADD COLUMN flags jsonb NOT NULL DEFAULT '[]'::jsonb`.execute(db);
  await sql`COMMENT ON COLUMN procedure_versions.effective_from IS 'The day the version comes into force: the date of its announcing decision (quyết định công bố) when the data gives one; NULL: not published in the data. A version is not published before that day; a dossier keeps the version it was received under.'`.execute(
    db,
  );
  await sql`COMMENT ON COLUMN procedure_versions.flags IS 'Gaps that keep the version from citizens (common/catalog/flags.ts: [{code, path, message}]), recomputed from data whenever the version is written; a version with flags cannot be published.'`.execute(
    db,
  );
}
