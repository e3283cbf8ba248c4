// The public dashboard through the HTTP API over the week of kpi-test-kit.ts: without sign-in, the
// province's month by unit with the same figures as the leaders' reports, nothing about any person,
// cacheable, refused past 30 requests a minute from one address.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { errorOf } from '../../test/http.ts';
import type { Index766Response, PublicDashboardResponse } from '../../../common/contracts/report-766.ts';
import type { KpisResponse } from '../../../common/contracts/report-kpis.ts';
import { liveWeek, type Week } from './kpi-test-kit.ts';

let w: Week;
before(async () => {
  w = await liveWeek();
});
after(() => w.close());

const dashboard = (query: string) => w.get(null, `/api/v1/public/dashboard?${query}`);

test('Hà Nội in November: each ward as the leaders count it, the 766 groups, no personal data', async () => {
  const res = await dashboard('province=01&month=2026-11');
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.headers['cache-control'], 'public, max-age=300');
  const d = res.json<PublicDashboardResponse>();
  assert.deepEqual(
    [d.province, d.month, d.from, d.to],
    [{ code: '01', name: 'Thành phố Hà Nội' }, '2026-11', '2026-11-01', '2026-11-25'],
  );
  assert.equal(d.formulaVersion, 'QD766-DVCQG-D2');
  assert.deepEqual(d.units.map((u) => u.code).sort(), [w.hangBac, w.hangTrong].sort());
  const ward = d.units.find((u) => u.code === w.hangTrong)!;
  assert.equal(ward.level, 'commune');
  assert.deepEqual(ward.onTime, { value: 2 / 3, numerator: 2, denominator: 3 });
  assert.deepEqual(ward.online, { value: 1 / 6, numerator: 1, denominator: 6 });
  assert.deepEqual(ward.satisfaction, { value: 2 / 3, numerator: 2, denominator: 3 });
  const bac = d.units.find((u) => u.code === w.hangBac)!;
  assert.deepEqual(bac.onTime, { value: null, numerator: 0, denominator: 0 });
  assert.deepEqual(d.total.online, { value: 1 / 7, numerator: 1, denominator: 7 });

  // The same figures as the province administrator's KPIs and 766 index.
  const kpis = (
    await w.get('demo-admin', '/api/v1/reports/kpis?from=2026-11-01&to=2026-11-25')
  ).json<KpisResponse>();
  assert.equal(d.total.onTime.value, kpis.total.figures.onTime.value);
  assert.equal(d.total.satisfaction.value, kpis.total.figures.satisfaction.value);
  const index = (
    await w.get('demo-admin', '/api/v1/reports/index-766?from=2026-11-01&to=2026-11-25')
  ).json<Index766Response>();
  const groups = (s: Index766Response['total']['score']) =>
    s.groups.map((g) => ({
      key: g.key,
      name: g.name,
      points: g.points,
      max: g.max,
      notComputable: g.notComputable,
    }));
  assert.deepEqual(d.total.index766!.groups, groups(index.total.score));
  assert.equal(d.total.index766!.points, index.total.score.points);
  const wardIndex = index.rows.find((r) => r.agency.code === w.hangTrong)!.score;
  assert.deepEqual(ward.index766!.groups, groups(wardIndex));

  // Counts and shares only: no dossier code, name, ID number or link to a list of dossiers.
  for (const secret of [...Object.values(w.codes), 'Hường', '001190012345', '/api/v1/reports']) {
    assert.ok(!res.body.includes(secret), secret);
  }
});

test('the month defaults to this one; a month before Decision 766 has no index; bad input names the field', async () => {
  const now = (await dashboard('province=01')).json<PublicDashboardResponse>();
  assert.equal(now.month, '2026-11');
  const old = (await dashboard('province=01&month=2022-01')).json<PublicDashboardResponse>();
  assert.equal(old.formulaVersion, null);
  assert.equal(old.total.index766, null);
  assert.deepEqual(old.units, []);
  const future = (await dashboard('province=01&month=2027-03')).json<PublicDashboardResponse>();
  assert.deepEqual(future.units, []);
  assert.equal(future.total.onTime.value, null);

  const unknown = await dashboard('province=99');
  assert.equal(unknown.statusCode, 404);
  assert.equal(errorOf(unknown).reason, 'REPORT_PROVINCE_NOT_FOUND');
  const bad = await dashboard('province=1&month=2026-13');
  assert.equal(bad.statusCode, 400);
  const paths = errorOf(bad).details!.map((d) => d.path);
  assert.ok(paths.includes('query/province') && paths.includes('query/month'), JSON.stringify(paths));
  assert.equal((await dashboard('month=2026-11')).statusCode, 400, 'the province is required');
});

test('past 30 requests a minute from one address: 429 with Retry-After', async () => {
  let refused = null;
  for (let i = 0; i < 40 && !refused; i++) {
    const res = await dashboard('province=01&month=2026-11');
    if (res.statusCode === 429) refused = res;
    else assert.equal(res.statusCode, 200, res.body);
  }
  assert.ok(refused, 'refused within 40 requests');
  assert.equal(errorOf(refused).reason, 'REPORT_PUBLIC_TOO_MANY');
  assert.ok(Number(refused.headers['retry-after']) >= 1);
});
