// The outbox handler of staff.notification (issue #18, scope 4): who a dossier or PAKN landed with —
// its new handler, or the holders of the step's role at the agency holding it, never the person who
// acted — and, of them, those who chose to be told. One staff_notifications row per (outbox message,
// recipient), inserted ON CONFLICT DO NOTHING, so a redelivered message tells once: "immediate" rows
// are rendered and sent by e-mail at once (through the applicants' e-mail sender), "daily" rows wait for
// the person's summary (staff-digest.ts). docs/domain/notifications.md, "Staff".
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Deps } from '../../deps.ts';
import type { DB } from '../../db/schema.ts';
import type { DeliveryOutcome, OutboxMessage, TopicHandler } from '../../platform/jobs/outbox-worker.ts';
import type { RenderedMessage } from '../../../common/contracts/notifications.ts';
import type { StaffArrival } from '../../../common/contracts/staff-notifications.ts';
import { renderArrival, type ArrivalItem } from '../../../common/notifications/staff-templates.ts';
import type { ChannelMonitor } from './delivery.ts';
import type { Senders, SendResult } from './senders.ts';

export const STAFF_TOPIC = 'staff.notification';

type Subject = 'dossier' | 'feedback';
type Executor = Kysely<DB> | Transaction<DB>;
type Recipient = { outbox_id: string; user_id: string; worklist_email: string; email: string };
type Detail = { title: string; dueAt: string | null };

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
/** What an arrival is of: a PAKN, else a dossier. */
export const subjectOf = (v: unknown): Subject => (v === 'feedback' ? 'feedback' : 'dossier');
const idOrNull = (v: unknown): string | null => (str(v) === '' ? null : str(v));

/** The staff app's page of a dossier or a PAKN. */
export function staffLink(deps: Deps, subject: Subject, code: string): string {
  const base = deps.config.publicUrl;
  return subject === 'dossier'
    ? `${base}/ho-so/${encodeURIComponent(code)}`
    : `${base}/phan-anh-kien-nghi/${encodeURIComponent(code)}`;
}

/** Title and due time of each dossier and PAKN named, by `subject/code`. */
export async function arrivalDetails(
  deps: Deps,
  named: readonly { subject: Subject; code: string }[],
  db: Executor = deps.db,
): Promise<Map<string, Detail>> {
  const codes = (s: Subject) => [...new Set(named.filter((n) => n.subject === s).map((n) => n.code))];
  const dossiers = codes('dossier');
  const feedback = codes('feedback');
  const out = new Map<string, Detail>();
  const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
  if (dossiers.length > 0) {
    const rows = await sql<{ code: string; title: string | null; due_at: Date | null }>`
      SELECT d.code, pv.data->>'name' AS title, COALESCE(d.extended_due_at, d.due_at) AS due_at
      FROM dossiers d JOIN procedure_versions pv ON pv.procedure_version_id = d.procedure_version_id
      WHERE d.code = ANY (${dossiers}::text[])`.execute(db);
    for (const r of rows.rows) out.set(`dossier/${r.code}`, { title: r.title ?? '', dueAt: iso(r.due_at) });
  }
  if (feedback.length > 0) {
    const rows = await sql<{ code: string; title: string | null; due_at: Date }>`
      SELECT code, subject AS title, due_at FROM feedback WHERE code = ANY (${feedback}::text[])`.execute(db);
    for (const r of rows.rows) out.set(`feedback/${r.code}`, { title: r.title ?? '', dueAt: iso(r.due_at) });
  }
  return out;
}

/** An arrival as the e-mails name it. */
export function arrivalItem(
  deps: Deps,
  a: { subject: Subject; code: string; arrival: StaffArrival },
  details: Map<string, Detail>,
): ArrivalItem {
  const d = details.get(`${a.subject}/${a.code}`);
  return { ...a, title: d?.title ?? '', dueAt: d?.dueAt ?? null, link: staffLink(deps, a.subject, a.code) };
}

