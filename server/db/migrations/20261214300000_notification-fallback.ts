// Issue #18, scope 4: a Zalo ZNS message refused for good because the phone has no usable Zalo account or
// the template is not approved is sent once by SMS instead; the SMS row names the Zalo row it replaces
// (docs/domain/notifications.md, "Zalo → SMS").
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE notification_messages
    ADD COLUMN fallback_of bigint REFERENCES notification_messages(message_id)`.execute(db);
  await sql`COMMENT ON COLUMN notification_messages.fallback_of IS
    'On an SMS sent instead of a Zalo ZNS message: that message, whose reason says why ZNS refused it. At most one per outbox message, as (outbox_id, channel) is unique.'`.execute(
    db,
  );
}
