// The reports at scale (issue "Steering by figures", its Done-means line) on PostgreSQL: a database of
// realistic dossiers (bench/support/generate-dossiers.ts, the `history` mix: 5,000,000 by default over
// two years, across every agency of the demo provinces that offers the generated procedures, with their
// actions, the national portal's acknowledgements and the applicants' ratings), kept between runs;
// the server as production runs it (bench/support/server.ts) over loopback HTTP, signed in as the demo
// province administrator (demo-admin, UBND Thành phố Hà Nội: the whole of Hà Nội in reach).
// Cases, each asked one request at a time after a warm-up:
//   (a) Biểu II.06a for the province, the last whole calendar year;
//   (b) the same for one ward (today's two-level map has no districts: the Hà Nội ward with the most
//       dossiers in the quarter) and for one provincial department (Sở Tư pháp Hà Nội), the last whole
//       quarter;
//   (c) the KPIs and (d) the Decision 766 index for the province and the year — skipped with a line
//       saying so while their routes answer 404 (not on this branch yet).
// The naive figure beside each, in the same run: the same figures computed straight from the rows
// through pg by plain GROUP BYs over dossiers (and the tables the figure reads: portal
// acknowledgements, payments, ratings), for the same scope and period, run the same way; the figures
// must be equal to the API's (every row and the total), or the bench fails. Beside it, with no
// target: the same naive served by the index of the dossiers' receiving agencies (what a single ward
// reads fastest), and for (a) a naive that takes each dossier's resolution time from the actions that
// closed it (dossier_actions).
// Target: each p95 ≤ 300 ms and ≥ 50 × faster than the naive (medians).
// Intake: bench/intake.ts run alternately with the report-count triggers off (--no-report-counts) and
// on, its CPU per intake (server + PostgreSQL) compared: target ≤ 10 % more with them on.
// Run: node bench/reports.ts [dossiers=5000000] [--requests=40] [--naive-runs=5] [--intake-runs=3] [--cases=a,b,c,d]
//   The database is kept as bench_keep_reports_<dossiers> (BENCH_DATABASE=bench_keep_… to name it):
//   the first run generates it (≈ an hour for 5,000,000), later runs reuse it; drop it when done.
//   --intake-runs=0 skips the intake comparison; --only-intake runs nothing else.
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import pg from 'pg';
import { sql } from 'kysely';
import { describeRun, keptBenchDatabase } from './support/postgres.ts';
import { openBenchRuntime } from './support/desks.ts';
import { startServer } from './support/server.ts';
import { httpClient } from './support/load.ts';
import { generateDossiers } from './support/generate-dossiers.ts';
import { OVERVIEW_ROLES } from '../common/reports/overview.ts';
import { II06A_CELLS, namedPeriod, previousDay, type Ii06aFigures } from '../common/reports/ii06a.ts';
import { vnDate } from '../common/time/vn-time.ts';

const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const flag = (name: string) =>
  process.argv
    .slice(2)
    .find((a) => a.startsWith(`--${name}=`))
    ?.slice(name.length + 3);
const DOSSIERS = Number(positional[0] ?? 5_000_000);
const REQUESTS = Number(flag('requests') ?? 40);
const NAIVE_RUNS = Number(flag('naive-runs') ?? 5);
const INTAKE_RUNS = Number(flag('intake-runs') ?? 3);
const ONLY_INTAKE = process.argv.includes('--only-intake');
/** `--cases=a,c`: only those cases (their letters). */
const ONLY_CASES = flag('cases')?.split(',');
const SPAN_DAYS = 730;
const WARM_UP = 5;
const TARGET_P95_MS = 300;
const TARGET_RATIO = 50;
const TARGET_INTAKE_INCREASE = 0.1;
const ADMIN = 'demo-admin';
if (REQUESTS < 30 || NAIVE_RUNS < 5) throw new Error('at least 30 requests and 5 naive runs per case');

type Timing = { runs: number; p50: number; p95: number; max: number; samples: number[] };

function timing(samples: number[]): Timing {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { runs: s.length, p50: at(0.5), p95: at(0.95), max: s.at(-1)!, samples };
}

const times = (r: number) => `${r < 10 ? r.toFixed(1) : r.toFixed(0)} ×`;
const ms = (v: number) => (v < 10 ? v.toFixed(2) : v < 1000 ? v.toFixed(1) : v.toFixed(0));
const fmt = (t: Timing) => `p50 ${ms(t.p50)} ms, p95 ${ms(t.p95)} ms, max ${ms(t.max)} ms (${t.runs} runs)`;
const loadLine = () => {
  const [a, b, c] = os.loadavg();
  return `load average ${a!.toFixed(2)} / ${b!.toFixed(2)} / ${c!.toFixed(2)}`;
};

/** A scope's agencies, as the report reaches them (org.policy.ts grantReachesAgency, in SQL of its own). */
type Reach = { agency_path: string; unit_path: string };
const like = (p: string) => p.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';

async function scopeAgencies(c: pg.Client, reach: Reach[], within: Reach | null): Promise<string[]> {
  // Written out plainly: each reach is "the agency and those under it, or the agencies of the units
  // below its unit"; an agency asked for narrows the caller's reach to its own.
  const params: string[] = [];
  const reaches = (r: Reach) => {
    params.push(like(r.agency_path), like(r.unit_path), r.unit_path);
    const n = params.length;
    return `(a.path LIKE $${n - 2} OR (u.path LIKE $${n - 1} AND u.path <> $${n}))`;
  };
  const any = `(${reach.map(reaches).join(' OR ')})`;
  const where = within ? `${any} AND ${reaches(within)}` : any;
  const { rows } = await c.query<{ agency_id: string }>(
    `SELECT a.agency_id FROM agencies a JOIN units u ON u.unit_id = a.unit_id WHERE ${where}`,
    params,
  );
  return rows.map((r) => r.agency_id);
}

/** Each closed agency's final successor (chains of reorganisations): the `today` map. */
const FINAL = `RECURSIVE c(from_id, to_id, depth) AS (
    SELECT predecessor_id, successor_id, 1 FROM agency_successions
    UNION ALL
    SELECT c.from_id, s.successor_id, c.depth + 1 FROM c JOIN agency_successions s ON s.predecessor_id = c.to_id
    WHERE c.depth < 50),
  final AS (SELECT DISTINCT ON (from_id) from_id, to_id FROM c ORDER BY from_id, depth DESC)`;

