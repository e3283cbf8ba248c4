// Frozen: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // The hourly pruning of refused payment callbacks (payments.repository.ts pruneRefusedCallbacks)
  // deletes them by age and beyond the newest 10,000: both through these, not a scan of every callback.
  await sql`CREATE INDEX payment_callbacks_refused_at_idx ON payment_callbacks (received_at)
    WHERE verdict = 'rejected'`.execute(db);
  await sql`CREATE INDEX payment_callbacks_refused_id_idx ON payment_callbacks (callback_id)
    WHERE verdict = 'rejected'`.execute(db);
}
