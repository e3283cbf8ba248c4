// Zalo → SMS: a ZNS message refused for good because the phone cannot receive it on Zalo (no Zalo
// account, an inactive user or one who refuses the OA's messages) or because the template is not
// approved is sent once by SMS instead, when the province sends by SMS and the applicant did not choose
// SMS already (then they have it). The SMS row names the Zalo row (fallback_of), whose reason says why.
// Exactly once: (outbox_id, channel) is unique, so a redelivered outbox message finds the row written;
// a temporary ZNS failure (-1, an outage) is retried as before and never falls back.
// docs/domain/notifications.md, "Zalo → SMS".
import { sql } from 'kysely';
import type { Deps } from '../../deps.ts';
import type { NotificationEvent } from '../../../common/contracts/notifications.ts';
import { defaultTemplate, render } from '../../../common/notifications/templates.ts';
import { maskRecipient, provinceSettings, templatesFor, type EventContext } from './delivery.ts';

/**
 * ZNS refusals an SMS gets round: -118 "Zalo account not existed", -114 "User is inactive, or reject the
 * message, or using an outdated Zalo version", -1131 the template is not approved (the messaging
 * simulator's code for it: Zalo's own table is not at hand, notes §4.1).
 */
export const ZNS_FALLBACK_ERRORS: readonly number[] = [-118, -114, -1131];

/** The ZNS error code of a failed Zalo row's reason ("ZNS -118: …", as zaloSender writes it), or null. */
export function znsErrorCode(reason: string | null): number | null {
  const m = /^ZNS (-?\d+):/.exec(reason ?? '');
  return m ? Number(m[1]) : null;
}

type Resolved = {
  message: { id: string; createdAt: Date };
  event: NotificationEvent | null;
  ctx: EventContext | null;
};

/**
 * Writes the fallback SMS of each Zalo message of these outbox messages that failed for one of
 * ZNS_FALLBACK_ERRORS and has no SMS yet; answers the ids of the rows written (to be sent now).
 */
export async function ensureSmsFallbacks(deps: Deps, resolved: Resolved[]): Promise<string[]> {
  const ids = resolved.map((r) => r.message.id);
  if (ids.length === 0) return [];
  const failed = (
    await sql<{ message_id: string; outbox_id: string; reason: string | null }>`
      SELECT z.message_id, z.outbox_id, z.reason FROM notification_messages z
      WHERE z.outbox_id = ANY (${ids}::bigint[]) AND z.channel = 'zalo' AND z.state = 'failed'
        AND NOT EXISTS (SELECT 1 FROM notification_messages s
                        WHERE s.outbox_id = z.outbox_id AND s.channel = 'sms')`.execute(deps.db)
  ).rows.filter((r) => ZNS_FALLBACK_ERRORS.includes(znsErrorCode(r.reason) ?? 0));
  if (failed.length === 0) return [];
  const byId = new Map(resolved.map((r) => [r.message.id, r]));
  const provinces = [...new Set(resolved.flatMap((r) => (r.ctx ? [r.ctx.provinceCode] : [])))];
  const settings = await provinceSettings(deps, provinces);
  const overrides = await templatesFor(deps, provinces);
  const rows: Record<string, unknown>[] = [];
  for (const zalo of failed) {
    const r = byId.get(String(zalo.outbox_id));
    if (!r?.ctx || r.event === null || r.ctx.phone === null) continue;
    const s = settings.get(r.ctx.provinceCode);
    if (!s?.enabled.has('sms')) continue;
    const { ctx, event } = r;
    const template = overrides.get(`${ctx.provinceCode}/${event}/sms`) ?? defaultTemplate(event, 'sms');
    rows.push({
      outbox_id: r.message.id,
      dossier_code: ctx.dossierCode,
      feedback_code: ctx.feedbackCode,
      province_code: ctx.provinceCode,
      event,
      channel: 'sms',
      recipient: ctx.phone,
      recipient_masked: maskRecipient('sms', ctx.phone!),
      content: JSON.stringify({ ...render('sms', template, ctx.values), brandname: s.brandname }),
      tracking_id: `mc${r.message.id}s`,
      state: 'queued',
      queued_at: deps.clock.now(),
      fallback_of: zalo.message_id,
    });
  }
  if (rows.length === 0) return [];
  const written = await deps.db
    .insertInto('notification_messages')
    .values(rows as never)
    .onConflict((oc) => oc.columns(['outbox_id', 'channel']).doNothing())
    .returning('message_id')
    .execute();
  return written.map((w) => String(w.message_id));
}
