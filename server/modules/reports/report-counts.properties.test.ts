// The report counts are kept exact by the triggers whatever is written: random histories of dossiers
// (received online or at the desk over half a year at three agencies, resolved early, on time, late,
// withdrawn, stopped or left open, their due times moved, payments asked and paid, acknowledged by the
// national portal, rated), written row by row as the system writes them, then every II.06a cell of
// random periods, rules and groupings read from the counts equals a recount of the dossiers one by one
// by the documented rules (common/reports/ii06a.ts), the columns add up, the drill-down lists exactly the
// dossiers a cell counts, and rebuilding the counts from the dossiers gives the same rows.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sql } from 'kysely';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { loginAs } from '../../test/http.ts';
import { receiveBirthAt } from '../../test/dossier-kit.ts';
import { peoplesCommittee } from '../../test/seeded.ts';
import {
  II06A_CELL_NAMES,
  cellValue,
  columnsAddUp,
  countDossiers,
  type CountedDossier,
  type Ii06aGroup,
  type Ii06aRules,
} from '../../../common/reports/ii06a.ts';
import { vnDate } from '../../../common/time/vn-time.ts';
import {
  REBUILD_REPORT_COUNTS,
  REPORT_COUNT_COLUMNS,
} from '../../db/migrations/20261210000000_report-counts.ts';
import { getIi06a, getIi06aDossiers } from './ii06a.service.ts';
import { foldReportBatch, foldReportDeltas, rebuildReportCounts } from './report-counts.ts';
import { writeHistory } from './report-test-dossiers.ts';
import type { OverviewScope } from './reports.service.ts';

const clock = manualClock('2026-07-01T03:00:00Z');
let rt: TestRuntime;
let template: string;
const agencies: { id: string; code: string }[] = [];
const HOUR = 3_600_000;
const START = Date.parse('2026-01-01T00:00:00+07:00');

before(async () => {
  rt = await createTestRuntime({ clock });
  for (const unit of ['00070', '00082', '00091']) {
    const code = await peoplesCommittee(rt.deps.db, unit);
    const row = await rt.deps.db
      .selectFrom('agencies')
      .select('agency_id')
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    agencies.push({ id: String(row.agency_id), code });
  }
  const cookie = await loginAs(rt.app, 'desk.hang-trong');
  template = (await receiveBirthAt(rt.app, cookie, agencies[0]!.code)).code;
});
after(() => rt.close());

type Outcome = 'open' | 'result-ready' | 'returned' | 'withdrawn' | 'stopped' | 'refused' | 'submitted';

const dossierSpec = fc.record({
  agency: fc.integer({ min: 0, max: 2 }),
  procedure: fc.constantFrom('1.001193', '2.000986'),
  channel: fc.constantFrom('online', 'direct', 'postal'),
  receivedHour: fc.integer({ min: 0, max: 180 * 24 }),
  dueHours: fc.option(fc.integer({ min: 1, max: 40 * 24 }), { nil: null }),
  movedDueHours: fc.option(fc.integer({ min: 1, max: 60 * 24 }), { nil: null }),
  outcome: fc.constantFrom<Outcome>(
    'open',
    'result-ready',
    'returned',
    'withdrawn',
    'stopped',
    'refused',
    'submitted',
    'returned',
  ),
  resolveHours: fc.integer({ min: 0, max: 50 * 24 }),
  payments: fc.array(fc.constantFrom('pending', 'paid-online', 'paid-cash', 'cancelled', 'failed'), {
    maxLength: 2,
  }),
  synced: fc.boolean(),
  rating: fc.option(fc.constantFrom('very-satisfied', 'satisfied', 'unsatisfied'), { nil: null }),
  digitised: fc.boolean(),
  electronic: fc.boolean(),
  signed: fc.boolean(),
});
type Spec = typeof dossierSpec extends fc.Arbitrary<infer T> ? T : never;
/** A dossier received at the desk in March, returned late and paid online. */
const SOME_DOSSIER: Spec = {
  agency: 1,
  procedure: '1.001193',
  channel: 'direct',
  receivedHour: 60 * 24 + 9,
  dueHours: 72,
  movedDueHours: null,
  outcome: 'returned',
  resolveHours: 100,
  payments: ['paid-online'],
  synced: true,
  rating: 'satisfied',
  digitised: true,
  electronic: true,
  signed: true,
};

