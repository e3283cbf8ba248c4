// Issue #18, scope 4–5: notifications to the applicant (docs/domain/notifications.md). One message per
// (outbox message, channel), its delivery state from the providers' answers and callbacks; every
// attempt recorded; a province's template overrides and channel settings.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const run = async (text: string) => {
    await sql.raw(text).execute(db);
  };
  await run(`CREATE TABLE notification_messages (
  message_id bigserial PRIMARY KEY,
  outbox_id bigint NOT NULL,
  dossier_code text,
  feedback_code text,
  province_code text NOT NULL,
  event text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('email', 'sms', 'zalo')),
  recipient text NOT NULL,
  recipient_masked text NOT NULL,
  content jsonb NOT NULL,
  tracking_id text NOT NULL UNIQUE,
  state text NOT NULL CHECK (state IN ('queued', 'sent', 'delivered', 'failed')),
  reason text,
  attempts integer NOT NULL DEFAULT 0,
  provider_id text,
  queued_at timestamptz NOT NULL,
  sent_at timestamptz,
  delivered_at timestamptz,
  failed_at timestamptz,
  UNIQUE (outbox_id, channel)
)`);
  await run(`CREATE INDEX notification_messages_dossier ON notification_messages (dossier_code, message_id)`);
  await run(`CREATE INDEX notification_messages_feedback ON notification_messages (feedback_code, message_id)
    WHERE feedback_code IS NOT NULL`);
  await run(`CREATE UNIQUE INDEX notification_messages_provider ON notification_messages (channel, provider_id)
    WHERE provider_id IS NOT NULL`);
  await run(`CREATE INDEX notification_messages_state ON notification_messages (channel, state)`);
  await run(
    `COMMENT ON TABLE notification_messages IS 'A message to an applicant (or a PAKN sender) on one channel for one outbox message (applicant.notification, feedback.notification): unique per (outbox_id, channel), so a message delivered twice by the outbox sends once. state: queued → sent → delivered | failed; delivered is final (docs/domain/notifications.md).'`,
  );
  await run(
    `COMMENT ON COLUMN notification_messages.tracking_id IS 'Our id of the message at the provider: eSMS RequestId, ZNS tracking_id, the e-mail Message-ID.'`,
  );
  await run(
    `COMMENT ON COLUMN notification_messages.provider_id IS 'The provider''s id of the message (eSMS SMSID, ZNS msg_id, SMTP queue id); delivery callbacks name it.'`,
  );
  await run(`CREATE TABLE notification_attempts (
  attempt_id bigserial PRIMARY KEY,
  message_id bigint NOT NULL REFERENCES notification_messages(message_id),
  channel text NOT NULL,
  at timestamptz NOT NULL,
  ok boolean NOT NULL,
  temporary boolean NOT NULL DEFAULT false,
  error text
)`);
  await run(`CREATE INDEX notification_attempts_message ON notification_attempts (message_id)`);
  await run(`CREATE INDEX notification_attempts_channel ON notification_attempts (channel, at)`);
  await run(
    `COMMENT ON TABLE notification_attempts IS 'Each attempt to hand a message to its provider: ok, or the error and whether it was temporary (retried). The channel''s health reads it.'`,
  );
  await run(`CREATE TABLE notification_templates (
  province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  event text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('email', 'sms', 'zalo')),
  template jsonb NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by bigint REFERENCES users(user_id),
  PRIMARY KEY (province_code, event, channel)
)`);
  await run(
    `COMMENT ON TABLE notification_templates IS 'A province''s own template of an event on a channel, replacing the default shipped in common/notifications/templates.ts; set and removed by its province-admin (audited).'`,
  );
  await run(`CREATE TABLE notification_channel_settings (
  province_code text PRIMARY KEY CHECK (province_code ~ '^[0-9]{2}$'),
  email boolean NOT NULL,
  sms boolean NOT NULL,
  zalo boolean NOT NULL,
  sms_brandname text,
  updated_at timestamptz NOT NULL,
  updated_by bigint REFERENCES users(user_id)
)`);
  await run(
    `COMMENT ON TABLE notification_channel_settings IS 'The channels a province sends by, and its SMS brandname (tên định danh, NĐ 91/2020). No row: e-mail and SMS on, Zalo off, the brandname of NOTIFY_SMS_BRANDNAME.'`,
  );
}
