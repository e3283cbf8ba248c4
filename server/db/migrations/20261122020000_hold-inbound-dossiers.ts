// Frozen: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE portal_inbound_dossiers DROP CONSTRAINT portal_inbound_dossiers_status_check`.execute(
    db,
  );
  await sql`ALTER TABLE portal_inbound_dossiers ADD CONSTRAINT portal_inbound_dossiers_status_check
    CHECK (status IN ('new','held','received','rejected'))`.execute(db);
  await sql`COMMENT ON COLUMN portal_inbound_dossiers.status IS 'new: fetched, not yet in intake. held: the province cannot take it yet (the procedure has no usable workflow or time limit; problems says why), retried on every run. received: a submitted dossier now (dossier_code). rejected: unreadable or naming an agency or procedure the province does not have (problems).'`.execute(
    db,
  );
}