const VN = (col: string) => `((${col} AT TIME ZONE 'UTC') + interval '7 hours')::date`;
const RESOLVED = `CASE WHEN d.status IN ('result-ready', 'returned') THEN d.result_at
    WHEN d.status IN ('withdrawn', 'stopped') THEN d.closed_at END`;
/** The same, read from the actions that closed the dossier: its last result or withdrawal or stop. */
const RESOLVED_BY_ACTIONS = `CASE WHEN d.status IN ('result-ready', 'returned', 'withdrawn', 'stopped') THEN x.at END`;

/**
 * Biểu II.06a per counting agency (rules: late after the due time, withdrawals on time), straight from
 * the dossiers: $1 from, $2 to, $3 the cut-off day for "overdue", $4 the agencies in scope.
 * - `plain`: the dossiers of the agencies in scope, by the agency that received them (as the report
 *   counts); no index serves that column, so PostgreSQL reads every dossier.
 * - `indexed`: the same, also asking for the dossiers' receiving agency (where a hand-over moves them:
 *   the same agencies on today's map) to be in scope, which dossiers_receiving_idx serves.
 * - `actions`: the `plain` figures with each dossier's resolution time read from the actions that
 *   closed it (its last result, withdrawal or stop in dossier_actions) instead of the row's own.
 */
type NaiveVariant = 'plain' | 'indexed' | 'actions';
function naiveIi06aSql(variant: NaiveVariant): string {
  const byActions = variant === 'actions';
  return `WITH ${FINAL},
  d AS (
    SELECT coalesce(f.to_id, d.received_by_agency_id) AS agency_id, d.channel, d.status, d.due_at,
      ${VN('d.received_at')} AS rday, ${byActions ? RESOLVED_BY_ACTIONS : RESOLVED} AS res
    FROM dossiers d LEFT JOIN final f ON f.from_id = d.received_by_agency_id
    ${
      byActions
        ? `LEFT JOIN (SELECT dossier_id, max(at) AS at FROM dossier_actions
             WHERE to_status IN ('result-ready', 'withdrawn', 'stopped') GROUP BY dossier_id) x ON x.dossier_id = d.dossier_id`
        : ''
    }
    WHERE d.received_at IS NOT NULL AND d.status NOT IN ('submitted', 'refused')
      ${variant === 'indexed' ? 'AND d.receiving_agency_id = ANY($4::bigint[])' : ''}
  ),
  e AS (
    SELECT d.*, d.status IN ('withdrawn', 'stopped') AS withdrawn, ${VN('d.res')} AS sday, ${VN('d.due_at')} AS dday
    FROM d WHERE d.rday <= $2::date AND d.agency_id = ANY($4::bigint[])
  )
  SELECT a.code AS key,
    count(*) FILTER (WHERE rday >= $1::date AND channel = 'online')::int AS online,
    count(*) FILTER (WHERE rday >= $1::date AND channel <> 'online')::int AS direct,
    count(*) FILTER (WHERE rday < $1::date AND (res IS NULL OR sday >= $1::date))::int AS carried,
    count(*) FILTER (WHERE sday BETWEEN $1::date AND $2::date AND NOT withdrawn AND due_at IS NOT NULL
      AND res <= due_at AND sday < dday)::int AS early,
    count(*) FILTER (WHERE sday BETWEEN $1::date AND $2::date AND (withdrawn OR due_at IS NULL
      OR (res <= due_at AND sday >= dday)))::int AS on_time,
    count(*) FILTER (WHERE sday BETWEEN $1::date AND $2::date AND NOT withdrawn AND due_at IS NOT NULL
      AND res > due_at)::int AS late,
    count(*) FILTER (WHERE res IS NULL OR sday > $2::date)::int AS in_progress,
    count(*) FILTER (WHERE (res IS NULL OR sday > $2::date) AND due_at IS NOT NULL AND dday <= $3::date)::int AS overdue
  FROM e JOIN agencies a ON a.agency_id = e.agency_id
  GROUP BY a.code`;
}

type NaiveIi06aRow = {
  key: string;
  online: number;
  direct: number;
  carried: number;
  early: number;
  on_time: number;
  late: number;
  in_progress: number;
  overdue: number;
};

function figuresOf(r: NaiveIi06aRow): Ii06aFigures {
  return {
    received: {
      total: r.online + r.direct + r.carried,
      online: r.online,
      directOrPostal: r.direct,
      carriedOver: r.carried,
    },
    resolved: { total: r.early + r.on_time + r.late, early: r.early, onTime: r.on_time, late: r.late },
    inProgress: { total: r.in_progress, withinLimit: r.in_progress - r.overdue, overdue: r.overdue },
  };
}

const cellsOf = (f: Ii06aFigures) =>
  II06A_CELLS.map(({ cell }) => {
    const [part, key] = cell.split('.') as [keyof Ii06aFigures, string];
    return (f[part] as Record<string, number>)[key]!;
  });

