// PAKN counted (issue #18 scope 3; docs/domain/feedback.md "Counted"): for the PAKN received in a period
// (Vietnam's civil days), per agency now handling them — received, answered on time and late (the
// verdict fixed at approval), open and overdue, not accepted, transferred out, and the senders' ratings.
// The Decision 766 indicators "PAKN đúng hạn" and "hài lòng với việc xử lý PAKN" read the same counts.
import { sql } from 'kysely';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../platform/actor.ts';
import type { FeedbackReport, FeedbackReportQuery } from '../../../common/contracts/feedback.ts';
import { vnMidnight } from '../../../common/time/vn-time.ts';
import { satisfiedRate } from '../../../common/dossiers/ratings.ts';
import { canReachAgency } from '../org/index.ts';
import { fail } from './feedback.errors.ts';
import { agencyByCode, type Executor } from './feedback.repository.ts';

export type PetitionFacts = {
  received: number;
  answeredOnTime: number;
  answeredLate: number;
  openOverdue: number;
  notAccepted: number;
  transferred: number;
  verySatisfied: number;
  satisfied: number;
  unsatisfied: number;
};

const ZERO: PetitionFacts = {
  received: 0,
  answeredOnTime: 0,
  answeredLate: 0,
  openOverdue: 0,
  notAccepted: 0,
  transferred: 0,
  verySatisfied: 0,
  satisfied: 0,
  unsatisfied: 0,
};

/** The day after `to`, at Vietnam's midnight: the period's end, exclusive. */
const endOf = (to: string) => new Date(vnMidnight(to).getTime() + 86_400_000);

/**
 * The counts per agency id of the PAKN received in [from, to]; `agencyIds` null: every agency. `now`
 * decides what is overdue among those still open.
 */
export async function petitionFacts(
  db: Executor,
  ask: { from: string; to: string; agencyIds: readonly string[] | null; now: Date },
): Promise<Map<string, PetitionFacts>> {
  const start = vnMidnight(ask.from);
  const end = endOf(ask.to);
  if (ask.agencyIds !== null && ask.agencyIds.length === 0) return new Map();
  let q = db
    .selectFrom('feedback as f')
    .leftJoin('feedback_ratings as r', 'r.feedback_id', 'f.feedback_id')
    .select('f.agency_id')
    .select([
      sql<string>`count(*)`.as('received'),
      sql<string>`count(*) FILTER (WHERE f.verdict = 'on-time')`.as('on_time'),
      sql<string>`count(*) FILTER (WHERE f.verdict = 'late')`.as('late'),
      sql<string>`count(*) FILTER (WHERE f.verdict IS NULL AND f.status IN ('received','awaiting-transfer','processing','awaiting-approval') AND f.due_at < ${ask.now})`.as(
        'open_overdue',
      ),
      sql<string>`count(*) FILTER (WHERE f.status = 'not-accepted')`.as('not_accepted'),
      sql<string>`count(*) FILTER (WHERE r.level = 'very-satisfied')`.as('very_satisfied'),
      sql<string>`count(*) FILTER (WHERE r.level = 'satisfied')`.as('satisfied'),
      sql<string>`count(*) FILTER (WHERE r.level = 'unsatisfied')`.as('unsatisfied'),
    ])
    .where('f.received_at', '>=', start)
    .where('f.received_at', '<', end)
    .groupBy('f.agency_id');
  if (ask.agencyIds !== null) q = q.where('f.agency_id', 'in', ask.agencyIds);
  let t = db
    .selectFrom('feedback_transfers as t')
    .innerJoin('feedback as f', 'f.feedback_id', 't.feedback_id')
    .select(['t.from_agency_id as agency_id', sql<string>`count(DISTINCT t.feedback_id)`.as('n')])
    .where('f.received_at', '>=', start)
    .where('f.received_at', '<', end)
    .groupBy('t.from_agency_id');
  if (ask.agencyIds !== null) t = t.where('t.from_agency_id', 'in', ask.agencyIds);
  const [rows, transfers] = await Promise.all([q.execute(), t.execute()]);
  const out = new Map<string, PetitionFacts>();
  for (const r of rows)
    out.set(r.agency_id, {
      ...ZERO,
      received: Number(r.received),
      answeredOnTime: Number(r.on_time),
      answeredLate: Number(r.late),
      openOverdue: Number(r.open_overdue),
      notAccepted: Number(r.not_accepted),
      verySatisfied: Number(r.very_satisfied),
      satisfied: Number(r.satisfied),
      unsatisfied: Number(r.unsatisfied),
    });
  for (const r of transfers)
    out.set(r.agency_id, { ...(out.get(r.agency_id) ?? ZERO), transferred: Number(r.n) });
  return out;
}

/** The sum of several agencies' counts. */
export const sumPetitionFacts = (facts: Iterable<PetitionFacts>): PetitionFacts => {
  const total = { ...ZERO };
  for (const f of facts) for (const k of Object.keys(total) as (keyof PetitionFacts)[]) total[k] += f[k];
  return total;
};

const withRates = (f: PetitionFacts) => {
  const judged = f.answeredOnTime + f.answeredLate + f.openOverdue;
  return {
    ...f,
    onTimeRate: judged === 0 ? null : f.answeredOnTime / judged,
    satisfiedRate: satisfiedRate(f),
  };
};

/** `GET /api/v1/reports/feedback`: per agency in the caller's reach (or under `agencyCode`). */
export async function feedbackReport(
  deps: Deps,
  actor: Actor,
  q: FeedbackReportQuery,
): Promise<FeedbackReport> {
  if (q.from > q.to)
    throw fail('FEEDBACK_INVALID', {
      details: [{ path: 'querystring/to', message: 'Ngày cuối trước ngày đầu.' }],
    });
  let under: { agency_path: string; unit_path: string } | null = null;
  if (q.agencyCode !== undefined) {
    const a = await agencyByCode(deps.db, q.agencyCode);
    if (!a || !canReachAgency(actor, { agencyPath: a.agency_path, unitPath: a.unit_path }, 'read'))
      throw fail('FEEDBACK_INVALID', {
        details: [{ path: 'querystring/agencyCode', message: 'Không có cơ quan này trong phạm vi.' }],
      });
    under = a;
  }
  const facts = await petitionFacts(deps.db, {
    from: q.from,
    to: q.to,
    agencyIds: null,
    now: deps.clock.now(),
  });
  const ids = [...facts.keys()];
  const agencies =
    ids.length === 0
      ? []
      : await deps.db
          .selectFrom('agencies as a')
          .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
          .select(['a.agency_id', 'a.code', 'a.name', 'a.path as agency_path', 'u.path as unit_path'])
          .where('a.agency_id', 'in', ids)
          .orderBy('a.code')
          .execute();
  const shown = agencies.filter(
    (a) =>
      canReachAgency(actor, { agencyPath: a.agency_path, unitPath: a.unit_path }, 'read') &&
      (under === null ||
        a.agency_path.startsWith(under.agency_path) ||
        (a.unit_path.startsWith(under.unit_path) && a.unit_path !== under.unit_path)),
  );
  const rows = shown.map((a) => ({
    agency: { code: a.code, name: a.name },
    ...withRates(facts.get(a.agency_id)!),
  }));
  return {
    from: q.from,
    to: q.to,
    rows,
    total: withRates(sumPetitionFacts(shown.map((a) => facts.get(a.agency_id)!))),
  };
}
