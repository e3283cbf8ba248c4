// Frozen: never edit a migration that has shipped; add a new one.
// How the applicant asked to receive the result, recorded at intake or online submission, so that the
// desk's return action starts from it (issue 14, scope 7).
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE dossiers ADD COLUMN requested_return_channel text
      CHECK (requested_return_channel IN ('counter', 'postal', 'online'))`.execute(db);
  await sql`COMMENT ON COLUMN dossiers.requested_return_channel IS 'How the applicant asked to receive the result when applying (counter: at the desk; postal: by the public postal service; online: to their data store), ND 118/2025 Điều 22; NULL when not asked (dossiers before it was recorded, and those where the applicant did not say). The return action offers it first; how the result was actually returned is in the state (returnChannel).'`.execute(
    db,
  );
}