let serial = 0;

/** Writes one generated dossier's history. */
async function write(spec: Spec): Promise<void> {
  const received = new Date(START + spec.receivedHour * HOUR);
  const after = (hours: number | null) =>
    hours === null ? null : new Date(received.getTime() + hours * HOUR);
  await writeHistory(rt.deps.db, template, {
    code: `PROP-${++serial}`,
    agencyId: agencies[spec.agency]!.id,
    procedure: spec.procedure,
    channel: spec.channel,
    receivedAt: received,
    dueAt: after(spec.dueHours),
    movedDueAt: spec.dueHours === null ? null : after(spec.movedDueHours),
    outcome: spec.outcome,
    resolvedAt: after(spec.resolveHours),
    payments: spec.payments,
    synced: spec.synced,
    rating: spec.rating,
    digitised: spec.digitised,
    electronic: spec.electronic,
    signed: spec.signed,
  });
}

const everywhere: OverviewScope = {
  roots: [],
  reach: [{ agencyPath: '/', unitPath: '/' }],
  within: null,
  map: 'then',
};

async function recountByAgency(from: string, to: string, rules: Ii06aRules) {
  const rows = await rt.deps.db
    .selectFrom('dossiers as d')
    .innerJoin('agencies as a', 'a.agency_id', 'd.received_by_agency_id')
    .select(['a.code', 'd.status', 'd.channel', 'd.received_at', 'd.due_at', 'd.result_at', 'd.closed_at'])
    .execute();
  const today = vnDate(clock.now());
  const byAgency = new Map<string, CountedDossier[]>();
  for (const r of rows) {
    const list = byAgency.get(r.code) ?? [];
    list.push({
      status: r.status,
      channel: r.channel,
      receivedAt: r.received_at,
      dueAt: r.due_at,
      resultAt: r.result_at,
      closedAt: r.closed_at,
    });
    byAgency.set(r.code, list);
  }
  return new Map(
    [...byAgency].map(([code, list]) => [code, countDossiers(list, { from, to, today }, rules)]),
  );
}

/** Every count row of both tables, slots summed, once the deltas are folded. */
async function snapshot(): Promise<string> {
  await foldReportDeltas(rt.deps);
  const cols = REPORT_COUNT_COLUMNS.map((c) => `sum(${c}) AS ${c}`).join(', ');
  const days = await sql
    .raw(
      `SELECT agency_id, procedure_code, day, ${cols} FROM report_days GROUP BY 1, 2, 3 HAVING ${REPORT_COUNT_COLUMNS.map((c) => `sum(${c}) <> 0`).join(' OR ')} ORDER BY 1, 2, 3`,
    )
    .execute(rt.deps.db);
  const months = await sql
    .raw(
      `SELECT agency_id, procedure_code, month, ${cols} FROM report_months GROUP BY 1, 2, 3 HAVING ${REPORT_COUNT_COLUMNS.map((c) => `sum(${c}) <> 0`).join(' OR ')} ORDER BY 1, 2, 3`,
    )
    .execute(rt.deps.db);
  return JSON.stringify([days.rows, months.rows]);
}

const day = (offset: number) => vnDate(new Date(START + offset * 24 * HOUR));

