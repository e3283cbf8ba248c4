// Frozen: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

// Searching an officer's open dossiers by the applicant's name or ID number ("at my agency", "mine",
// the counters' lists): a trigram index of the open dossiers only. Names repeat (a province's dossiers
// share a few hundred family, middle and given names), so the whole table's index gives long posting
// lists to intersect: at 1,000,000 dossiers a leader's search by a full name read 7.3 ms of index; this
// one, a quarter of the rows, 1.9 ms (docs/benchmarks.md, issue 14).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX dossiers_open_applicant_idx ON dossiers USING gin (applicant_search gin_trgm_ops)
    WHERE closed_at IS NULL`.execute(db);
}
