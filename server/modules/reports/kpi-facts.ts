// The facts the KPIs, the Decision 766 index and the public dashboard are computed from: per receiving
// agency in scope, the period's counts (report_days/report_months through countRows, never the
// dossiers) and the procedures it offers (procedure_offerings, the latest published version of each:
// the catalogue as it stands, it keeps no history), and the scope's counts month by month for a trend.
import { sql } from 'kysely';
import type { Deps } from '../../deps.ts';
import {
  addCounts,
  COUNT_FACT_KEYS,
  trendMonths,
  zeroCounts,
  zeroProcedures,
  type CountFacts,
  type ProcedureFacts,
} from '../../../common/reports/kpis.ts';
import { countRows, countedAt, finalSuccessors, inScope } from './report-counts.ts';
import type { OverviewScope } from './reports.service.ts';

export type FactsAgency = {
  id: string;
  code: string;
  name: string;
  unitName: string;
  /** province: an agency of the province's own unit (a department, the committee); else commune. */
  level: 'province' | 'commune';
};

export type AgencyFacts = { agency: FactsAgency; counts: CountFacts; procedures: ProcedureFacts };

export type Facts = {
  /** Agencies with dossiers or ratings in the period. */
  agencies: AgencyFacts[];
  total: { counts: CountFacts; procedures: ProcedureFacts };
  /** The scope's counts per month of the trend (empty unless asked). */
  trend: { month: string; from: string; to: string; counts: CountFacts }[];
};

export type FactsAsk = { from: string; to: string; trend: boolean };

const n = (v: unknown): number => Number(v ?? 0);

/** The report-count columns summed into each fact (carriedOver is derived, ratings as they are). */
const SUMS = {
  received: 'r.received_online + r.received_direct',
  receivedOnline: 'r.received_online',
  synced: 'r.synced',
  digitised: 'r.digitised',
  feeBearing: 'r.fee_bearing',
  paidOnline: 'r.paid_online',
  early: 'r.resolved_early',
  onTime: 'r.resolved_on_time',
  late: 'r.resolved_late',
  noDue: 'r.resolved_no_due',
  resultsElectronic: 'r.results_electronic',
  withdrawn: 'r.resolved_withdrawn',
  verySatisfied: 'r.rated_very_satisfied',
  satisfied: 'r.rated_satisfied',
  unsatisfied: 'r.rated_unsatisfied',
} as const satisfies Partial<Record<keyof CountFacts, string>>;
type SumKey = keyof typeof SUMS;
const SUM_KEYS = Object.keys(SUMS) as SumKey[];

function countsOf(r: Record<string, unknown>): CountFacts {
  const c = zeroCounts();
  for (const k of SUM_KEYS) c[k] = n(r[k]);
  return c;
}

/**
 * The latest published version of each procedure: its level and whether it has a fee (an item of a
 * positive amount in đồng; "Miễn phí", 0 and amounts the source gives only as text do not count).
 */
const publishedVersions = sql`(SELECT DISTINCT ON (v.procedure_id) v.procedure_id, v.name, v.online_level,
    (jsonb_path_exists(v.data, '$.fees[*] ? (@.amountVnd > 0)')
      OR jsonb_path_exists(v.data, '$.cases[*].fees[*] ? (@.amountVnd > 0)')) AS has_fee
  FROM procedure_versions v WHERE v.status = 'published'
  ORDER BY v.procedure_id, v.version DESC)`;

const levelOf = sql<string>`(CASE WHEN u.level = 1 THEN 'province' ELSE 'commune' END)`;