test('every II.06a cell from the counts equals a recount of the dossiers, after random histories', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(dossierSpec, { minLength: 5, maxLength: 25 }),
      fc.array(
        fc.record({
          start: fc.integer({ min: 0, max: 330 }),
          length: fc.integer({ min: 0, max: 120 }),
          // Now is after every event written (the counts' invariant: nothing happens in the future).
          now: fc.integer({ min: 230, max: 420 }),
          late: fc.constantFrom<Ii06aRules['late']>('time', 'day'),
          withdrawn: fc.constantFrom<Ii06aRules['withdrawn']>('on-time', 'excluded'),
          cell: fc.constantFrom(...II06A_CELL_NAMES),
        }),
        { minLength: 2, maxLength: 4 },
      ),
      // The worker's fold at random moments, some of the deltas at a time: the reports read the
      // folded counts and the deltas not yet folded, and count each once.
      fc.array(fc.record({ after: fc.nat(25), batch: fc.integer({ min: 1, max: 12 }) }), { maxLength: 5 }),
      async (specs, periods, folds) => {
        for (const [i, spec] of specs.entries()) {
          await write(spec);
          for (const f of folds) if (f.after === i) await foldReportBatch(rt.deps, f.batch);
        }
        for (const p of periods) {
          const from = day(p.start);
          const to = day(p.start + p.length);
          clock.set(new Date(START + p.now * 24 * HOUR + 10 * HOUR));
          const rules = { late: p.late, withdrawn: p.withdrawn };
          const report = await getIi06a(rt.deps, everywhere, {
            from,
            to,
            groupBy: 'agency',
            rules,
            drillBase: '',
          });
          const expected = await recountByAgency(from, to, rules);
          for (const row of report.rows) {
            const want = expected.get(row.key)!;
            assert.deepEqual(
              { received: row.received, resolved: row.resolved, inProgress: row.inProgress },
              want,
              `${row.key} ${from}..${to} now ${vnDate(clock.now())} ${JSON.stringify(rules)}`,
            );
            assert.ok(columnsAddUp(row), `${row.key} adds up`);
            const drill = await getIi06aDossiers(rt.deps, everywhere, {
              from,
              to,
              groupBy: 'agency',
              rules,
              drillBase: '',
              cell: p.cell,
              key: row.key,
              page: 1,
              pageSize: 500,
            });
            assert.equal(drill.total, cellValue(row, p.cell), `drill ${row.key} ${p.cell}`);
          }
          // No agency with a figure is left out.
          for (const [code, want] of expected) {
            if (want.received.total + want.resolved.total + want.inProgress.total === 0) continue;
            assert.ok(
              report.rows.some((r) => r.key === code),
              `${code} listed`,
            );
          }
        }
      },
    ),
    { numRuns: 12 },
  );
  clock.set('2026-07-01T03:00:00Z');
});

test('rebuilding the counts from the dossiers gives the rows the triggers kept, for every column', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(dossierSpec, { minLength: 5, maxLength: 20 }), async (specs) => {
      for (const spec of specs) await write(spec);
      const kept = await snapshot();
      await rt.deps.db.transaction().execute(async (tx) => {
        for (const statement of REBUILD_REPORT_COUNTS) await sql.raw(statement).execute(tx);
      });
      assert.equal(await snapshot(), kept);
    }),
    { numRuns: 5 },
  );
});

test('the groupings partition the same dossiers: unit, field, procedure and level add up to the agencies', async () => {
  const ask = {
    from: '2026-01-01',
    to: '2026-06-30',
    rules: { late: 'time', withdrawn: 'on-time' } as Ii06aRules,
    drillBase: '',
  };
  const byAgency = await getIi06a(rt.deps, everywhere, { ...ask, groupBy: 'agency' });
  assert.ok(byAgency.total.received.total > 0);
  for (const groupBy of ['unit', 'field', 'procedure', 'level'] as Ii06aGroup[]) {
    const other = await getIi06a(rt.deps, everywhere, { ...ask, groupBy });
    const { drill: _a, ...a } = other.total;
    const { drill: _b, ...b } = byAgency.total;
    assert.deepEqual(a, b, groupBy);
  }
  const levels = await getIi06a(rt.deps, everywhere, { ...ask, groupBy: 'level' });
  assert.deepEqual(
    levels.rows.map((r) => r.name),
    ['Cấp xã'],
  );
});

