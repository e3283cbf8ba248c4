// The outbox handler of applicant.notification (and feedback.notification): for each event, one
// notification_messages row per chosen and enabled channel — inserted ON CONFLICT DO NOTHING on
// (outbox_id, channel), so the same outbox message delivered twice renders and sends once — then each
// row still queued is sent. A temporary failure leaves the row queued (its reason the last error) and
// fails the outbox message, which the worker retries after its backoff; a permanent one marks the row
// failed with the provider's reason; a Zalo refusal that SMS gets round is sent by SMS instead (fallback.ts).
// Every attempt is recorded (notification_attempts). docs/domain/notifications.md.
import { sql, type RawBuilder } from 'kysely';
import type { Deps } from '../../deps.ts';
import type { JobLog } from '../../platform/jobs/job-log.ts';
import type { DeliveryOutcome, OutboxMessage, TopicHandler } from '../../platform/jobs/outbox-worker.ts';
import {
  NOTIFICATION_CHANNELS,
  type NotificationChannel,
  type NotificationEvent,
  type RenderedMessage,
  type TemplateBody,
} from '../../../common/contracts/notifications.ts';
import { defaultTemplate, render, type PlaceholderValues } from '../../../common/notifications/templates.ts';
import { eventOfAction, eventOfFeedback } from '../../../common/notifications/events.ts';
import type { Senders, SendResult } from './senders.ts';
import { loadFeedbackContexts } from './feedback-context.ts';
import { ensureSmsFallbacks } from './fallback.ts';

export const APPLICANT_TOPIC = 'applicant.notification';
export const FEEDBACK_TOPIC = 'feedback.notification';

/** A JSON field as text: a string or number as given, anything else empty. */
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** Who is told and with what: the event's recipients and placeholder values, from the dossier (or PAKN). */
export type EventContext = {
  provinceCode: string;
  dossierCode: string | null;
  feedbackCode: string | null;
  email: string | null;
  phone: string | null;
  notifyBy: NotificationChannel[] | null;
  values: PlaceholderValues;
};

type ContextRow = {
  code: string;
  applicant: Record<string, unknown> | string;
  state: Record<string, unknown> | string;
  due_at: Date | null;
  extended_due_at: Date | null;
  procedure_name: string | null;
  agency_name: string;
  unit_path: string;
};

const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

