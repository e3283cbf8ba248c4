// Explanation requests (yêu cầu giải trình): the province's administrator asks an agency in reach why
// it did not use the system in a period, with a due day and a message; a leader of that agency answers
// once, in the system. A request is late when unanswered after its due day (Vietnamese civil days).
// Writes take an Idempotency-Key (a retry gets the first answer) and are audited on the agency's chain.
import { sql } from 'kysely';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { findReplay, rememberResponse } from '../../platform/idempotency.ts';
import { vnDate } from '../../../common/time/vn-time.ts';
import { periodLabel } from '../../../common/reports/ii06a.ts';
import {
  answeredLate,
  EXPLANATION_ANSWER_ROLES,
  EXPLANATION_REQUESTER_ROLES,
  explanationState,
  isCivilDate,
  periodProblems,
  type ExplanationState,
} from '../../../common/reports/adoption.ts';
import { OVERVIEW_ROLES } from '../../../common/reports/overview.ts';
import type {
  ExplanationBody,
  ExplanationList,
  ExplanationView,
} from '../../../common/contracts/report-adoption.ts';
import { canReachAgency, findAgencyByCode } from '../org/index.ts';
import { inScope, type OverviewScope } from '../reports/index.ts';
import { fail } from './adoption.errors.ts';
import type { AdoptionPeriod } from './adoption.monitor.ts';

type Executor = Deps['db'];

