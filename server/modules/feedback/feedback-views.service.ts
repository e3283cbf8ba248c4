// What a PAKN shows (docs/domain/feedback.md): to anyone by its code (never the sender's personal data
// unless they consented to their name), to staff in reach (the whole record and what they may do), the
// register with its totals, the files, and the sender's rating.
import { sql } from 'kysely';
import type { Deps } from '../../deps.ts';
import type { Actor, CitizenActor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import {
  FEEDBACK_ACTIONS,
  FEEDBACK_KIND_LABELS,
  FEEDBACK_STATUS_LABELS,
  type FeedbackDetail,
  type FeedbackKind,
  type FeedbackList,
  type FeedbackListQuery,
  type FeedbackRatingBody,
  type FeedbackStatus,
  type PublicFeedback,
} from '../../../common/contracts/feedback.ts';
import { SATISFACTION_LABELS, type SatisfactionLevel } from '../../../common/dossiers/ratings.ts';
import { addWorkingTime } from '../../../common/working-time/index.ts';
import { workingTimeFor } from '../calendar/index.ts';
import { canReachAgency } from '../org/index.ts';
import { fail } from './feedback.errors.ts';
import { mayTake } from './feedback-actions.service.ts';
import { agencyById, findFeedback, type Executor, type FeedbackRowRead } from './feedback.repository.ts';

const OPEN: readonly FeedbackStatus[] = ['received', 'awaiting-transfer', 'processing', 'awaiting-approval'];
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const notFound = (code: string) => fail('FEEDBACK_NOT_FOUND', { params: { code } });
const digits = (phone: string) => phone.replace(/\D/g, '').replace(/^84/, '0');

async function ratingOf(db: Executor, feedbackId: string) {
  return db
    .selectFrom('feedback_ratings')
    .selectAll()
    .where('feedback_id', '=', feedbackId)
    .executeTakeFirst();
}

/** `GET /api/v1/public/feedback/:code`. */
export async function publicFeedback(deps: Deps, code: string): Promise<PublicFeedback> {
  const row = await findFeedback(deps.db, code);
  if (!row) throw notFound(code);
  const status = row.status as FeedbackStatus;
  const base = { code: row.code, status, statusLabel: FEEDBACK_STATUS_LABELS[status] };
  if (row.hidden) return { ...base, hidden: true };
  const published = status === 'published';
  const answerAgency =
    published && row.answer_agency_id !== null ? await agencyById(deps.db, row.answer_agency_id) : undefined;
  const rating = await ratingOf(deps.db, row.feedback_id);
  return {
    ...base,
    hidden: false,
    kind: row.kind as FeedbackKind,
    kindLabel: FEEDBACK_KIND_LABELS[row.kind as FeedbackKind],
    subject: row.subject,
    agency: { code: row.agency_code, name: row.agency_name },
    receivedAt: iso(row.received_at)!,
    dueAt: iso(row.due_at),
    content: published ? row.content : null,
    answer:
      published && row.answer_text !== null && answerAgency
        ? {
            text: row.answer_text,
            answeredAt: iso(row.delivered_at ?? row.approved_at)!,
            agency: { code: answerAgency.code, name: answerAgency.name },
          }
        : null,
    // The name only, and only with both the sender's consent and the publisher's choice.
    senderName: published && row.publish_consent && row.publish_sender_data ? row.sender_name : null,
    rating: rating
      ? {
          level: rating.level as SatisfactionLevel,
          label: SATISFACTION_LABELS[rating.level as SatisfactionLevel],
        }
      : null,
  };
}

const target = (row: FeedbackRowRead) => ({ agencyPath: row.agency_path, unitPath: row.unit_path });

/** The row, for staff who reach its agency (anyone else: 404, as for a code that does not exist). */
export async function visibleFeedback(
  deps: Deps,
  actor: Actor,
  code: string,
  db: Executor = deps.db,
): Promise<FeedbackRowRead> {
  const row = await findFeedback(db, code);
  if (!row || !canReachAgency(actor, target(row), 'read')) throw notFound(code);
  return row;
}

async function filesOf(db: Executor, row: FeedbackRowRead) {
  const rows = await db
    .selectFrom('feedback_files as ff')
    .innerJoin('files as f', 'f.file_id', 'ff.file_id')
    .select(['f.file_id', 'f.original_name', 'f.size', 'f.media_type', 'ff.role'])
    .where('ff.feedback_id', '=', row.feedback_id)
    .orderBy('f.created_at')
    .execute();
  const view = (f: (typeof rows)[number]) => ({
    fileId: f.file_id,
    name: f.original_name,
    size: Number(f.size),
    type: f.media_type,
    url: `/api/v1/feedback/${row.code}/files/${f.file_id}`,
  });
  return {
    attachments: rows.filter((f) => f.role === 'attachment').map(view),
    answer: rows.filter((f) => f.role === 'answer').map(view),
  };
}

const usernames = async (db: Executor, ids: (string | null)[]) => {
  const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('users')
    .select(['user_id', 'username'])
    .where('user_id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.user_id, r.username]));
};

/**
 * `GET /api/v1/feedback/:code`: the whole record, for staff in reach. `db`: the action's transaction,
 * when the record is the answer an action keeps for a retry (Idempotency-Key).
 */
export async function feedbackDetail(
  deps: Deps,
  actor: Actor,
  code: string,
  options: {
    /** Just transferred by this caller out of their reach: shown once more, with nothing they may do. */
    justTransferred?: boolean;
    db?: Executor;
  } = {},
): Promise<FeedbackDetail> {
  const db = options.db ?? deps.db;
  const row = options.justTransferred
    ? await findFeedback(db, code)
    : await visibleFeedback(deps, actor, code, db);
  if (!row) throw notFound(code);
  const [files, transfers, history, rating, dossier] = await Promise.all([
    filesOf(db, row),
    db
      .selectFrom('feedback_transfers as t')
      .innerJoin('agencies as fa', 'fa.agency_id', 't.from_agency_id')
      .innerJoin('agencies as ta', 'ta.agency_id', 't.to_agency_id')
      .innerJoin('users as u', 'u.user_id', 't.by_user_id')
      .select([
        'fa.code as fc',
        'fa.name as fn',
        'ta.code as tc',
        'ta.name as tn',
        't.note',
        't.at',
        't.late',
      ])
      .select('u.username')
      .where('t.feedback_id', '=', row.feedback_id)
      .orderBy('t.transfer_id')
      .execute(),
    db
      .selectFrom('feedback_actions')
      .select(['action', 'actor_label', 'at', 'details'])
      .where('feedback_id', '=', row.feedback_id)
      .orderBy('action_id')
      .execute(),
    ratingOf(db, row.feedback_id),
    row.dossier_id === null
      ? Promise.resolve(undefined)
      : db.selectFrom('dossiers').select('code').where('dossier_id', '=', row.dossier_id).executeTakeFirst(),
  ]);
  const names = await usernames(db, [row.assignee_user_id, row.draft_by_user_id, row.approved_by_user_id]);
  const status = row.status as FeedbackStatus;
  const now = deps.clock.now();
  return {
    code: row.code,
    kind: row.kind as FeedbackKind,
    channel: row.channel as FeedbackDetail['channel'],
    subject: row.subject,
    content: row.content,
    procedureCode: row.procedure_code,
    dossierCode: dossier?.code ?? null,
    sender: {
      fullName: row.sender_name,
      phone: row.sender_phone,
      email: row.sender_email,
      address: row.sender_address,
      citizen: row.citizen_id !== null,
      publishConsent: row.publish_consent,
    },
    status,
    statusLabel: FEEDBACK_STATUS_LABELS[status],
    category: row.category as FeedbackDetail['category'],
    categoryReason: row.category_reason,
    agency: { code: row.agency_code, name: row.agency_name },
    files: files.attachments,
    transfers: transfers.map((t) => ({
      from: { code: t.fc, name: t.fn },
      to: { code: t.tc, name: t.tn },
      note: t.note,
      at: iso(t.at)!,
      by: t.username,
      late: t.late,
    })),
    assignee: row.assignee_user_id === null ? null : (names.get(row.assignee_user_id) ?? null),
    draft:
      row.draft_text === null
        ? null
        : {
            text: row.draft_text,
            files: files.answer,
            by: names.get(row.draft_by_user_id ?? '') ?? '',
            at: iso(row.draft_at)!,
          },
    answer:
      row.approved_at === null || row.answer_text === null
        ? null
        : {
            text: row.answer_text,
            files: files.answer,
            approvedBy: names.get(row.approved_by_user_id ?? '') ?? '',
            approvedAt: iso(row.approved_at)!,
            deliveredAs: row.delivered_as as 'published' | 'sent-to-sender' | null,
            deliveredAt: iso(row.delivered_at),
          },
    returns: history
      .filter((h) => h.action === 'return-answer')
      .map((h) => ({
        reason: String((h.details as { reason?: string }).reason ?? ''),
        by: h.actor_label,
        at: iso(h.at)!,
      })),
    hidden: row.hidden,
    hiddenReason: row.hidden_reason,
    receivedAt: iso(row.received_at)!,
    clockStartedAt: iso(row.clock_started_at),
    dueAt: iso(row.due_at),
    transferDueAt: iso(row.transfer_due_at)!,
    urgent: row.urgent,
    verdict: row.verdict as FeedbackDetail['verdict'],
    overdue: OPEN.includes(status) && now > new Date(row.due_at),
    rating: rating
      ? {
          level: rating.level as SatisfactionLevel,
          label: SATISFACTION_LABELS[rating.level as SatisfactionLevel],
          comment: rating.comment,
          ratedAt: iso(rating.rated_at)!,
        }
      : null,
    history: history.map((h) => ({
      action: h.action,
      actor: h.actor_label,
      at: iso(h.at)!,
      details: h.details as Record<string, unknown>,
    })),
    version: row.version,
    may: FEEDBACK_ACTIONS.filter((a) => mayTake(actor, row, a)),
  };
}

/**
 * The end of "due soon" for this caller: one working day from now on the calendar and office hours
 * of the caller's first agency (the register's agencies are in the caller's reach, so its province).
 */
async function dueSoonEnd(deps: Deps, actor: Actor): Promise<Date> {
  const now = deps.clock.now();
  const first = actor.grants[0];
  if (!first) return now;
  const { calendar, hours } = await workingTimeFor(deps, first.agencyId);
  return new Date(
    addWorkingTime(now, { value: 1, unit: 'working-day' }, calendar.calendar, { hours, explain: false })
      .dueAt,
  );
}

type Cursor = { at: string; id: string };
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decodeCursor(text: string): Cursor | null {
  try {
    const c = JSON.parse(Buffer.from(text, 'base64url').toString()) as Cursor;
    return typeof c.at === 'string' && /^\d+$/.test(c.id) && !Number.isNaN(Date.parse(c.at)) ? c : null;
  } catch {
    return null;
  }
}

/**
 * The PAKN assigned to the person that are still open, due soon (by the register's rule) and overdue:
 * the staff's daily summary counts them (notifications, #18).
 */
export async function assignedFeedbackDue(
  deps: Deps,
  actor: Actor,
): Promise<{ dueSoon: number; overdue: number }> {
  const now = deps.clock.now();
  const soon = await dueSoonEnd(deps, actor);
  const row = await sql<{ due_soon: number; overdue: number }>`
    SELECT count(*) FILTER (WHERE due_at >= ${now} AND due_at <= ${soon})::int AS due_soon,
      count(*) FILTER (WHERE due_at < ${now})::int AS overdue
    FROM feedback
    WHERE assignee_user_id = ${actor.userId} AND NOT hidden
      AND status IN ('received', 'awaiting-transfer', 'processing', 'awaiting-approval')`.execute(deps.db);
  return { dueSoon: row.rows[0]?.due_soon ?? 0, overdue: row.rows[0]?.overdue ?? 0 };
}

/** `GET /api/v1/feedback`: the register of the agencies in the caller's reach, newest first. */
export async function listFeedback(deps: Deps, actor: Actor, q: FeedbackListQuery): Promise<FeedbackList> {
  const now = deps.clock.now();
  const soon = await dueSoonEnd(deps, actor);
  const reach = actor.grants;
  let base = deps.db
    .selectFrom('feedback as f')
    .innerJoin('agencies as a', 'a.agency_id', 'f.agency_id')
    .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
    .where((eb) =>
      eb.or(
        reach.length === 0
          ? [eb.val(false)]
          : reach.flatMap((g) => [
              eb('a.path', 'like', `${g.agencyPath}%`),
              eb.and([eb('u.path', 'like', `${g.unitPath}%`), eb('u.path', '!=', g.unitPath)]),
            ]),
      ),
    );
  if (q.agencyCode !== undefined) base = base.where('a.code', '=', q.agencyCode);
  if (q.q !== undefined) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) => eb.or([eb('f.code', 'ilike', like), eb('f.subject', 'ilike', like)]));
  }
  const overdueSql = sql<boolean>`f.status IN ('received','awaiting-transfer','processing','awaiting-approval') AND f.due_at < ${now}`;
  const dueSoonSql = sql<boolean>`f.status IN ('received','awaiting-transfer','processing','awaiting-approval') AND f.due_at >= ${now} AND f.due_at <= ${soon}`;
  const totalsRows = await base
    .select(['f.status'])
    .select((eb) => [
      eb.fn.countAll<string>().as('n'),
      sql<string>`count(*) FILTER (WHERE ${overdueSql})`.as('overdue'),
      sql<string>`count(*) FILTER (WHERE ${dueSoonSql})`.as('due_soon'),
    ])
    .groupBy('f.status')
    .execute();
  let page = base;
  if (q.status !== undefined) page = page.where('f.status', '=', q.status);
  if (q.due === 'overdue') page = page.where(overdueSql);
  if (q.due === 'due-soon') page = page.where(dueSoonSql);
  const cursor = q.cursor === undefined ? null : decodeCursor(q.cursor);
  if (cursor)
    page = page.where((eb) =>
      eb.or([
        eb('f.received_at', '<', new Date(cursor.at)),
        eb.and([eb('f.received_at', '=', new Date(cursor.at)), eb('f.feedback_id', '<', cursor.id)]),
      ]),
    );
  const limit = q.limit ?? 50;
  const rows = await page
    .leftJoin('users as s', 's.user_id', 'f.assignee_user_id')
    .select([
      'f.feedback_id',
      'f.code',
      'f.kind',
      'f.channel',
      'f.subject',
      'f.status',
      'f.category',
      'a.code as agency_code',
      'a.name as agency_name',
      's.username as assignee',
      'f.received_at',
      'f.due_at',
      'f.hidden',
      'f.version',
    ])
    .select([overdueSql.as('overdue'), dueSoonSql.as('due_soon')])
    .orderBy('f.received_at', 'desc')
    .orderBy('f.feedback_id', 'desc')
    .limit(limit + 1)
    .execute();
  const more = rows.length > limit;
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const byStatus: Record<string, number> = {};
  for (const t of totalsRows) byStatus[t.status] = Number(t.n);
  return {
    items: items.map((r) => ({
      code: r.code,
      kind: r.kind as FeedbackKind,
      channel: r.channel as FeedbackList['items'][number]['channel'],
      subject: r.subject,
      status: r.status as FeedbackStatus,
      statusLabel: FEEDBACK_STATUS_LABELS[r.status as FeedbackStatus],
      category: r.category as FeedbackList['items'][number]['category'],
      agency: { code: r.agency_code, name: r.agency_name },
      assignee: r.assignee,
      receivedAt: iso(r.received_at)!,
      dueAt: iso(r.due_at),
      overdue: Boolean(r.overdue),
      dueSoon: Boolean(r.due_soon),
      hidden: r.hidden,
      version: r.version,
    })),
    nextCursor: more && last ? encodeCursor({ at: iso(last.received_at)!, id: last.feedback_id }) : null,
    totals: {
      all: totalsRows.reduce((s, t) => s + Number(t.n), 0),
      byStatus,
      overdue: totalsRows.reduce((s, t) => s + Number(t.overdue), 0),
      dueSoon: totalsRows.reduce((s, t) => s + Number(t.due_soon), 0),
    },
  };
}