/** dd/mm/yyyy in Vietnam (UTC+7). */
export function vnDate(d: Date | string | null | undefined): string {
  if (d === null || d === undefined) return '';
  const t = new Date(new Date(d).getTime() + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(t.getUTCDate())}/${p(t.getUTCMonth() + 1)}/${t.getUTCFullYear()}`;
}

export const vnd = (amount: number) => `${amount.toLocaleString('de-DE')} đ`;

/** 0912345678 → 09•••••678; nam@gmail.com → n•••@gmail.com. */
export function maskRecipient(channel: NotificationChannel, to: string): string {
  if (channel === 'email') {
    const [local = '', domain = ''] = to.split('@');
    return `${local.slice(0, 1)}•••@${domain}`;
  }
  if (to.length <= 5) return '•'.repeat(to.length);
  return `${to.slice(0, 2)}${'•'.repeat(to.length - 5)}${to.slice(-3)}`;
}

export async function loadDossierContexts(
  deps: Deps,
  codes: string[],
): Promise<Map<string, Omit<EventContext, 'values'> & { row: ContextRow }>> {
  if (codes.length === 0) return new Map();
  const rows = await sql<ContextRow>`
    SELECT d.code, d.applicant, d.state, d.due_at, d.extended_due_at,
      pv.data->>'name' AS procedure_name, a.name AS agency_name, u.path AS unit_path
    FROM dossiers d
    JOIN procedure_versions pv ON pv.procedure_version_id = d.procedure_version_id
    JOIN agencies a ON a.agency_id = d.receiving_agency_id
    JOIN units u ON u.unit_id = a.unit_id
    WHERE d.code = ANY (${codes}::text[])`.execute(deps.db);
  return new Map(
    rows.rows.map((r) => {
      const applicant = json<Record<string, unknown>>(r.applicant);
      const notifyBy = Array.isArray(applicant.notifyBy)
        ? (applicant.notifyBy as NotificationChannel[])
        : null;
      return [
        r.code,
        {
          provinceCode: r.unit_path.split('/')[1] ?? '',
          dossierCode: r.code,
          feedbackCode: null,
          email: typeof applicant.email === 'string' ? applicant.email : null,
          phone: typeof applicant.phone === 'string' ? applicant.phone : null,
          notifyBy,
          row: r,
        },
      ];
    }),
  );
}

function dossierValues(deps: Deps, row: ContextRow, event: NotificationEvent): PlaceholderValues {
  const state = json<{
    supplement?: { missingComponents?: { name: string; requirement?: string }[] } | null;
    payment?: { items?: { name: string; amountVnd?: number }[] } | null;
    closeReason?: string | null;
    extendedDueAt?: string | null;
  }>(row.state);
  const applicant = json<Record<string, unknown>>(row.applicant);
  let lyDo = state.closeReason ?? '';
  if (event === 'supplement-requested')
    lyDo = (state.supplement?.missingComponents ?? [])
      .map((c) => (c.requirement ? `${c.name} (${c.requirement})` : c.name))
      .join('; ');
  const owed = (state.payment?.items ?? []).reduce((s, i) => s + (i.amountVnd ?? 0), 0);
  return {
    maHoSo: row.code,
    tenThuTuc: row.procedure_name ?? '',
    tenNguoiNop: typeof applicant.fullName === 'string' ? applicant.fullName : '',
    ngayHenTra: vnDate(row.due_at),
    ngayHenTraMoi: vnDate(row.extended_due_at ?? state.extendedDueAt ?? null),
    lyDo,
    soTien: vnd(owed),
    coQuan: row.agency_name,
    lienKet: `${deps.config.publicUrl}/tra-cuu/${row.code}`,
  };
}

/** The channels a message goes by: the applicant's choice (default: e-mail when given, plus SMS) ∩ enabled. */
export function channelsFor(
  ctx: Pick<EventContext, 'notifyBy' | 'email' | 'phone'>,
  enabled: Set<NotificationChannel>,
) {
  const chosen = ctx.notifyBy ?? (ctx.email ? ['email', 'sms'] : ['sms']);
  return NOTIFICATION_CHANNELS.filter(
    (c) => chosen.includes(c) && enabled.has(c) && (c === 'email' ? ctx.email !== null : ctx.phone !== null),
  );
}

type ProvinceSettings = { enabled: Set<NotificationChannel>; brandname: string };

export async function provinceSettings(deps: Deps, codes: string[]): Promise<Map<string, ProvinceSettings>> {
  const rows = codes.length
    ? await deps.db
        .selectFrom('notification_channel_settings')
        .selectAll()
        .where('province_code', 'in', codes)
        .execute()
    : [];
  const out = new Map<string, ProvinceSettings>();
  for (const code of codes) {
    const r = rows.find((x) => x.province_code === code);
    const enabled = new Set<NotificationChannel>(
      r ? NOTIFICATION_CHANNELS.filter((c) => r[c]) : (['email', 'sms'] as const),
    );
    out.set(code, { enabled, brandname: r?.sms_brandname ?? deps.config.notify.smsBrandname });
  }
  return out;
}

export async function templatesFor(deps: Deps, codes: string[]): Promise<Map<string, TemplateBody>> {
  const rows = codes.length
    ? await deps.db
        .selectFrom('notification_templates')
        .select(['province_code', 'event', 'channel', 'template'])
        .where('province_code', 'in', codes)
        .execute()
    : [];
  return new Map(
    rows.map((r) => [`${r.province_code}/${r.event}/${r.channel}`, json<TemplateBody>(r.template as never)]),
  );
}

type QueuedRow = {
  message_id: string;
  outbox_id: string;
  channel: NotificationChannel;
  recipient: string;
  content: RenderedMessage | string;
  tracking_id: string;
  province_code: string;
  state: string;
  attempts: number;
};

export type ChannelMonitor = {
  /** One attempt's outcome; a refusal of the recipient says nothing of the channel and is not counted. */
  record: (channel: NotificationChannel, result: SendResult, at: Date) => void;
};

/** Logs at warn once a channel has failed N times in a row, or has had no success for M minutes. */
export function channelMonitor(log: JobLog, failures: number, minutes: number): ChannelMonitor {
  const s = new Map<NotificationChannel, { inRow: number; since: number | null; alerted: boolean }>();
  return {
    record(channel, result, at) {
      if (!result.ok && result.recipient) return;
      const error = result.ok ? null : result.error;
      const c = s.get(channel) ?? { inRow: 0, since: null, alerted: false };
      s.set(channel, c);
      if (result.ok) {
        if (c.alerted) log.info({ channel }, 'notification channel recovered');
        c.inRow = 0;
        c.since = null;
        c.alerted = false;
        return;
      }
      c.inRow++;
      c.since ??= at.getTime();
      if (!c.alerted && (c.inRow >= failures || at.getTime() - c.since >= minutes * 60_000)) {
        c.alerted = true;
        log.warn(
          { channel, failuresInRow: c.inRow, error },
          'notification channel keeps failing: operators alerted',
        );
      }
    },
  };
}

type Resolved = { message: OutboxMessage; event: NotificationEvent | null; ctx: EventContext | null };

async function resolve(deps: Deps, messages: OutboxMessage[]): Promise<Resolved[]> {
  const dossierCodes = messages
    .filter((m) => m.topic === APPLICANT_TOPIC)
    .map((m) => str(m.payload.dossierCode));
  const dossiers = await loadDossierContexts(deps, [...new Set(dossierCodes)]);
  const feedbackCodes = messages
    .filter((m) => m.topic === FEEDBACK_TOPIC)
    .map((m) => str(m.payload.feedbackCode));
  const feedback = await loadFeedbackContexts(deps, [...new Set(feedbackCodes)]);
  return messages.map((message) => {
    if (message.topic === FEEDBACK_TOPIC) {
      const event = eventOfFeedback(str(message.payload.event));
      const ctx = feedback.get(str(message.payload.feedbackCode)) ?? null;
      return { message, event, ctx };
    }
    const event = eventOfAction(str(message.payload.action), str(message.payload.status));
    const d = dossiers.get(str(message.payload.dossierCode));
    if (!d || event === null) return { message, event, ctx: null };
    const { row, ...rest } = d;
    return { message, event, ctx: { ...rest, values: dossierValues(deps, row, event) } };
  });
}

/** Writes the rows of the messages not rendered yet (a second delivery of a message writes none). */
async function ensureRows(deps: Deps, resolved: Resolved[]): Promise<void> {
  const provinces = [...new Set(resolved.flatMap((r) => (r.ctx ? [r.ctx.provinceCode] : [])))];
  const settings = await provinceSettings(deps, provinces);
  const overrides = await templatesFor(deps, provinces);
  const rows: Record<string, unknown>[] = [];
  for (const { message, event, ctx } of resolved) {
    if (!ctx || event === null) continue;
    const s = settings.get(ctx.provinceCode)!;
    for (const channel of channelsFor(ctx, s.enabled)) {
      const template =
        overrides.get(`${ctx.provinceCode}/${event}/${channel}`) ?? defaultTemplate(event, channel);
      const recipient = channel === 'email' ? ctx.email! : ctx.phone!;
      rows.push({
        outbox_id: message.id,
        dossier_code: ctx.dossierCode,
        feedback_code: ctx.feedbackCode,
        province_code: ctx.provinceCode,
        event,
        channel,
        recipient,
        recipient_masked: maskRecipient(channel, recipient),
        content: JSON.stringify({ ...render(channel, template, ctx.values), brandname: s.brandname }),
        tracking_id: `mc${message.id}${channel[0]}`,
        state: 'queued',
        queued_at: message.createdAt,
      });
    }
  }
  if (rows.length === 0) return;
  await deps.db
    .insertInto('notification_messages')
    .values(rows as never)
    .onConflict((oc) => oc.columns(['outbox_id', 'channel']).doNothing())
    .execute();
}

type AttemptResult = { row: QueuedRow; result: SendResult; at: Date };

async function recordResults(deps: Deps, results: AttemptResult[]): Promise<void> {
  if (results.length === 0) return;
  const data = JSON.stringify(
    results.map(({ row, result, at }) => ({
      id: row.message_id,
      at: at.toISOString(),
      ok: result.ok,
      delivered: result.ok && result.delivered,
      provider_id: result.ok ? result.providerId : null,
      temporary: !result.ok && result.temporary,
      recipient: !result.ok && result.recipient === true,
      error: result.ok ? null : result.error.slice(0, 500),
    })),
  );
  // Never backwards: a callback may have made the row delivered (or failed) before its answer is recorded.
  await sql`
    WITH v AS (SELECT * FROM jsonb_to_recordset(${data}::jsonb)
      AS v(id bigint, at timestamptz, ok boolean, delivered boolean, provider_id text, temporary boolean,
           recipient boolean, error text)),
    upd AS (
      UPDATE notification_messages m SET
        attempts = m.attempts + 1,
        provider_id = coalesce(m.provider_id, v.provider_id),
        state = CASE WHEN m.state IN ('delivered', 'failed') THEN m.state
                     WHEN v.delivered THEN 'delivered'
                     WHEN v.ok THEN 'sent'
                     WHEN v.temporary THEN 'queued'
                     ELSE 'failed' END,
        reason = CASE WHEN m.state = 'delivered' THEN m.reason WHEN v.ok THEN NULL ELSE v.error END,
        sent_at = CASE WHEN v.ok THEN coalesce(m.sent_at, v.at) ELSE m.sent_at END,
        delivered_at = CASE WHEN v.delivered THEN coalesce(m.delivered_at, v.at) ELSE m.delivered_at END,
        failed_at = CASE WHEN NOT v.ok AND NOT v.temporary AND m.state <> 'delivered' THEN v.at ELSE m.failed_at END
      FROM v WHERE m.message_id = v.id
      RETURNING m.message_id)
    INSERT INTO notification_attempts (message_id, channel, at, ok, temporary, recipient_refused, error)
    SELECT v.id, m.channel, v.at, v.ok, v.temporary, v.recipient, v.error
    FROM v JOIN notification_messages m ON m.message_id = v.id`.execute(deps.db);
}

async function inParallel<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

/** Sends the queued rows `where` selects; a temporary failure or a missing provider notes its outbox id. */
async function sendRows(
  deps: Deps,
  senders: Senders,
  options: {
    monitor: ChannelMonitor;
    sendConcurrency?: number;
    waiting: Map<string, string>;
    where: RawBuilder<unknown>;
  },
): Promise<void> {
  const { waiting } = options;
  const queued = (
    await sql<QueuedRow>`SELECT message_id, outbox_id, channel, recipient, content, tracking_id,
        province_code, state, attempts
      FROM notification_messages WHERE ${options.where} AND state = 'queued'
      ORDER BY message_id`.execute(deps.db)
  ).rows;
  const results: AttemptResult[] = [];
  await inParallel(queued, options.sendConcurrency ?? 8, async (row) => {
    const send = senders[row.channel];
    const content = json<RenderedMessage & { brandname?: string }>(row.content);
    if (!send) {
      // The channel has no provider configured yet: the message waits, nothing is attempted.
      waiting.set(String(row.outbox_id), `${row.channel}: no provider configured`);
      return;
    }
    const result = await send({
      recipient: row.recipient,
      content,
      trackingId: row.tracking_id,
      brandname: content.brandname ?? deps.config.notify.smsBrandname,
    });
    const at = deps.clock.now();
    options.monitor.record(row.channel, result, at);
    results.push({ row, result, at });
    if (!result.ok && result.temporary) waiting.set(String(row.outbox_id), result.error);
  });
  await recordResults(deps, results);
}

export function notificationHandler(
  deps: Deps,
  senders: Senders,
  options: { monitor: ChannelMonitor; batchSize?: number; sendConcurrency?: number },
): TopicHandler {
  return {
    batchSize: options.batchSize ?? 25,
    deliver: async (messages): Promise<DeliveryOutcome[]> => {
      const resolved = await resolve(deps, messages);
      await ensureRows(deps, resolved);
      // A Zalo refusal recorded before a crash gets its SMS on redelivery.
      await ensureSmsFallbacks(deps, resolved);
      const ids = messages.map((m) => m.id);
      const waiting = new Map<string, string>();
      await sendRows(deps, senders, {
        ...options,
        waiting,
        where: sql`outbox_id = ANY (${ids}::bigint[])`,
      });
      // Zalo refused for good just now: the SMS instead, in this round.
      const fallbacks = await ensureSmsFallbacks(deps, resolved);
      if (fallbacks.length > 0)
        await sendRows(deps, senders, {
          ...options,
          waiting,
          where: sql`message_id = ANY (${fallbacks}::bigint[])`,
        });
      return messages.map((m) => {
        const error = waiting.get(m.id);
        return error === undefined ? { ok: true } : { ok: false, error };
      });
    },
  };
}