function explanationRows(db: Executor) {
  return db
    .selectFrom('adoption_explanations as e')
    .innerJoin('agencies as a', 'a.agency_id', 'e.agency_id')
    .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
    .innerJoin('users as q', 'q.user_id', 'e.requested_by')
    .leftJoin('users as w', 'w.user_id', 'e.answered_by')
    .select([
      'e.explanation_id',
      'e.agency_id',
      'a.code',
      'a.name',
      'a.path as agency_path',
      'u.name as unit_name',
      'u.path as unit_path',
      'e.period_from',
      'e.period_to',
      'e.due_on',
      'e.message',
      'q.full_name as requested_by',
      'e.requested_at',
      'e.answer',
      'w.full_name as answered_by',
      'e.answered_at',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof explanationRows>['execute']>>[number];

/** The caller holds a leader role at the agency itself: they answer for it. */
const leads = (actor: Actor, agencyId: string) =>
  actor.grants.some((g) => EXPLANATION_ANSWER_ROLES.includes(g.role) && g.agencyId === agencyId);

function present(r: Row, actor: Actor, today: string): ExplanationView {
  const answeredAt = r.answered_at === null ? null : new Date(r.answered_at).toISOString();
  const timing = { dueOn: r.due_on, answeredAt };
  const state = explanationState(timing, today);
  return {
    id: r.explanation_id,
    agency: { code: r.code, name: r.name, unitName: r.unit_name },
    from: r.period_from,
    to: r.period_to,
    periodLabel: periodLabel(r.period_from, r.period_to),
    dueOn: r.due_on,
    message: r.message,
    requestedBy: r.requested_by,
    requestedAt: new Date(r.requested_at).toISOString(),
    answer: answeredAt === null ? null : { text: r.answer ?? '', by: r.answered_by ?? '', at: answeredAt },
    state,
    answeredLate: answeredLate(timing),
    canAnswer: state !== 'answered' && leads(actor, r.agency_id),
  };
}

/** Per agency, the requests about a period overlapping `period`, oldest first (the monitor). */
export async function explanationsOf(
  deps: Deps,
  actor: Actor,
  input: { agencyIds: string[]; period: AdoptionPeriod },
): Promise<Map<string, ExplanationView[]>> {
  if (input.agencyIds.length === 0) return new Map();
  const today = vnDate(deps.clock.now());
  const rows = await explanationRows(deps.db)
    .where('e.agency_id', 'in', input.agencyIds)
    .where('e.period_from', '<=', input.period.to)
    .where('e.period_to', '>=', input.period.from)
    .orderBy('e.requested_at')
    .orderBy('e.explanation_id')
    .execute();
  const out = new Map<string, ExplanationView[]>();
  for (const r of rows) out.set(r.agency_id, [...(out.get(r.agency_id) ?? []), present(r, actor, today)]);
  return out;
}

async function readOne(db: Executor, actor: Actor, input: { id: string; today: string }) {
  const row = await explanationRows(db).where('e.explanation_id', '=', input.id).executeTakeFirstOrThrow();
  return present(row, actor, input.today);
}

type Write<B> = { body: B; idempotencyKey: string | undefined; requestId: string };

export async function requestExplanation(
  deps: Deps,
  actor: Actor,
  input: Write<ExplanationBody>,
): Promise<ExplanationView> {
  const { body } = input;
  const now = deps.clock.now();
  const today = vnDate(now);
  if (!actor.grants.some((g) => EXPLANATION_REQUESTER_ROLES.includes(g.role)))
    throw fail('EXPLANATION_REQUESTERS_ONLY');
  const scope = `staff:${actor.userId}:adoption-explanation`;
  const replayed = await findReplay<{ id: string }>(deps.db, { scope, key: input.idempotencyKey, body });
  if (replayed) return readOne(deps.db, actor, { id: replayed.body.id, today });
  const problems = periodProblems(body, 'body');
  if (!isCivilDate(body.dueOn))
    problems.push({ path: 'body/dueOn', message: 'Ngày không có thật; nhập theo dạng YYYY-MM-DD.' });
  else if (body.dueOn < today)
    problems.push({ path: 'body/dueOn', message: 'Hạn giải trình phải từ hôm nay trở đi.' });
  if (body.message.trim() === '')
    problems.push({ path: 'body/message', message: 'Hãy nhập nội dung yêu cầu.' });
  if (problems.length > 0) throw fail('ADOPTION_INPUT_INVALID', { details: problems });
  const agency = await findAgencyByCode(deps.db, body.agencyCode);
  if (!agency) throw fail('ADOPTION_AGENCY_NOT_FOUND', { params: { code: body.agencyCode } });
  const target = { agencyPath: agency.agency_path, unitPath: agency.unit_path };
  if (!canReachAgency(actor, target, 'write', EXPLANATION_REQUESTER_ROLES))
    throw fail('EXPLANATION_REQUESTERS_ONLY');
  return deps.db.transaction().execute(async (trx) => {
    const { explanation_id: id } = await trx
      .insertInto('adoption_explanations')
      .values({
        agency_id: agency.agency_id,
        period_from: body.from,
        period_to: body.to,
        due_on: body.dueOn,
        message: body.message.trim(),
        requested_by: actor.userId,
        requested_at: now,
      })
      .returning('explanation_id')
      .executeTakeFirstOrThrow();
    await rememberResponse(
      trx,
      { scope, key: input.idempotencyKey, body },
      { statusCode: 201, body: { id }, at: now },
    );
    await appendAudit(
      trx,
      actor,
      {
        action: 'adoption.explanation.request',
        entityType: 'adoption-explanation',
        entityId: id,
        details: { agencyCode: agency.code, from: body.from, to: body.to, dueOn: body.dueOn },
        requestId: input.requestId,
        chain: agency.agency_id,
      },
      now,
    );
    return readOne(trx, actor, { id, today });
  });
}

/** Whether the caller may see the request: they reach its agency for reading, or lead it. */
const sees = (actor: Actor, r: Pick<Row, 'agency_id' | 'agency_path' | 'unit_path'>) =>
  leads(actor, r.agency_id) ||
  canReachAgency(actor, { agencyPath: r.agency_path, unitPath: r.unit_path }, 'read', OVERVIEW_ROLES);

export async function answerExplanation(
  deps: Deps,
  actor: Actor,
  input: Write<{ text: string }> & { id: string },
): Promise<ExplanationView> {
  const now = deps.clock.now();
  const today = vnDate(now);
  const scope = `staff:${actor.userId}:adoption-answer:${input.id}`;
  const replayed = await findReplay<{ id: string }>(deps.db, {
    scope,
    key: input.idempotencyKey,
    body: input.body,
  });
  if (replayed) return readOne(deps.db, actor, { id: replayed.body.id, today });
  const text = input.body.text.trim();
  if (text === '')
    throw fail('ADOPTION_INPUT_INVALID', {
      details: [{ path: 'body/text', message: 'Hãy nhập nội dung giải trình.' }],
    });
  return deps.db.transaction().execute(async (trx) => {
    const row = await explanationRows(trx)
      .where('e.explanation_id', '=', input.id)
      .forUpdate('e')
      .executeTakeFirst();
    if (!row || !sees(actor, row)) throw fail('EXPLANATION_NOT_FOUND');
    if (!leads(actor, row.agency_id)) throw fail('EXPLANATION_LEADERS_ONLY');
    if (row.answered_at !== null) throw fail('EXPLANATION_ALREADY_ANSWERED');
    await trx
      .updateTable('adoption_explanations')
      .set({ answer: text, answered_by: actor.userId, answered_at: now })
      .where('explanation_id', '=', row.explanation_id)
      .execute();
    await rememberResponse(
      trx,
      { scope, key: input.idempotencyKey, body: input.body },
      { statusCode: 200, body: { id: row.explanation_id }, at: now },
    );
    await appendAudit(
      trx,
      actor,
      {
        action: 'adoption.explanation.answer',
        entityType: 'adoption-explanation',
        entityId: row.explanation_id,
        details: { agencyCode: row.code, dueOn: row.due_on, late: today > row.due_on },
        requestId: input.requestId,
        chain: row.agency_id,
      },
      now,
    );
    return readOne(trx, actor, { id: row.explanation_id, today });
  });
}

type ListFilter = {
  state?: ExplanationState | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
};

function stateFilter(state: ExplanationState | undefined, today: string) {
  if (state === 'answered') return sql<boolean>`e.answered_at IS NOT NULL`;
  if (state === 'late') return sql<boolean>`(e.answered_at IS NULL AND e.due_on < ${today}::date)`;
  if (state === 'awaiting') return sql<boolean>`(e.answered_at IS NULL AND e.due_on >= ${today}::date)`;
  return sql<boolean>`true`;
}

async function listWhere(
  deps: Deps,
  actor: Actor,
  input: { where: ReturnType<typeof sql<boolean>>; filter: ListFilter },
): Promise<ExplanationList> {
  const today = vnDate(deps.clock.now());
  const { page = 1, pageSize = 50 } = input.filter;
  const where = sql<boolean>`${input.where} AND ${stateFilter(input.filter.state, today)}`;
  const [rows, total] = await Promise.all([
    explanationRows(deps.db)
      .where(where)
      .orderBy('e.requested_at', 'desc')
      .orderBy('e.explanation_id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    deps.db
      .selectFrom('adoption_explanations as e')
      .innerJoin('agencies as a', 'a.agency_id', 'e.agency_id')
      .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where(where)
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => present(r, actor, today)), total: Number(total.n) };
}

/** The requests to agencies in the overview's scope (administrators, auditors, leaders above), newest first. */
export function listExplanations(
  deps: Deps,
  actor: Actor,
  input: { scope: OverviewScope; filter: ListFilter },
): Promise<ExplanationList> {
  return listWhere(deps, actor, { where: inScope(input.scope), filter: input.filter });
}

/** The requests addressed to the agencies where the caller is a leader, newest first. */
export function listOwnExplanations(deps: Deps, actor: Actor, filter: ListFilter): Promise<ExplanationList> {
  const led = [
    ...new Set(actor.grants.filter((g) => EXPLANATION_ANSWER_ROLES.includes(g.role)).map((g) => g.agencyId)),
  ];
  if (led.length === 0) throw fail('EXPLANATION_INBOX_LEADERS_ONLY');
  return listWhere(deps, actor, { where: sql<boolean>`e.agency_id IN (${sql.join(led)})`, filter });
}