/** The KPIs' counts of the period per counting agency, straight from the rows: $1 from, $2 to, $3 agencies. */
const NAIVE_FACTS = `WITH ${FINAL},
  d AS (
    SELECT coalesce(f.to_id, d.received_by_agency_id) AS agency_id, d.channel, d.status, d.due_at,
      ${VN('d.received_at')} AS rday, ${RESOLVED} AS res, d.components, d.state,
      y.acked_at IS NOT NULL AS synced,
      EXISTS (SELECT 1 FROM payments m WHERE m.dossier_id = d.dossier_id AND m.status <> 'cancelled') AS fee,
      EXISTS (SELECT 1 FROM payments m WHERE m.dossier_id = d.dossier_id AND m.status = 'paid' AND m.channel = 'online') AS paid
    FROM dossiers d LEFT JOIN final f ON f.from_id = d.received_by_agency_id
    LEFT JOIN portal_sync_state y ON y.dossier_code = d.code
    WHERE d.received_at IS NOT NULL AND d.status NOT IN ('submitted', 'refused')
  ),
  e AS (
    SELECT d.*, d.status IN ('withdrawn', 'stopped') AS withdrawn, ${VN('d.res')} AS sday, ${VN('d.due_at')} AS dday
    FROM d WHERE d.rday <= $2::date AND d.agency_id = ANY($3::bigint[])
  ),
  counts AS (
    SELECT agency_id,
      count(*) FILTER (WHERE rday >= $1::date)::int AS received,
      count(*) FILTER (WHERE rday >= $1::date AND channel = 'online')::int AS received_online,
      count(*) FILTER (WHERE rday >= $1::date AND synced)::int AS synced,
      count(*) FILTER (WHERE rday >= $1::date AND jsonb_typeof(components) = 'array' AND jsonb_array_length(components) > 0
        AND NOT jsonb_path_exists(components, '$[*] ? (!(@.digitised == true))'))::int AS digitised,
      count(*) FILTER (WHERE rday >= $1::date AND fee)::int AS fee_bearing,
      count(*) FILTER (WHERE rday >= $1::date AND paid)::int AS paid_online,
      count(*) FILTER (WHERE sday BETWEEN $1::date AND $2::date AND NOT withdrawn AND due_at IS NOT NULL
        AND res <= due_at AND sday < dday)::int AS early,
      count(*) FILTER (WHERE sday BETWEEN $1::date AND $2::date AND NOT withdrawn AND due_at IS NOT NULL
        AND res <= due_at AND sday >= dday)::int AS on_time,
      count(*) FILTER (WHERE sday BETWEEN $1::date AND $2::date AND NOT withdrawn AND due_at IS NOT NULL
        AND res > due_at)::int AS late,
      count(*) FILTER (WHERE sday BETWEEN $1::date AND $2::date AND NOT withdrawn AND due_at IS NULL)::int AS no_due,
      count(*) FILTER (WHERE sday BETWEEN $1::date AND $2::date AND NOT withdrawn
        AND jsonb_path_exists(state, '$.resultDocuments[*] ? (exists(@.fileId))'))::int AS results_electronic,
      count(*) FILTER (WHERE sday BETWEEN $1::date AND $2::date AND withdrawn)::int AS withdrawn,
      count(*) FILTER (WHERE rday < $1::date AND (res IS NULL OR sday >= $1::date))::int AS carried_over
    FROM e GROUP BY agency_id
  ),
  ratings AS (
    SELECT coalesce(f.to_id, d.received_by_agency_id) AS agency_id,
      count(*) FILTER (WHERE g.level = 'very-satisfied')::int AS very_satisfied,
      count(*) FILTER (WHERE g.level = 'satisfied')::int AS satisfied,
      count(*) FILTER (WHERE g.level = 'unsatisfied')::int AS unsatisfied
    FROM dossier_ratings g JOIN dossiers d ON d.dossier_id = g.dossier_id
    LEFT JOIN final f ON f.from_id = d.received_by_agency_id
    WHERE ${VN('g.rated_at')} BETWEEN $1::date AND $2::date
      AND coalesce(f.to_id, d.received_by_agency_id) = ANY($3::bigint[])
    GROUP BY 1
  )
  SELECT a.code AS key, counts.*, ratings.very_satisfied, ratings.satisfied, ratings.unsatisfied
  FROM counts FULL JOIN ratings USING (agency_id) JOIN agencies a ON a.agency_id = coalesce(counts.agency_id, ratings.agency_id)`;

/** The same counts per month for the scope ($1 the trend's first day, $2 to, $3 agencies): one scan, two groupings. */
const NAIVE_TREND = `WITH ${FINAL},
  d AS (
    SELECT coalesce(f.to_id, d.received_by_agency_id) AS agency_id, d.channel, d.status, d.due_at,
      ${VN('d.received_at')} AS rday, ${RESOLVED} AS res, d.components, d.state,
      y.acked_at IS NOT NULL AS synced,
      EXISTS (SELECT 1 FROM payments m WHERE m.dossier_id = d.dossier_id AND m.status <> 'cancelled') AS fee,
      EXISTS (SELECT 1 FROM payments m WHERE m.dossier_id = d.dossier_id AND m.status = 'paid' AND m.channel = 'online') AS paid
    FROM dossiers d LEFT JOIN final f ON f.from_id = d.received_by_agency_id
    LEFT JOIN portal_sync_state y ON y.dossier_code = d.code
    WHERE d.received_at IS NOT NULL AND d.status NOT IN ('submitted', 'refused')
  ),
  e AS (
    SELECT d.*, d.status IN ('withdrawn', 'stopped') AS withdrawn, ${VN('d.res')} AS sday, ${VN('d.due_at')} AS dday,
      to_char(d.rday, 'YYYY-MM') AS rmonth, to_char(${VN('d.res')}, 'YYYY-MM') AS smonth
    FROM d WHERE d.agency_id = ANY($3::bigint[])
      AND ((d.rday BETWEEN $1::date AND $2::date) OR (${VN('d.res')} BETWEEN $1::date AND $2::date))
  )
  SELECT CASE WHEN GROUPING(rmonth) = 0 THEN 'received' ELSE 'resolved' END AS kind, coalesce(rmonth, smonth) AS month,
    count(*) FILTER (WHERE rday BETWEEN $1::date AND $2::date)::int AS received,
    count(*) FILTER (WHERE rday BETWEEN $1::date AND $2::date AND channel = 'online')::int AS received_online,
    count(*) FILTER (WHERE rday BETWEEN $1::date AND $2::date AND synced)::int AS synced,
    count(*) FILTER (WHERE rday BETWEEN $1::date AND $2::date AND jsonb_typeof(components) = 'array' AND jsonb_array_length(components) > 0
      AND NOT jsonb_path_exists(components, '$[*] ? (!(@.digitised == true))'))::int AS digitised,
    count(*) FILTER (WHERE rday BETWEEN $1::date AND $2::date AND fee)::int AS fee_bearing,
    count(*) FILTER (WHERE rday BETWEEN $1::date AND $2::date AND paid)::int AS paid_online,
    count(*) FILTER (WHERE sday BETWEEN $1::date AND $2::date AND NOT withdrawn AND due_at IS NOT NULL
      AND res <= due_at AND sday < dday)::int AS early,
    count(*) FILTER (WHERE sday BETWEEN $1::date AND $2::date AND NOT withdrawn AND due_at IS NOT NULL
      AND res <= due_at AND sday >= dday)::int AS on_time,
    count(*) FILTER (WHERE sday BETWEEN $1::date AND $2::date AND NOT withdrawn AND due_at IS NOT NULL
      AND res > due_at)::int AS late,
    count(*) FILTER (WHERE sday BETWEEN $1::date AND $2::date AND NOT withdrawn AND due_at IS NULL)::int AS no_due,
    count(*) FILTER (WHERE sday BETWEEN $1::date AND $2::date AND NOT withdrawn
      AND jsonb_path_exists(state, '$.resultDocuments[*] ? (exists(@.fileId))'))::int AS results_electronic,
    count(*) FILTER (WHERE sday BETWEEN $1::date AND $2::date AND withdrawn)::int AS withdrawn
  FROM e GROUP BY GROUPING SETS ((rmonth), (smonth))`;

