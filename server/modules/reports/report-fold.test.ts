// The report-count triggers append deltas; the worker folds them into report_days and report_months.
// Whether a delta is folded or not, every report reads it exactly once: before, during and after the
// fold, and when several folds run at once (side by side over the pool on PostgreSQL, queued on
// PGlite), none is taken twice or lost.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { loginAs } from '../../test/http.ts';
import { receiveBirthAt } from '../../test/dossier-kit.ts';
import { peoplesCommittee } from '../../test/seeded.ts';
import { silentLog } from '../../platform/jobs/job-log.ts';
import { REPORT_COUNT_COLUMNS } from '../../db/migrations/20261210000000_report-counts.ts';
import { getIi06a } from './ii06a.service.ts';
import { foldReportBatch, foldReportDeltas, startReportFolder } from './report-counts.ts';
import { writeHistory, type Outcome } from './report-test-dossiers.ts';
import type { OverviewScope } from './reports.service.ts';

const clock = manualClock('2026-07-01T03:00:00Z');
let rt: TestRuntime;
let template: string;
let agencyId: string;
const HOUR = 3_600_000;
const OUTCOMES: Outcome[] = ['open', 'returned', 'withdrawn', 'result-ready', 'returned'];

const everywhere: OverviewScope = {
  roots: [],
  reach: [{ agencyPath: '/', unitPath: '/' }],
  within: null,
  map: 'then',
};

before(async () => {
  rt = await createTestRuntime({ clock });
  const code = await peoplesCommittee(rt.deps.db, '00070');
  agencyId = String(
    (
      await rt.deps.db
        .selectFrom('agencies')
        .select('agency_id')
        .where('code', '=', code)
        .executeTakeFirstOrThrow()
    ).agency_id,
  );
  template = (await receiveBirthAt(rt.app, await loginAs(rt.app, 'desk.hang-trong'), code)).code;
});
after(() => rt.close());

let serial = 0;
async function writeSome(n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const receivedAt = new Date(Date.parse('2026-03-02T02:00:00Z') + (i % 40) * 24 * HOUR + (i % 7) * HOUR);
    await writeHistory(rt.deps.db, template, {
      code: `FOLD-${++serial}`,
      agencyId,
      procedure: i % 3 ? '1.001193' : '2.000986',
      channel: i % 2 ? 'online' : 'direct',
      receivedAt,
      dueAt: new Date(receivedAt.getTime() + 48 * HOUR),
      outcome: OUTCOMES[i % OUTCOMES.length]!,
      resolvedAt: new Date(receivedAt.getTime() + (i % 5) * 20 * HOUR),
      payments: i % 4 ? [] : ['paid-online'],
      synced: i % 3 === 0,
      rating: i % 2 ? 'satisfied' : null,
    });
  }
}

const deltas = async () =>
  Number((await sql<{ n: string }>`SELECT count(*) AS n FROM report_deltas`.execute(rt.deps.db)).rows[0]!.n);

/** Every count summed over the days: through the view (folded and not), or the folded table alone. */
async function totals(source: 'report_day_counts' | 'report_days'): Promise<Record<string, string>> {
  const cols = REPORT_COUNT_COLUMNS.map((c) => `sum(${c}) AS ${c}`).join(', ');
  return (await sql.raw<Record<string, string>>(`SELECT ${cols} FROM ${source}`).execute(rt.deps.db))
    .rows[0]!;
}

const report = () =>
  getIi06a(rt.deps, everywhere, {
    from: '2026-03-01',
    to: '2026-04-30',
    groupBy: 'agency',
    rules: { late: 'time', withdrawn: 'on-time' },
    drillBase: '',
  });

test('a report reads the deltas not yet folded, part-folded and folded alike', async () => {
  await foldReportDeltas(rt.deps);
  await writeSome(30);
  assert.ok((await deltas()) > 30, 'each dossier appended its deltas');
  const unfolded = await report();
  assert.ok(unfolded.total.received.total >= 30);
  assert.equal(await foldReportBatch(rt.deps, 7), 7);
  assert.deepEqual(await report(), unfolded, 'seven folded, the rest not');
  const left = await deltas();
  assert.equal(await foldReportDeltas(rt.deps, 10), left, 'the rest folded, ten at a time');
  assert.equal(await deltas(), 0);
  assert.deepEqual(await report(), unfolded, 'all folded');
});

test('folds running at once take each delta once', async () => {
  await writeSome(40);
  const want = await totals('report_day_counts');
  const folded = await Promise.all([1, 2, 3, 4].map(() => foldReportDeltas(rt.deps, 5)));
  assert.ok(folded.reduce((a, b) => a + b, 0) > 40);
  assert.equal(await deltas(), 0);
  assert.deepEqual(await totals('report_days'), want);
  assert.deepEqual(await totals('report_day_counts'), want);
});

test("the worker's fold runs by itself and stops cleanly", async () => {
  await writeSome(10);
  const want = await totals('report_day_counts');
  assert.ok((await deltas()) > 0);
  const folder = startReportFolder(rt.deps, silentLog, 10);
  try {
    for (let i = 0; i < 500 && (await deltas()) > 0; i++) await new Promise((r) => setTimeout(r, 10));
  } finally {
    await folder.stop();
  }
  assert.equal(await deltas(), 0);
  assert.deepEqual(await totals('report_days'), want);
});
