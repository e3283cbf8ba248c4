// Issue #18, scope 4: staff told of what lands in their worklist (docs/domain/notifications.md, "Staff").
// Each staff member's own choice (off, an e-mail per arrival, or a daily summary at a time of their day);
// one row per (staff.notification outbox message, recipient), so a redelivered message sends once; one
// summary per person and day, claimed by its unique key so that two workers send it once.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const run = async (text: string) => {
    await sql.raw(text).execute(db);
  };
  await run(`CREATE TABLE staff_notification_preferences (
  user_id bigint PRIMARY KEY REFERENCES users(user_id),
  worklist_email text NOT NULL CHECK (worklist_email IN ('off', 'immediate', 'daily')),
  daily_at text NOT NULL DEFAULT '07:30' CHECK (daily_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  email text CHECK (email IS NULL OR length(email) BETWEEN 3 AND 254),
  updated_at timestamptz NOT NULL,
  CHECK (worklist_email = 'off' OR email IS NOT NULL)
)`);
  await run(
    `COMMENT ON TABLE staff_notification_preferences IS 'A staff member''s own choice of being told by e-mail of what lands in their worklist: off, immediate (one e-mail per arrival) or daily (one summary per working day at daily_at, Vietnam time). No row: off. Set only by the person (PUT /api/v1/me/notification-preferences, audited).'`,
  );
  await run(
    `COMMENT ON COLUMN staff_notification_preferences.email IS 'Where the e-mails go: staff accounts carry no e-mail of their own, so the person gives it with the choice.'`,
  );
  await run(`CREATE TABLE staff_notifications (
  staff_notification_id bigserial PRIMARY KEY,
  outbox_id bigint NOT NULL,
  user_id bigint NOT NULL REFERENCES users(user_id),
  subject text NOT NULL CHECK (subject IN ('dossier', 'feedback')),
  code text NOT NULL,
  arrival text NOT NULL,
  arrived_at timestamptz NOT NULL,
  recipient text NOT NULL,
  state text NOT NULL CHECK (state IN ('queued', 'sent', 'failed', 'pending-digest', 'summarised')),
  content jsonb,
  digest_id bigint,
  attempts integer NOT NULL DEFAULT 0,
  reason text,
  sent_at timestamptz,
  UNIQUE (outbox_id, user_id)
)`);
  await run(`CREATE INDEX staff_notifications_pending ON staff_notifications (user_id, arrived_at)
    WHERE state = 'pending-digest'`);
  await run(
    `COMMENT ON TABLE staff_notifications IS 'One arrival in a staff member''s worklist (a staff.notification outbox message) for one recipient who chose to be told: unique per (outbox_id, user_id), so a message delivered twice is told once. immediate: queued → sent | failed; daily: pending-digest → summarised (digest_id names the summary that listed it).'`,
  );
  await run(`CREATE TABLE staff_digests (
  digest_id bigserial PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users(user_id),
  day date NOT NULL,
  recipient text NOT NULL,
  state text NOT NULL CHECK (state IN ('queued', 'sent', 'failed')),
  content jsonb NOT NULL,
  items integer NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  reason text,
  next_attempt_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  sent_at timestamptz,
  UNIQUE (user_id, day)
)`);
  await run(`CREATE INDEX staff_digests_queued ON staff_digests (next_attempt_at) WHERE state = 'queued'`);
  await run(
    `COMMENT ON COLUMN staff_digests.next_attempt_at IS 'A queued summary is sent from this time: a sender leases it (now + the lease) before sending, a temporary failure puts it off by the backoff.'`,
  );
  await run(
    `COMMENT ON TABLE staff_digests IS 'A staff member''s daily summary of one working day (Vietnam date): claimed by inserting it (unique per user and day), so two workers send it once; content is the rendered e-mail, sent again only while queued.'`,
  );
}