const NAIVE_TREND_RATINGS = `WITH ${FINAL}
  SELECT to_char(${VN('g.rated_at')}, 'YYYY-MM') AS month,
    count(*) FILTER (WHERE g.level = 'very-satisfied')::int AS very_satisfied,
    count(*) FILTER (WHERE g.level = 'satisfied')::int AS satisfied,
    count(*) FILTER (WHERE g.level = 'unsatisfied')::int AS unsatisfied
  FROM dossier_ratings g JOIN dossiers d ON d.dossier_id = g.dossier_id
  LEFT JOIN final f ON f.from_id = d.received_by_agency_id
  WHERE ${VN('g.rated_at')} BETWEEN $1::date AND $2::date
    AND coalesce(f.to_id, d.received_by_agency_id) = ANY($3::bigint[])
  GROUP BY 1`;

type Facts = Record<
  | 'received'
  | 'received_online'
  | 'synced'
  | 'digitised'
  | 'fee_bearing'
  | 'paid_online'
  | 'early'
  | 'on_time'
  | 'late'
  | 'no_due'
  | 'results_electronic'
  | 'withdrawn'
  | 'carried_over'
  | 'very_satisfied'
  | 'satisfied'
  | 'unsatisfied',
  number
>;
const FACT_KEYS: (keyof Facts)[] = [
  'received',
  'received_online',
  'synced',
  'digitised',
  'fee_bearing',
  'paid_online',
  'early',
  'on_time',
  'late',
  'no_due',
  'results_electronic',
  'withdrawn',
  'carried_over',
  'very_satisfied',
  'satisfied',
  'unsatisfied',
];
const zeroFacts = (): Facts => Object.fromEntries(FACT_KEYS.map((k) => [k, 0])) as Facts;
const factsOf = (r: Record<string, unknown>): Facts =>
  Object.fromEntries(FACT_KEYS.map((k) => [k, Number(r[k] ?? 0)])) as Facts;
const addFacts = (a: Facts, b: Facts): Facts =>
  Object.fromEntries(FACT_KEYS.map((k) => [k, a[k] + b[k]])) as Facts;

/** The KPIs' numerators and denominators from the counts (common/reports/kpis.ts on branch kpis). */
const kpiParts = (c: Facts): Record<string, [number, number]> => {
  const results = c.early + c.on_time + c.late + c.no_due;
  const rated = c.very_satisfied + c.satisfied + c.unsatisfied;
  return {
    sync: [c.synced, c.received],
    onlineDossiers: [c.received_online, c.received],
    paidOnline: [c.paid_online, c.fee_bearing],
    electronicResults: [c.results_electronic, results],
    digitised: [c.digitised, c.received],
    onTime: [c.early + c.on_time, c.early + c.on_time + c.late],
    satisfaction: [c.very_satisfied + c.satisfied, rated],
  };
};

/** The Decision 766 indicators motcua counts from dossiers (common/reports/index-766.ts on branch kpis). */
const indicatorParts = (c: Facts): Record<string, [number, number]> => {
  const results = c.early + c.on_time + c.late + c.no_due;
  return {
    DOSSIER_SYNC: [c.synced, c.received],
    DOSSIER_ON_TIME: [c.early + c.on_time + c.no_due + c.withdrawn, c.received + c.carried_over],
    ONLINE_DOSSIERS: [c.received_online, c.received],
    PAID_ONLINE_DOSSIERS: [c.paid_online, c.fee_bearing],
    DOSSIER_RECEIVING_SATISFACTION: [
      c.very_satisfied + c.satisfied,
      c.very_satisfied + c.satisfied + c.unsatisfied,
    ],
    ORIGINAL_RESULT_AVAILABLE: [c.results_electronic, results],
    SO_HOA_GIAY_TO_GIAI_QUYET: [c.digitised, c.received],
  };
};

type Case = {
  name: string;
  path: string;
  /** The route may not exist on this branch yet: a 404 skips the case. */
  optional: boolean;
  /** The naive figure, run once: answers what `check` compares with the API's answer. */
  naive: (c: pg.Client) => Promise<unknown>;
  /** Throws when the API's answer and the naive figures differ; answers a line saying what was compared. */
  check: (api: unknown, naive: unknown) => string;
  /** Other naive ways to the same figures, measured and checked the same way, shown beside (no target). */
  variants?: { name: string; naive: (c: pg.Client) => Promise<unknown> }[];
};

type Outcome = {
  c: Case;
  skipped?: string;
  api?: Timing;
  naive?: Timing;
  compared?: string;
  extras: { name: string; naive: Timing; compared: string }[];
};

// ---------------------------------------------------------------------------------------------------

const started = new Date();
const name = process.env.BENCH_DATABASE ?? `bench_keep_reports_${DOSSIERS}`;
console.log(`reports bench ${started.toISOString()}, ${loadLine()} at the start`);

if (ONLY_INTAKE) {
  const met = await intakeComparison();
  console.log(`\n${loadLine()} at the end; ${met ? 'PASS' : 'FAIL'}`);
  process.exit(met ? 0 : 1);
}

const db = await keptBenchDatabase(name);
const rt = await openBenchRuntime(db.url, !db.fresh);
let server: Awaited<ReturnType<typeof startServer>> | null = null;
let client: ReturnType<typeof httpClient> | null = null;
const pgc = new pg.Client({ connectionString: db.url });
await pgc.connect();
let cleaned: Promise<void> | null = null;
const cleanup = () =>
  (cleaned ??= (async () => {
    client?.close();
    await pgc.end().catch(() => {});
    await rt.close();
    await server?.stop();
  })());
process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));

