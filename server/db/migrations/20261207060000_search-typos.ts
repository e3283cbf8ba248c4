// Frozen: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // The procedure search forgives a typo of one letter (levenshtein_less_equal, catalog.service.ts).
  // fuzzystrmatch is a trusted contrib extension on PostgreSQL ≥ 13; PGlite loads it in db/client.ts.
  await sql`CREATE EXTENSION IF NOT EXISTS fuzzystrmatch`.execute(db);
}
