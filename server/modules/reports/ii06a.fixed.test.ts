// The worked example of docs/domain/reports.md reproduces exactly: the fixed data set of
// fixtures/year-2026.ts read on 10 January 2027, with the figures computed by hand in the document.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { loginAs } from '../../test/http.ts';
import { receiveBirthAt } from '../../test/dossier-kit.ts';
import { peoplesCommittee } from '../../test/seeded.ts';
import { FIXED_NOW, FIXED_WARDS, fixedHistories } from './fixtures/year-2026.ts';
import { writeHistory } from './report-test-dossiers.ts';
import type { Ii06aDrillResponse, Ii06aResponse } from '../../../common/contracts/report-ii06a.ts';
import type { Index766Response } from '../../../common/contracts/report-766.ts';

const clock = manualClock('2025-12-29T01:00:00Z');
let rt: TestRuntime;
const code = { A: '', B: '', C: '' };
let cookie = '';

before(async () => {
  rt = await createTestRuntime({ clock });
  const ids: Record<string, string> = {};
  for (const [ward, unit] of Object.entries(FIXED_WARDS) as [keyof typeof FIXED_WARDS, string][]) {
    code[ward] = await peoplesCommittee(rt.deps.db, unit);
    const row = await rt.deps.db
      .selectFrom('agencies')
      .select('agency_id')
      .where('code', '=', code[ward])
      .executeTakeFirstOrThrow();
    ids[ward] = String(row.agency_id);
  }
  // The template dossier every history copies, then taken out of the count (it is a test artefact).
  const desk = await loginAs(rt.app, 'desk.hang-trong');
  const template = (await receiveBirthAt(rt.app, desk, code.A)).code;
  for (const h of fixedHistories((w) => ids[w]!)) await writeHistory(rt.deps.db, template, h);
  await rt.deps.db.updateTable('dossiers').set({ status: 'refused' }).where('code', '=', template).execute();
  clock.set(FIXED_NOW);
  cookie = await loginAs(rt.app, 'demo-admin');
});
after(() => rt.close());

type Figures = [received: number[], resolved: number[], inProgress: number[]];