let failed = false;
try {
  console.log(`${await describeRun(db.url)}; database ${name}`);
  const generation = await generated();
  const genNow = new Date(generation.now);
  console.log(
    `dataset: ${generation.dossiers.toLocaleString('en-US')} dossiers generated ${genNow.toISOString()} over ${generation.span_days} days ` +
      `in ${generation.seconds.toFixed(0)} s (indexes built in ${generation.index_seconds.toFixed(0)} s; ` +
      `report counts rebuilt — the CLI's reports:rebuild — in ${generation.rebuild_seconds.toFixed(1)} s; VACUUM ANALYZE ${generation.vacuum_seconds.toFixed(0)} s)`,
  );
  console.log(await datasetLine());

  // The periods: the last whole calendar year and quarter before the generation's "now".
  const today = vnDate(genNow);
  const year = Number(today.slice(0, 4)) - 1;
  const month = Number(today.slice(5, 7));
  const q = Math.floor((month - 1) / 3); // this quarter, 0-based: the last whole one is the one before
  const quarter = q === 0 ? namedPeriod('quarter', year, 4) : namedPeriod('quarter', year + 1, q);
  const yearPeriod = namedPeriod('year', year);
  const serverToday = vnDate(new Date());
  const cutOf = (to: string) => (to < serverToday ? to : previousDay(serverToday));

  // The administrator's reach and the agencies asked for.
  const reach = (
    await pgc.query<Reach>(
      `SELECT a.path AS agency_path, u.path AS unit_path FROM user_roles r JOIN users us ON us.user_id = r.user_id
        JOIN agencies a ON a.agency_id = r.agency_id JOIN units u ON u.unit_id = a.unit_id
       WHERE us.username = $1 AND r.role = ANY($2::text[])`,
      [ADMIN, OVERVIEW_ROLES],
    )
  ).rows;
  if (reach.length === 0) throw new Error(`${ADMIN} has no report role`);
  const agencyReach = async (code: string) =>
    (
      await pgc.query<Reach & { name: string }>(
        `SELECT a.path AS agency_path, u.path AS unit_path, a.name FROM agencies a JOIN units u ON u.unit_id = a.unit_id WHERE a.code = $1`,
        [code],
      )
    ).rows[0]!;
  // The Hà Nội ward (a people's committee below the province) with the most dossiers received in the quarter.
  const ward = (
    await pgc.query<{ code: string; name: string; n: string }>(
      `SELECT a.code, a.name, sum(m.received_online + m.received_direct) AS n
         FROM report_months m JOIN agencies a ON a.agency_id = m.agency_id JOIN units u ON u.unit_id = a.unit_id
        WHERE u.path LIKE '/01/%' AND u.path <> '/01/' AND a.kind = 'people-committee'
          AND m.month BETWEEN $1::date AND $2::date
        GROUP BY a.code, a.name ORDER BY n DESC, a.code LIMIT 1`,
      [quarter.from, quarter.to],
    )
  ).rows[0]!;
  const department = (
    await pgc.query<{ code: string; name: string }>(
      `SELECT a.code, a.name FROM agencies a JOIN units u ON u.unit_id = a.unit_id
        WHERE u.code = '01' AND a.kind = 'justice' ORDER BY a.code LIMIT 1`,
    )
  ).rows[0]!;
  const province = await scopeAgencies(pgc, reach, null);
  const wardScope = await scopeAgencies(pgc, reach, await agencyReach(ward.code));
  const departmentScope = await scopeAgencies(pgc, reach, await agencyReach(department.code));
  console.log(
    `periods: year ${yearPeriod.from}–${yearPeriod.to}, quarter ${quarter.from}–${quarter.to}; ` +
      `scopes: Hà Nội as ${ADMIN} (${province.length} agencies), ward ${ward.code} ${ward.name} ` +
      `(${Number(ward.n).toLocaleString('en-US')} dossiers received in the quarter; ${wardScope.length} agency), ` +
      `department ${department.code} ${department.name} (${departmentScope.length} agencies in its reach)`,
  );

  const ii06aNaive =
    (variant: NaiveVariant, period: { from: string; to: string }, scope: string[]) => async (c: pg.Client) =>
      (
        await c.query<NaiveIi06aRow>(naiveIi06aSql(variant), [
          period.from,
          period.to,
          cutOf(period.to),
          scope,
        ])
      ).rows;
  const ii06aCase = (
    label: string,
    period: { from: string; to: string },
    agencyCode: string | null,
    scope: string[],
  ): Case => ({
    name: label,
    path: `/api/v1/reports/ii06a?from=${period.from}&to=${period.to}${agencyCode ? `&agencyCode=${encodeURIComponent(agencyCode)}` : ''}`,
    optional: false,
    naive: ii06aNaive('plain', period, scope),
    check: (api, naive) => compareIi06a(api, naive as NaiveIi06aRow[]),
    variants: [
      {
        name: 'naive served by the index of receiving agencies',
        naive: ii06aNaive('indexed', period, scope),
      },
      ...(agencyCode === null
        ? [
            {
              name: 'naive with the closing actions (dossier_actions)',
              naive: ii06aNaive('actions', period, scope),
            },
          ]
        : []),
    ],
  });
  const kpiNaive = async (
    c: pg.Client,
    period: { from: string; to: string },
    scope: string[],
    trend: boolean,
  ) => {
    const rows = (await c.query(NAIVE_FACTS, [period.from, period.to, scope])).rows;
    if (!trend) return { rows, trend: null };
    const trendFrom = `${addMonths(period.to.slice(0, 7), -11)}-01`;
    const months = (await c.query(NAIVE_TREND, [trendFrom, period.to, scope])).rows;
    const ratings = (await c.query(NAIVE_TREND_RATINGS, [trendFrom, period.to, scope])).rows;
    return { rows, trend: { months, ratings } };
  };
  const query = `from=${yearPeriod.from}&to=${yearPeriod.to}`;
  const cases: Case[] = [
    ii06aCase(`(a) II.06a, Hà Nội, year ${year}`, yearPeriod, null, province),
    ii06aCase(
      `(b) II.06a, ward ${ward.code}, ${quarter.from.slice(0, 7)} quarter`,
      quarter,
      ward.code,
      wardScope,
    ),
    ii06aCase(
      `(b) II.06a, department ${department.code}, ${quarter.from.slice(0, 7)} quarter`,
      quarter,
      department.code,
      departmentScope,
    ),
    {
      name: `(c) KPIs, Hà Nội, year ${year}`,
      path: `/api/v1/reports/kpis?${query}`,
      optional: true,
      naive: (c) => kpiNaive(c, yearPeriod, province, true),
      check: (api, naive) => compareKpis(api, naive as Awaited<ReturnType<typeof kpiNaive>>),
    },
    {
      name: `(d) 766 index, Hà Nội, year ${year}`,
      path: `/api/v1/reports/index-766?${query}`,
      optional: true,
      naive: (c) => kpiNaive(c, yearPeriod, province, false),
      check: (api, naive) => compare766(api, naive as Awaited<ReturnType<typeof kpiNaive>>),
    },
  ];

  server = await startServer(db.url);
  client = httpClient(server.origin, 1);
  const http = client;
  const login = await http.request(
    'POST',
    '/api/v1/auth/login',
    {},
    JSON.stringify({ username: ADMIN, password: 'demo' }),
  );
  const cookie = [login.headers['set-cookie'] ?? []]
    .flat()
    .find((c) => c.startsWith('motcua_session='))
    ?.split(';')[0];
  if (login.status !== 200 || !cookie) throw new Error(`login ${ADMIN}: ${login.status} ${login.body}`);
  const ask = async (p: string) => {
    const t = performance.now();
    const res = await http.request('GET', p, { cookie });
    return { res, ms: performance.now() - t };
  };

  const outcomes: Outcome[] = [];
  for (const c of cases) {
    if (ONLY_CASES && !ONLY_CASES.some((letter) => c.name.startsWith(`(${letter})`))) continue;
    const first = await ask(c.path);
    if (first.res.status === 404 && c.optional) {
      console.log(`${c.name}: not available yet (404 from ${c.path.split('?')[0]}): skipped`);
      outcomes.push({ c, skipped: 'not available yet (404)', extras: [] });
      continue;
    }
    if (first.res.status !== 200)
      throw new Error(`${c.name}: HTTP ${first.res.status} ${first.res.body.slice(0, 300)}`);
    for (let i = 1; i < WARM_UP; i++) await ask(c.path);
    const samples: number[] = [];
    let body = '';
    for (let i = 0; i < REQUESTS; i++) {
      const { res, ms: t } = await ask(c.path);
      if (res.status !== 200) throw new Error(`${c.name}: HTTP ${res.status} ${res.body.slice(0, 300)}`);
      samples.push(t);
      body = res.body;
    }
    const api = timing(samples);
    // The naive figures: one run to warm the cache (its answer checked), then the timed runs.
    const naive = async (run: (cl: pg.Client) => Promise<unknown>) => {
      const compared = c.check(JSON.parse(body), await run(pgc));
      const t: number[] = [];
      for (let i = 0; i < NAIVE_RUNS; i++) {
        const s = performance.now();
        await run(pgc);
        t.push(performance.now() - s);
      }
      return { naive: timing(t), compared };
    };
    const main = await naive(c.naive);
    const outcome: Outcome = { c, api, naive: main.naive, compared: main.compared, extras: [] };
    console.log(`${c.name}: API ${fmt(api)}; naive ${fmt(main.naive)}; ${main.compared}; ${loadLine()}`);
    for (const v of c.variants ?? []) {
      const x = await naive(v.naive);
      outcome.extras.push({ name: v.name, ...x });
      console.log(`  ${v.name}: ${fmt(x.naive)}; ${x.compared}; ${loadLine()}`);
    }
    outcomes.push(outcome);
  }

  console.log(`\nResults (${DOSSIERS.toLocaleString('en-US')} dossiers; ${loadLine()} at the end):`);
  console.log('| case | API p50 / p95 / max | naive p50 / p95 / max | ratio naive/API (p50) | targets |');
  console.log('| --- | ---: | ---: | ---: | --- |');
  for (const o of outcomes) {
    if (o.skipped) {
      console.log(`| ${o.c.name} | ${o.skipped} | | | skipped |`);
      continue;
    }
    const ratio = o.naive!.p50 / o.api!.p50;
    const p95ok = o.api!.p95 <= TARGET_P95_MS;
    const ratioOk = ratio >= TARGET_RATIO;
    failed ||= !p95ok || !ratioOk;
    console.log(
      `| ${o.c.name} | ${ms(o.api!.p50)} / ${ms(o.api!.p95)} / ${ms(o.api!.max)} ms | ${ms(o.naive!.p50)} / ${ms(o.naive!.p95)} / ${ms(o.naive!.max)} ms | ` +
        `${times(ratio)} | p95 ≤ ${TARGET_P95_MS} ms: ${p95ok ? 'met' : 'MISSED'}; ≥ ${TARGET_RATIO} ×: ${ratioOk ? 'met' : 'MISSED'} |`,
    );
    for (const x of o.extras)
      console.log(
        `| ${o.c.name}, ${x.name} | | ${ms(x.naive.p50)} / ${ms(x.naive.p95)} / ${ms(x.naive.max)} ms | ${times(x.naive.p50 / o.api!.p50)} | — |`,
      );
  }
} catch (err) {
  failed = true;
  console.error(err);
} finally {
  await cleanup();
}