/** Who may read a PAKN's file: staff in reach, or its sender (the signed-in citizen who sent it). */
export async function feedbackFile(
  deps: Deps,
  caller: { actor: Actor | null; citizen: CitizenActor | null },
  ref: { code: string; fileId: string },
) {
  const row = await findFeedback(deps.db, ref.code);
  const allowed =
    row !== undefined &&
    ((caller.actor !== null && canReachAgency(caller.actor, target(row), 'read')) ||
      (caller.citizen !== null && row.citizen_id === caller.citizen.citizenId));
  const file = allowed
    ? await deps.db
        .selectFrom('feedback_files as ff')
        .innerJoin('files as f', 'f.file_id', 'ff.file_id')
        .select(['f.media_type'])
        .where('ff.feedback_id', '=', row.feedback_id)
        .where('ff.file_id', '=', ref.fileId)
        .executeTakeFirst()
    : undefined;
  const bytes = file ? await deps.files.get(ref.fileId) : null;
  if (!file || bytes === null) throw notFound(ref.code);
  return { bytes, mediaType: file.media_type };
}

/** `POST /api/v1/public/feedback/:code/rating`: the sender, once answered, once. */
export async function rateFeedback(
  deps: Deps,
  citizen: CitizenActor | null,
  given: { code: string; body: FeedbackRatingBody },
) {
  const row = await findFeedback(deps.db, given.code);
  if (!row) throw notFound(given.code);
  const sender =
    digits(row.sender_phone) === digits(given.body.phone) ||
    (citizen !== null && row.citizen_id === citizen.citizenId);
  if (!sender)
    throw fail('FEEDBACK_RATING_NOT_SENDER', {
      details: [{ path: 'body/phone', message: 'Không khớp với số điện thoại của người gửi.' }],
    });
  if (row.status !== 'published' && row.status !== 'answered')
    throw fail('FEEDBACK_RATING_NOT_YET', {
      details: [{ path: 'body/level', message: 'Chưa có câu trả lời.' }],
    });
  const now = deps.clock.now();
  const comment = given.body.comment?.trim() ? given.body.comment.trim() : null;
  return deps.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('feedback_ratings')
      .values({ feedback_id: row.feedback_id, level: given.body.level, comment, rated_at: now })
      .onConflict((oc) => oc.column('feedback_id').doNothing())
      .returning(['level', 'rated_at'])
      .executeTakeFirst();
    if (!inserted)
      throw fail('FEEDBACK_RATING_ALREADY_GIVEN', {
        details: [{ path: 'body/level', message: 'Đã đánh giá.' }],
      });
    await trx
      .insertInto('feedback_actions')
      .values({
        feedback_id: row.feedback_id,
        action: 'rated',
        user_id: null,
        actor_label: 'Người gửi',
        at: now,
        details: JSON.stringify({ level: given.body.level }),
      })
      .execute();
    await appendAudit(
      trx,
      { userId: null, label: 'Người gửi phản ánh, kiến nghị' },
      {
        action: 'feedback.rated',
        entityType: 'feedback',
        entityId: row.feedback_id,
        details: { code: row.code, level: given.body.level },
        chain: row.agency_id,
      },
      now,
    );
    return {
      code: row.code,
      level: inserted.level as SatisfactionLevel,
      label: SATISFACTION_LABELS[inserted.level as SatisfactionLevel],
      ratedAt: iso(inserted.rated_at)!,
    };
  });
}
