// Frozen: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

// The agency that received a dossier, kept when a reorganisation hands the dossier over (#16.3): the
// receiving agency moves to the successor, so that its desk returns the result, while statistics
// "as the map stood then" still count the dossier where it was received.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE dossiers ADD COLUMN received_by_agency_id bigint REFERENCES agencies(agency_id)`.execute(
    db,
  );
  await sql`UPDATE dossiers SET received_by_agency_id = receiving_agency_id`.execute(db);
  await sql`ALTER TABLE dossiers ALTER COLUMN received_by_agency_id SET NOT NULL`.execute(db);
  await sql`COMMENT ON COLUMN dossiers.received_by_agency_id IS 'The agency that received the dossier, never changed: a hand-over (bàn giao) moves receiving_agency_id to the successor.'`.execute(
    db,
  );
}