if (INTAKE_RUNS > 0 && !failed) failed = !(await intakeComparison());
console.log(`\n${loadLine()} at the end; ${failed ? 'FAIL' : 'PASS'}`);
process.exitCode = failed ? 1 : 0;

// ---------------------------------------------------------------------------------------------------

/** The generation's record, after generating the database when it is new. */
async function generated() {
  type Generation = {
    dossiers: number;
    span_days: number;
    now: string;
    seconds: number;
    index_seconds: number;
    rebuild_seconds: number;
    vacuum_seconds: number;
  };
  if (!db.fresh) {
    const exists = await pgc.query(`SELECT 1 FROM pg_tables WHERE tablename = 'bench_generation'`);
    if (exists.rowCount === 0)
      throw new Error(
        `${name} was not generated to the end (no bench_generation): DROP DATABASE ${name} and run again`,
      );
    return (await pgc.query<Generation>(`SELECT * FROM bench_generation`)).rows[0]!;
  }
  const now = new Date();
  console.log(`generating ${DOSSIERS.toLocaleString('en-US')} dossiers over ${SPAN_DAYS} days into ${name}…`);
  let last = 0;
  const gen = await generateDossiers(rt.deps, {
    count: DOSSIERS,
    now,
    seed: 15,
    spanDays: SPAN_DAYS,
    mix: 'history',
    bulk: true,
    log: (line) => {
      const n = /^(\d+) dossiers$/.exec(line);
      if (n && Number(n[1]) < last + 250_000) return;
      if (n) last = Number(n[1]);
      console.log(`  ${new Date().toISOString().slice(11, 19)} ${line}; ${loadLine()}`);
    },
  });
  const t = performance.now();
  await sql`VACUUM ANALYZE`.execute(rt.deps.db);
  const vacuum = (performance.now() - t) / 1000;
  await pgc.query(
    `CREATE TABLE bench_generation AS SELECT $1::bigint AS dossiers, $2::int AS span_days, $3::timestamptz AS now,
      $4::float8 AS seconds, $5::float8 AS index_seconds, $6::float8 AS rebuild_seconds, $7::float8 AS vacuum_seconds,
      $8::int AS report_days, $9::int AS report_months`,
    [
      gen.dossiers,
      SPAN_DAYS,
      now,
      gen.seconds,
      gen.indexSeconds ?? 0,
      gen.rebuild?.seconds ?? 0,
      vacuum,
      gen.rebuild?.days ?? 0,
      gen.rebuild?.months ?? 0,
    ],
  );
  return (await pgc.query<Generation>(`SELECT * FROM bench_generation`)).rows[0]!;
}