/** The recipients of each message who chose to be told (active accounts, not the one who acted). */
async function recipients(deps: Deps, messages: OutboxMessage[]): Promise<Recipient[]> {
  const data = JSON.stringify(
    messages.map((m) => ({
      outbox_id: m.id,
      assignee_id: idOrNull(m.payload.assigneeId),
      agency_id: idOrNull(m.payload.agencyId),
      role: str(m.payload.role),
      by_user_id: idOrNull(m.payload.byUserId),
    })),
  );
  const rows = await sql<Recipient>`
    WITH m AS (SELECT * FROM jsonb_to_recordset(${data}::jsonb)
      AS m(outbox_id bigint, assignee_id bigint, agency_id bigint, role text, by_user_id bigint))
    SELECT DISTINCT m.outbox_id::text AS outbox_id, p.user_id::text AS user_id, p.worklist_email, p.email
    FROM m
    JOIN LATERAL (
      SELECT m.assignee_id AS user_id WHERE m.assignee_id IS NOT NULL
      UNION
      SELECT r.user_id FROM user_roles r
      WHERE m.assignee_id IS NULL AND r.agency_id = m.agency_id AND r.role = m.role
    ) who ON true
    JOIN users u ON u.user_id = who.user_id AND u.active
    JOIN staff_notification_preferences p ON p.user_id = who.user_id
      AND p.worklist_email IN ('immediate', 'daily') AND p.email IS NOT NULL
    WHERE who.user_id IS DISTINCT FROM m.by_user_id`.execute(deps.db);
  return rows.rows;
}

/** Writes the rows of the messages not seen yet (a second delivery of a message writes none). */
async function ensureRows(deps: Deps, messages: OutboxMessage[]): Promise<void> {
  const who = await recipients(deps, messages);
  if (who.length === 0) return;
  const byId = new Map(messages.map((m) => [m.id, m]));
  const arrivalOf = (m: OutboxMessage) => ({
    subject: subjectOf(m.payload.subject),
    code: str(m.payload.code),
    arrival: str(m.payload.arrival) as StaffArrival,
  });
  const details = await arrivalDetails(
    deps,
    who.map((r) => arrivalOf(byId.get(r.outbox_id)!)),
  );
  const rows = who.map((r) => {
    const m = byId.get(r.outbox_id)!;
    const a = arrivalOf(m);
    const immediate = r.worklist_email === 'immediate';
    return {
      outbox_id: r.outbox_id,
      user_id: r.user_id,
      subject: a.subject,
      code: a.code,
      arrival: a.arrival,
      arrived_at: m.createdAt,
      recipient: r.email,
      state: immediate ? 'queued' : 'pending-digest',
      content: immediate ? JSON.stringify(renderArrival(arrivalItem(deps, a, details))) : null,
    };
  });
  await deps.db
    .insertInto('staff_notifications')
    .values(rows)
    .onConflict((oc) => oc.columns(['outbox_id', 'user_id']).doNothing())
    .execute();
}

type QueuedRow = { staff_notification_id: string; outbox_id: string; recipient: string; content: unknown };

async function record(deps: Deps, row: QueuedRow, result: SendResult, at: Date): Promise<void> {
  const state = result.ok ? 'sent' : result.temporary ? 'queued' : 'failed';
  await deps.db
    .updateTable('staff_notifications')
    .set((eb) => ({
      state,
      attempts: eb('attempts', '+', 1),
      reason: result.ok ? null : result.error.slice(0, 500),
      sent_at: result.ok ? at : null,
    }))
    .where('staff_notification_id', '=', row.staff_notification_id)
    .where('state', '=', 'queued')
    .execute();
}

export function staffNotificationHandler(
  deps: Deps,
  senders: Senders,
  options: { monitor: ChannelMonitor; batchSize?: number },
): TopicHandler {
  return {
    batchSize: options.batchSize ?? 25,
    deliver: async (messages): Promise<DeliveryOutcome[]> => {
      await ensureRows(deps, messages);
      const ids = messages.map((m) => m.id);
      const queued = await deps.db
        .selectFrom('staff_notifications')
        .select(['staff_notification_id', 'outbox_id', 'recipient', 'content'])
        .where('outbox_id', 'in', ids)
        .where('state', '=', 'queued')
        .orderBy('staff_notification_id')
        .execute();
      const waiting = new Map<string, string>();
      for (const row of queued) {
        const send = senders.email;
        if (!send) {
          waiting.set(String(row.outbox_id), 'email: no provider configured');
          continue;
        }
        const content = (
          typeof row.content === 'string' ? JSON.parse(row.content) : row.content
        ) as RenderedMessage;
        const result = await send({
          recipient: row.recipient,
          content,
          trackingId: `mcs${row.staff_notification_id}`,
          brandname: deps.config.notify.smsBrandname,
        });
        const at = deps.clock.now();
        options.monitor.record('email', result, at);
        await record(deps, row, result, at);
        if (!result.ok && result.temporary) waiting.set(String(row.outbox_id), result.error);
      }
      return messages.map((m) => {
        const error = waiting.get(m.id);
        return error === undefined ? { ok: true } : { ok: false, error };
      });
    },
  };
}
