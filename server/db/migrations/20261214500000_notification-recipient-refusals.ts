// Issue #18, scope 4: "a channel that keeps failing alerts the operators" — a provider refusing one
// recipient (a phone without Zalo, an unknown mailbox) says nothing of the channel. Attempts so refused
// are marked, and the channels' health reads its figures through partial indexes (one short index read per
// channel instead of a scan of every attempt, as /metrics asks on every scrape).
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE notification_attempts
    ADD COLUMN recipient_refused boolean NOT NULL DEFAULT false`.execute(db);
  await sql`COMMENT ON COLUMN notification_attempts.recipient_refused IS
    'The provider refused this recipient for good (ZNS -108, -114, -118; SMTP enhanced status 5.1.x): the channel works; its health does not count the attempt as a failure.'`.execute(
    db,
  );
  await sql`UPDATE notification_attempts SET recipient_refused = true
    WHERE NOT ok AND NOT temporary
      AND (error ~ '^ZNS -1(08|14|18):' OR error ~ '\\m5\\.1\\.[0-9]{1,3}\\M')`.execute(db);
  await sql`CREATE INDEX notification_attempts_successes ON notification_attempts (channel, at) WHERE ok`.execute(
    db,
  );
  await sql`CREATE INDEX notification_attempts_failures ON notification_attempts (channel, at, attempt_id)
    WHERE NOT ok AND NOT recipient_refused`.execute(db);
}