async function datasetLine(): Promise<string> {
  const tables = [
    'dossiers',
    'dossier_actions',
    'dossier_agencies',
    'portal_sync_state',
    'dossier_ratings',
    'report_days',
    'report_months',
  ];
  const parts: string[] = [];
  for (const t of tables) {
    const r = (
      await pgc.query<{ n: string; size: string }>(
        `SELECT (SELECT count(*) FROM ${t}) AS n, pg_size_pretty(pg_total_relation_size('${t}')) AS size`,
      )
    ).rows[0]!;
    parts.push(`${t} ${Number(r.n).toLocaleString('en-US')} rows (${r.size})`);
  }
  const size = (
    await pgc.query<{ s: string }>(`SELECT pg_size_pretty(pg_database_size(current_database())) AS s`)
  ).rows[0]!.s;
  return `rows: ${parts.join(', ')}; database ${size}`;
}

function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

function compareIi06a(api: unknown, naive: NaiveIi06aRow[]): string {
  const a = api as { rows: ({ key: string } & Ii06aFigures)[]; total: Ii06aFigures };
  const byKey = new Map(naive.map((r) => [r.key, figuresOf(r)]));
  const problems: string[] = [];
  const nonEmpty = [...byKey].filter(
    ([, f]) => f.received.total > 0 || f.resolved.total > 0 || f.inProgress.total > 0,
  );
  if (nonEmpty.length !== a.rows.length)
    problems.push(`${a.rows.length} rows from the API, ${nonEmpty.length} non-empty from the naive`);
  for (const row of a.rows) {
    const n = byKey.get(row.key);
    const x = cellsOf(row).join(',');
    const y = n ? cellsOf(n).join(',') : 'none';
    if (x !== y) problems.push(`${row.key}: API ${x}, naive ${y}`);
  }
  const total = nonEmpty.reduce(
    (acc, [, f]) => cellsOf(f).map((v, i) => v + acc[i]!),
    II06A_CELLS.map(() => 0),
  );
  if (cellsOf(a.total).join(',') !== total.join(','))
    problems.push(`total: API ${cellsOf(a.total).join(',')}, naive ${total.join(',')}`);
  if (problems.length > 0)
    throw new Error(
      `II.06a: the API's figures differ from the naive GROUP BY's:\n  ${problems.slice(0, 20).join('\n  ')}`,
    );
  return `equal: ${a.rows.length} rows and the total, all 11 figures (total (3) ${a.total.received.total.toLocaleString('en-US')}, (7) ${a.total.resolved.total.toLocaleString('en-US')}, (10) ${a.total.resolved.late.toLocaleString('en-US')}, (11) ${a.total.inProgress.total.toLocaleString('en-US')})`;
}

type KpiFigure = { numerator: number | null; denominator: number | null };
type NaiveKpis = {
  rows: Record<string, unknown>[];
  trend: { months: Record<string, unknown>[]; ratings: Record<string, unknown>[] } | null;
};

function naiveByAgency(n: NaiveKpis): { byKey: Map<string, Facts>; total: Facts } {
  const byKey = new Map(n.rows.map((r) => [String(r['key']), factsOf(r)]));
  const total = [...byKey.values()].reduce(addFacts, zeroFacts());
  return { byKey, total };
}

function compareParts(
  label: string,
  figures: Record<string, KpiFigure> | undefined,
  parts: Record<string, [number, number]>,
  problems: string[],
): number {
  let compared = 0;
  if (!figures) {
    problems.push(`${label}: no figures in the answer`);
    return 0;
  }
  for (const [key, [num, den]] of Object.entries(parts)) {
    const f = figures[key];
    if (!f) {
      problems.push(`${label}: no figure ${key} in the answer`);
      continue;
    }
    if (f.numerator === null) continue; // no source in the system (not counted from dossiers)
    compared++;
    if (f.numerator !== num || f.denominator !== den)
      problems.push(`${label} ${key}: API ${f.numerator}/${f.denominator}, naive ${num}/${den}`);
  }
  return compared;
}