async function ii06a(query: string): Promise<Ii06aResponse> {
  const res = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/reports/ii06a?${query}`,
    headers: { cookie },
  });
  assert.equal(res.statusCode, 200, res.body);
  return res.json<Ii06aResponse>();
}

/** Columns 3–6, 7–10 and 11–13 of a row. */
const columns = (r: Omit<Ii06aResponse['total'], 'drill'>): Figures => [
  [r.received.total, r.received.online, r.received.directOrPostal, r.received.carriedOver],
  [r.resolved.total, r.resolved.early, r.resolved.onTime, r.resolved.late],
  [r.inProgress.total, r.inProgress.withinLimit, r.inProgress.overdue],
];

function rowsOf(report: Ii06aResponse): Record<string, Figures> {
  const byWard = Object.fromEntries(Object.entries(code).map(([w, c]) => [c, w]));
  return Object.fromEntries(report.rows.map((r) => [byWard[r.key] ?? r.key, columns(r)]));
}

test('quarter IV of 2026, as computed by hand in docs/domain/reports.md', async () => {
  const q4 = await ii06a('from=2026-10-01&to=2026-12-31');
  assert.equal(q4.periodLabel, 'Quý IV năm 2026');
  assert.deepEqual(rowsOf(q4), {
    A: [
      [5, 2, 2, 1],
      [3, 0, 2, 1],
      [2, 1, 1],
    ],
    B: [
      [3, 0, 2, 1],
      [2, 1, 1, 0],
      [1, 0, 1],
    ],
    C: [
      [1, 1, 0, 0],
      [0, 0, 0, 0],
      [1, 1, 0],
    ],
  });
  assert.deepEqual(columns(q4.total), [
    [9, 3, 4, 2],
    [5, 1, 3, 1],
    [4, 2, 2],
  ]);
});

test('the year 2026, and the two rule choices', async () => {
  const year = await ii06a('from=2026-01-01&to=2026-12-31');
  assert.equal(year.periodLabel, 'Năm 2026');
  assert.deepEqual(rowsOf(year), {
    A: [
      [8, 3, 4, 1],
      [6, 1, 3, 2],
      [2, 1, 1],
    ],
    B: [
      [4, 1, 3, 0],
      [3, 2, 1, 0],
      [1, 0, 1],
    ],
    C: [
      [2, 1, 1, 0],
      [1, 0, 1, 0],
      [1, 1, 0],
    ],
  });
  assert.deepEqual(columns(year.total), [
    [14, 5, 8, 1],
    [10, 3, 5, 2],
    [4, 2, 2],
  ]);
  // Late by day: FX-A8 (18:30 on its due day) is on time.
  assert.deepEqual(rowsOf(await ii06a('from=2026-01-01&to=2026-12-31&late=day'))['A']![1], [6, 1, 4, 1]);
  // Withdrawals and stops left out of the resolved: FX-A5 and FX-C1.
  const excluded = rowsOf(await ii06a('from=2026-01-01&to=2026-12-31&withdrawn=excluded'));
  assert.deepEqual(excluded['A']![1], [5, 1, 2, 2]);
  assert.deepEqual(excluded['C'], [
    [2, 1, 1, 0],
    [0, 0, 0, 0],
    [1, 1, 0],
  ]);
});

test('quarter I, Biểu II.06b by level, and by unit', async () => {
  assert.deepEqual(rowsOf(await ii06a('from=2026-01-01&to=2026-03-31')), {
    A: [
      [3, 1, 1, 1],
      [2, 1, 1, 0],
      [1, 1, 0],
    ],
  });
  const levels = await ii06a('from=2026-01-01&to=2026-12-31&groupBy=level');
  assert.deepEqual(
    levels.rows.map((r) => [r.key, r.name]),
    [['commune', 'Cấp xã']],
  );
  assert.deepEqual(columns(levels.rows[0]!), [
    [14, 5, 8, 1],
    [10, 3, 5, 2],
    [4, 2, 2],
  ]);
  const units = await ii06a('from=2026-01-01&to=2026-12-31&groupBy=unit');
  assert.deepEqual(units.rows.map((r) => r.key).sort(), Object.values(FIXED_WARDS).sort());
});

test('"which were overdue?": the drill-down names them', async () => {
  const q4 = await ii06a('from=2026-10-01&to=2026-12-31');
  const list = async (url: string) => {
    const res = await rt.app.inject({ method: 'GET', url, headers: { cookie } });
    assert.equal(res.statusCode, 200, res.body);
    return res.json<Ii06aDrillResponse>().items.map((i) => i.code);
  };
  assert.deepEqual(await list(`${q4.total.drill}&cell=inProgress.overdue`), ['FX-B2', 'FX-A6']);
  assert.deepEqual(await list(`${q4.total.drill}&cell=resolved.late`), ['FX-A8']);
  assert.deepEqual(await list(`${q4.total.drill}&cell=received.carriedOver`), ['FX-B2', 'FX-A8']);
  // Received in the period, columns (4) + (5): the adoption monitor's "received".
  assert.deepEqual(await list(`${q4.total.drill}&cell=received.inPeriod`), [
    'FX-A4',
    'FX-B3',
    'FX-A5',
    'FX-B6',
    'FX-A6',
    'FX-C2',
    'FX-A7',
  ]);
});

test('ward A’s Decision 766 index for 2026, as computed by hand in docs/domain/reports.md', async () => {
  const res = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/reports/index-766?from=2026-01-01&to=2026-12-31&agencyCode=${code.A}`,
    headers: { cookie },
  });
  assert.equal(res.statusCode, 200, res.body);
  const row = res.json<Index766Response>().rows.find((r) => r.agency.code === code.A)!;
  const points = Object.fromEntries(row.score.groups.map((g) => [g.key, [g.points, g.notComputable]]));
  assert.deepEqual(points, {
    transparency: [2.57, 12],
    progress: [10, 0],
    online: [5.14, 4],
    payment: [2, 0],
    satisfaction: [16.44, 0],
    digitisation: [2.34, 12],
  });
  assert.deepEqual([row.score.points, row.score.notComputable], [38.49, 28]);
});