export async function readFacts(deps: Deps, scope: OverviewScope, ask: FactsAsk): Promise<Facts> {
  const { from, to } = ask;
  const months = ask.trend ? trendMonths(to) : [];
  const lowest = months.length > 0 && months[0]!.from < from ? months[0]!.from : from;
  const successors = scope.map === 'today' ? await finalSuccessors(deps) : [];
  const counted = countedAt(scope, successors, 'r.agency_id');
  const source = countRows(to, [from, ...months.map((m) => m.from)]);
  const bucket = sql<string>`(CASE WHEN r.at < ${lowest}::date THEN 'old' ELSE to_char(r.at, 'YYYY-MM') END)`;
  const inPeriod = sql<boolean>`(r.at >= ${from}::date)`;
  const resolvedAll = sql`(r.resolved_early + r.resolved_on_time + r.resolved_late + r.resolved_withdrawn + r.resolved_no_due)`;
  // Tagged in a subquery: a GROUP BY cannot name an expression with parameters twice.
  const tagged = sql`(SELECT r.*, ${bucket} AS bucket, ${inPeriod} AS in_period FROM ${source} r)`;
  const counts = await deps.db
    .selectFrom(tagged.as('r'))
    .innerJoin('agencies as a', (j) => j.on(sql<boolean>`a.agency_id = ${counted}`))
    .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
    .where(inScope(scope))
    .select(['a.agency_id', 'a.code', 'a.name', 'u.name as unit_name', levelOf.as('level')])
    .select([sql<string>`r.bucket`.as('bucket'), sql<boolean>`r.in_period`.as('in_period')])
    .select(SUM_KEYS.map((k) => sql`sum(${sql.raw(SUMS[k])})`.as(k)))
    .select(sql`sum(r.received_online + r.received_direct - ${resolvedAll})`.as('open_change'))
    .groupBy(['a.agency_id', 'a.code', 'a.name', 'u.name', levelOf, sql`r.bucket`, sql`r.in_period`])
    .execute();

  const agencies = new Map<string, AgencyFacts>();
  const agencyOf = (r: {
    agency_id: string;
    code: string;
    name: string;
    unit_name: string;
    level: string;
  }) => {
    let facts = agencies.get(r.agency_id);
    if (!facts) {
      facts = {
        agency: {
          id: r.agency_id,
          code: r.code,
          name: r.name,
          unitName: r.unit_name,
          level: r.level === 'province' ? 'province' : 'commune',
        },
        counts: zeroCounts(),
        procedures: zeroProcedures(),
      };
      agencies.set(r.agency_id, facts);
    }
    return facts;
  };
  const active = new Set<string>();
  const byMonth = new Map<string, CountFacts>(months.map((m) => [m.month, zeroCounts()]));
  for (const r of counts) {
    const row = r as unknown as Record<string, unknown>;
    const facts = agencyOf(r);
    if (r.in_period) {
      const c = countsOf(row);
      facts.counts = addCounts(facts.counts, c);
      if (COUNT_FACT_KEYS.some((k) => c[k] !== 0)) active.add(r.agency_id);
    } else {
      // Before the period: what was received and not resolved is carried over (Biểu II.06a column 6).
      facts.counts.carriedOver += n(row['open_change']);
    }
    const month = byMonth.get(r.bucket);
    if (month) byMonth.set(r.bucket, addCounts(month, countsOf(row)));
  }
  for (const facts of agencies.values()) if (facts.counts.carriedOver !== 0) active.add(facts.agency.id);

  const procedures = await readProcedureFacts(deps, scope, { from, to, counted: successors });
  for (const [id, p] of procedures.byAgency) {
    const facts = agencies.get(id);
    if (facts) facts.procedures = p;
  }
  const listed = [...agencies.values()].filter((a) => active.has(a.agency.id));
  return {
    agencies: listed.sort(
      (x, y) =>
        x.agency.name.localeCompare(y.agency.name, 'vi') || x.agency.code.localeCompare(y.agency.code),
    ),
    total: {
      counts: [...agencies.values()].reduce((acc, a) => addCounts(acc, a.counts), zeroCounts()),
      procedures: procedures.total,
    },
    trend: months.map((m) => ({ ...m, counts: byMonth.get(m.month)! })),
  };
}

type ProcedureRow = {
  agency_id: string;
  code: string;
  online_level: string | null;
  has_fee: boolean;
  received: number;
  received_online: number;
  paid_online: number;
};

/**
 * Per agency in scope, and for the scope (distinct procedures), the procedures offered and what
 * happened to them in the period: dossiers received, received online, paid online at that agency.
 */