function compareKpis(api: unknown, naive: NaiveKpis): string {
  const a = api as {
    rows: { agency: { code: string }; figures: Record<string, KpiFigure> }[];
    total: { figures: Record<string, KpiFigure> };
    trend: { month: string; figures: Record<string, KpiFigure> }[];
  };
  const { byKey, total } = naiveByAgency(naive);
  const problems: string[] = [];
  let n = compareParts('total', a.total?.figures, kpiParts(total), problems);
  for (const r of a.rows ?? [])
    n += compareParts(r.agency.code, r.figures, kpiParts(byKey.get(r.agency.code) ?? zeroFacts()), problems);
  const months = new Map<string, Facts>();
  for (const r of naive.trend!.months) {
    const m = String(r['month']);
    const f = factsOf(r);
    const keep =
      r['kind'] === 'received'
        ? ['received', 'received_online', 'synced', 'digitised', 'fee_bearing', 'paid_online']
        : ['early', 'on_time', 'late', 'no_due', 'results_electronic', 'withdrawn'];
    const part = zeroFacts();
    for (const k of keep) part[k as keyof Facts] = f[k as keyof Facts];
    months.set(m, addFacts(months.get(m) ?? zeroFacts(), part));
  }
  for (const r of naive.trend!.ratings) {
    const m = String(r['month']);
    months.set(m, addFacts(months.get(m) ?? zeroFacts(), factsOf(r)));
  }
  for (const t of a.trend ?? [])
    n += compareParts(`trend ${t.month}`, t.figures, kpiParts(months.get(t.month) ?? zeroFacts()), problems);
  if (!Array.isArray(a.trend) || a.trend.length === 0) problems.push('no trend in the answer');
  if (problems.length > 0)
    throw new Error(
      `KPIs: the API's figures differ from the naive GROUP BY's:\n  ${problems.slice(0, 20).join('\n  ')}`,
    );
  return `equal: ${n} numerator/denominator pairs (${a.rows.length} agencies, the total, ${a.trend.length} months)`;
}

function compare766(api: unknown, naive: NaiveKpis): string {
  type Score = { groups: { indicators: ({ key: string } & KpiFigure)[] }[] };
  const a = api as { rows: { agency: { code: string }; score: Score }[]; total: { score: Score } };
  const { byKey, total } = naiveByAgency(naive);
  const problems: string[] = [];
  const figuresOf766 = (s: Score | undefined) =>
    s ? Object.fromEntries(s.groups.flatMap((g) => g.indicators).map((i) => [i.key, i])) : undefined;
  const counted = (s: Score | undefined, parts: Record<string, [number, number]>) => {
    const figures = figuresOf766(s) ?? {};
    // Only the indicators the formula in force has.
    return Object.fromEntries(Object.entries(parts).filter(([k]) => k in figures));
  };
  let n = compareParts(
    'total',
    figuresOf766(a.total?.score),
    counted(a.total?.score, indicatorParts(total)),
    problems,
  );
  for (const r of a.rows ?? [])
    n += compareParts(
      r.agency.code,
      figuresOf766(r.score),
      counted(r.score, indicatorParts(byKey.get(r.agency.code) ?? zeroFacts())),
      problems,
    );
  if (n === 0) problems.push('no indicator counted from dossiers to compare');
  if (problems.length > 0)
    throw new Error(
      `766 index: the API's figures differ from the naive GROUP BY's:\n  ${problems.slice(0, 20).join('\n  ')}`,
    );
  return `equal: ${n} indicator numerator/denominator pairs (${a.rows.length} agencies and the total)`;
}

/** bench/intake.ts run alternately with the report-count triggers off and on; CPU per intake compared. */
async function intakeComparison(): Promise<boolean> {
  console.log(
    `\nIntake with and without the report counts: node bench/intake.ts 1500 8 --cases=8x16, ${INTAKE_RUNS} runs each way, alternating`,
  );
  const runOnce = (off: boolean) =>
    new Promise<{ total: number[]; server: number[]; database: number[]; rate: number[] }>(
      (resolve, reject) => {
        const args = [path.join(import.meta.dirname, 'intake.ts'), '1500', '8', '--cases=8x16'];
        if (off) args.push('--no-report-counts');
        const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.on('exit', (code) => {
          if (code !== 0) return reject(new Error(`bench/intake.ts exited with ${code}:\n${out}`));
          const rounds = [
            ...out.matchAll(
              /round \d+: (\d+) intakes\/s.*CPU per intake ([\d.]+) ms \(server ([\d.]+) \+ PostgreSQL ([\d.]+)\)/g,
            ),
          ];
          if (rounds.length === 0)
            return reject(new Error(`no CPU figures in bench/intake.ts's output:\n${out}`));
          resolve({
            rate: rounds.map((m) => Number(m[1])),
            total: rounds.map((m) => Number(m[2])),
            server: rounds.map((m) => Number(m[3])),
            database: rounds.map((m) => Number(m[4])),
          });
        });
        child.on('error', reject);
      },
    );
  const modes = {
    off: [] as Awaited<ReturnType<typeof runOnce>>[],
    on: [] as Awaited<ReturnType<typeof runOnce>>[],
  };
  for (let i = 0; i < INTAKE_RUNS; i++) {
    for (const off of i % 2 === 0 ? [true, false] : [false, true]) {
      const r = await runOnce(off);
      (off ? modes.off : modes.on).push(r);
      console.log(
        `  run ${i + 1}, report counts ${off ? 'off' : 'on '}: CPU per intake ${r.total.map((v) => v.toFixed(2)).join(', ')} ms ` +
          `(rounds; ${Math.round(median(r.rate))} intakes/s median); ${loadLine()}`,
      );
    }
  }
  const summary = (rs: Awaited<ReturnType<typeof runOnce>>[]) => ({
    total: median(rs.flatMap((r) => r.total)),
    server: median(rs.flatMap((r) => r.server)),
    database: median(rs.flatMap((r) => r.database)),
    rounds: rs.flatMap((r) => r.total).length,
  });
  const off = summary(modes.off);
  const on = summary(modes.on);
  const increase = on.total / off.total - 1;
  // Each pair of runs side by side (the machine's load moves between pairs more than within one).
  const pairs = modes.on.map((r, i) => median(r.total) / median(modes.off[i]!.total) - 1);
  console.log(
    `  each pair, with over without (medians of its rounds): ${pairs.map((p) => `${p >= 0 ? '+' : ''}${(p * 100).toFixed(1)} %`).join(', ')}`,
  );
  console.log(
    `  median CPU per intake over ${off.rounds} rounds each: without the report counts ${off.total.toFixed(2)} ms ` +
      `(server ${off.server.toFixed(2)} + PostgreSQL ${off.database.toFixed(2)}), with them ${on.total.toFixed(2)} ms ` +
      `(server ${on.server.toFixed(2)} + PostgreSQL ${on.database.toFixed(2)}): ${increase >= 0 ? '+' : ''}${(increase * 100).toFixed(1)} % ` +
      `(target ≤ ${TARGET_INTAKE_INCREASE * 100} %: ${increase <= TARGET_INTAKE_INCREASE ? 'met' : 'MISSED'})`,
  );
  return increase <= TARGET_INTAKE_INCREASE;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}