test('the received-day and rating counts equal a recount from dossiers, payments, acknowledgements and ratings', async () => {
  const db = rt.deps.db;
  const dossiers = await db
    .selectFrom('dossiers as d')
    .leftJoin('portal_sync_state as y', 'y.dossier_code', 'd.code')
    .select([
      'd.dossier_id',
      'd.status',
      'd.received_at',
      'd.components',
      'd.state',
      'd.signed_result_files',
      'y.acked_at',
    ])
    .execute();
  const payments = await db.selectFrom('payments').select(['dossier_id', 'status', 'channel']).execute();
  const ratings = await db.selectFrom('dossier_ratings').select(['level']).execute();
  const want = { digitised: 0, synced: 0, fee_bearing: 0, paid_online: 0, results_electronic: 0 };
  for (const d of dossiers) {
    if (d.received_at === null || d.status === 'submitted' || d.status === 'refused') continue;
    const components = d.components as { digitised?: boolean }[];
    if (components.length > 0 && components.every((c) => c.digitised === true)) want.digitised += 1;
    if (d.acked_at !== null) want.synced += 1;
    const own = payments.filter((p) => p.dossier_id === d.dossier_id);
    if (own.some((p) => p.status !== 'cancelled')) want.fee_bearing += 1;
    if (own.some((p) => p.status === 'paid' && p.channel === 'online')) want.paid_online += 1;
    // A result counts as electronic when a result file carries the deciding agency's signature (#19).
    const docs = d.state.resultDocuments;
    const signed = docs.some((x) => x.fileId !== undefined && d.signed_result_files.includes(x.fileId));
    if (['result-ready', 'returned'].includes(d.status) && signed) {
      want.results_electronic += 1;
    }
  }
  const level = (l: string) => ratings.filter((r) => r.level === l).length;
  const got = await sql<Record<string, string>>`SELECT sum(digitised) AS digitised, sum(synced) AS synced,
      sum(fee_bearing) AS fee_bearing, sum(paid_online) AS paid_online, sum(results_electronic) AS results_electronic,
      sum(rated_very_satisfied) AS very, sum(rated_satisfied) AS satisfied, sum(rated_unsatisfied) AS unsatisfied
    FROM report_day_counts`.execute(db);
  const row = got.rows[0]!;
  assert.ok(
    want.paid_online > 0 && want.fee_bearing > want.paid_online && want.synced > 0,
    JSON.stringify(want),
  );
  assert.deepEqual(
    {
      digitised: Number(row['digitised']),
      synced: Number(row['synced']),
      fee_bearing: Number(row['fee_bearing']),
      paid_online: Number(row['paid_online']),
      results_electronic: Number(row['results_electronic']),
    },
    want,
  );
  assert.deepEqual(
    [Number(row['very']), Number(row['satisfied']), Number(row['unsatisfied'])],
    [level('very-satisfied'), level('satisfied'), level('unsatisfied')],
  );
});

test('the rebuild puts back counts that drifted, and says how many day rows it changed', async () => {
  assert.equal((await rebuildReportCounts(rt.deps)).changed, 0);
  await write(SOME_DOSSIER);
  assert.ok(
    Number(
      (await sql<{ n: string }>`SELECT count(*) AS n FROM report_deltas`.execute(rt.deps.db)).rows[0]!.n,
    ) > 0,
  );
  assert.equal((await rebuildReportCounts(rt.deps)).changed, 0, 'the deltas not yet folded count as kept');
  await sql`UPDATE report_days SET received_online = received_online + 5
    WHERE ctid = (SELECT ctid FROM report_days WHERE received_online > 0 LIMIT 1)`.execute(rt.deps.db);
  const before = await snapshot();
  const r = await rebuildReportCounts(rt.deps);
  assert.equal(r.changed, 2, 'the drifted row as it was and as it is rebuilt');
  assert.notEqual(await snapshot(), before);
  assert.equal((await rebuildReportCounts(rt.deps)).changed, 0);
});