async function readProcedureFacts(
  deps: Deps,
  scope: OverviewScope,
  ask: { from: string; to: string; counted: [string, string][] },
): Promise<{ byAgency: Map<string, ProcedureFacts>; total: ProcedureFacts }> {
  const rows = await procedureRows(deps, scope, ask);
  const byAgency = new Map<string, ProcedureFacts>();
  const add = (p: ProcedureFacts, r: Omit<ProcedureRow, 'agency_id' | 'code'>) => {
    const online = r.online_level === 'full' || r.online_level === 'partial';
    p.offered += 1;
    if (r.online_level === null) p.levelUnknown += 1;
    if (online) p.online += 1;
    if (online && r.received_online > 0) p.onlineUsed += 1;
    if (r.has_fee) p.fee += 1;
    if (r.has_fee && r.paid_online > 0) p.feePaidOnline += 1;
    if (r.has_fee && r.received > 0) p.feeUsed += 1;
  };
  const distinct = new Map<string, Omit<ProcedureRow, 'agency_id' | 'code'>>();
  for (const r of rows) {
    let p = byAgency.get(r.agency_id);
    if (!p) byAgency.set(r.agency_id, (p = zeroProcedures()));
    add(p, r);
    const seen = distinct.get(r.code);
    distinct.set(
      r.code,
      seen
        ? {
            ...seen,
            received: seen.received + r.received,
            received_online: seen.received_online + r.received_online,
            paid_online: seen.paid_online + r.paid_online,
          }
        : r,
    );
  }
  const total = zeroProcedures();
  for (const r of distinct.values()) add(total, r);
  return { byAgency, total };
}

/** Each offering in scope (agency × procedure) with its dossiers in the period at that agency. */
export async function procedureRows(
  deps: Deps,
  scope: OverviewScope,
  ask: { from: string; to: string; counted: [string, string][] },
): Promise<(ProcedureRow & { name: string })[]> {
  const counted = countedAt(scope, ask.counted, 'r.agency_id');
  const dossiers = sql`(SELECT r.*, ${counted} AS counted_id FROM ${countRows(ask.to, [ask.from])} r
    WHERE r.at >= ${ask.from}::date)`;
  const used = deps.db
    .selectFrom(dossiers.as('r'))
    .select([
      sql<string>`r.counted_id`.as('agency_id'),
      sql<string>`r.procedure_code`.as('procedure_code'),
      sql<number>`sum(r.received_online + r.received_direct)::int`.as('received'),
      sql<number>`sum(r.received_online)::int`.as('received_online'),
      sql<number>`sum(r.paid_online)::int`.as('paid_online'),
    ])
    .groupBy([sql`r.counted_id`, sql`r.procedure_code`]);
  const rows = await deps.db
    .selectFrom('procedure_offerings as o')
    .innerJoin('agencies as a', 'a.agency_id', 'o.agency_id')
    .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
    .innerJoin('procedures as p', 'p.procedure_id', 'o.procedure_id')
    .innerJoin(publishedVersions.as('v'), (j) => j.on(sql<boolean>`v.procedure_id = o.procedure_id`))
    .leftJoin(used.as('d'), (j) =>
      j.on(sql<boolean>`d.agency_id = o.agency_id AND d.procedure_code = p.code`),
    )
    .where(inScope(scope))
    .where((eb) => eb.or([eb('a.valid_to', 'is', null), eb('a.valid_to', '>=', ask.to)]))
    .select([
      sql<string>`o.agency_id`.as('agency_id'),
      sql<string>`p.code`.as('code'),
      sql<string>`v.name`.as('name'),
      sql<string | null>`v.online_level`.as('online_level'),
      sql<boolean>`v.has_fee`.as('has_fee'),
      sql<number>`coalesce(d.received, 0)`.as('received'),
      sql<number>`coalesce(d.received_online, 0)`.as('received_online'),
      sql<number>`coalesce(d.paid_online, 0)`.as('paid_online'),
    ])
    .execute();
  return rows.map((r) => ({
    ...r,
    received: n(r.received),
    received_online: n(r.received_online),
    paid_online: n(r.paid_online),
  }));
}
