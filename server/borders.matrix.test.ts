// #16.4 One deployment, clear borders: three provinces (Hà Nội 01, Đà Nẵng 48, Hồ Chí Minh City 79)
// and their desks, administrators, leaders and auditor. No desk receives, no administrator changes and
// no report counts across a province border; within a province a desk receives for another commune
// only the procedures the province publishes as receivable at any desk.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestRuntime, type TestRuntime } from './test/db.ts';
import { errorOf, loginAs } from './test/http.ts';
import { birthAtCounter } from './test/fixtures.ts';
import { peoplesCommittee } from './test/seeded.ts';

let rt: TestRuntime;
const cookies = new Map<string, string>();
const as = async (u: string) => {
  if (!cookies.has(u)) cookies.set(u, await loginAs(rt.app, u));
  return cookies.get(u)!;
};
const call = async (user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  rt.app.inject({
    method,
    url,
    headers: { cookie: await as(user) },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

/** One commune of each province, each with its desk officer. */
const PLACES = [
  { province: '01', unit: '00070', desk: 'desk.hang-trong' },
  { province: '48', unit: '20455', desk: 'desk.tay-giang' },
  { province: '79', unit: '27142', desk: 'desk.quan-3' },
] as const;
const ADMINS = [
  { province: '01', user: 'demo-admin' },
  { province: '48', user: 'admin.quang-nam' },
] as const;
const code = new Map<string, string>();

before(async () => {
  rt = await createTestRuntime();
  for (const p of PLACES) code.set(p.unit, await peoplesCommittee(rt.deps.db, p.unit));
  code.set('00082', await peoplesCommittee(rt.deps.db, '00082'));
});
after(() => rt.close());

const intake = (desk: string, agencyCode: string) =>
  call(desk, 'POST', '/api/v1/dossiers', { ...birthAtCounter(agencyCode), agencyCode });

test('#16.4 matrix: every desk receives for its own commune and for no commune of another province', async () => {
  for (const desk of PLACES) {
    for (const target of PLACES) {
      const res = await intake(desk.desk, code.get(target.unit)!);
      if (desk.unit === target.unit)
        assert.equal(res.statusCode, 201, `${desk.desk} → ${target.unit}: ${res.body}`);
      else {
        assert.equal(res.statusCode, 403, `${desk.desk} → ${target.unit}: ${res.body}`);
        assert.equal(errorOf(res).reason, 'DOSSIER_INTAKE_OUT_OF_REACH');
      }
    }
  }
});

test('#16.4 receivable at any desk of the province: published by its administrator, within its province only', async () => {
  const cuaNam = code.get('00082')!;
  assert.equal((await intake('desk.hang-trong', cuaNam)).statusCode, 403, 'not published yet');
  // Another province's administrator publishing it changes nothing for Hà Nội's desks.
  const foreign = await call('admin.quang-nam', 'PUT', '/api/v1/procedures/1.001193/receivable-anywhere', {
    receivableAnywhere: true,
  });
  assert.equal(foreign.statusCode, 200, foreign.body);
  assert.deepEqual(
    foreign.json<{ provinces: { provinceCode: string }[] }>().provinces.map((p) => p.provinceCode),
    ['48'],
  );
  assert.equal((await intake('desk.hang-trong', cuaNam)).statusCode, 403);
  // A desk officer may not publish; Hà Nội's administrator does.
  assert.equal(
    (
      await call('desk.hang-trong', 'PUT', '/api/v1/procedures/1.001193/receivable-anywhere', {
        receivableAnywhere: true,
      })
    ).statusCode,
    403,
  );
  const published = await call('demo-admin', 'PUT', '/api/v1/procedures/1.001193/receivable-anywhere', {
    receivableAnywhere: true,
  });
  assert.equal(published.statusCode, 200, published.body);
  const received = await intake('desk.hang-trong', cuaNam);
  assert.equal(received.statusCode, 201, received.body);
  assert.ok(
    received.json<{ code: string }>().code.startsWith(`${code.get('00070')}-`),
    'received at the desk, coded by it',
  );
  // The desk's intake page offers Cửa Nam now; never another province's commune, published there or not.
  const offered = (
    await call('desk.hang-trong', 'GET', '/api/v1/dossiers/intake-agencies?procedure=1.001193')
  ).json<{ items: { code: string }[] }>();
  assert.ok(offered.items.some((a) => a.code === cuaNam));
  assert.ok(
    offered.items.every((a) => a.code === 'H26' || a.code.startsWith('H26.')),
    JSON.stringify(offered.items),
  );
  for (const target of PLACES.filter((p) => p.province !== '01')) {
    assert.equal((await intake('desk.hang-trong', code.get(target.unit)!)).statusCode, 403, target.unit);
  }
  // Withdrawn: refused again.
  await call('demo-admin', 'PUT', '/api/v1/procedures/1.001193/receivable-anywhere', {
    receivableAnywhere: false,
  });
  assert.equal((await intake('desk.hang-trong', cuaNam)).statusCode, 403);
});

test('#16.4 matrix: administrators act within their own province only', async () => {
  for (const admin of ADMINS) {
    for (const target of PLACES) {
      const agency = code.get(target.unit)!;
      const mine = admin.province === target.province;
      const unit = await call(admin.user, 'GET', `/api/v1/units/${target.unit}`);
      assert.equal(unit.statusCode, mine ? 200 : 403, `${admin.user} unit ${target.unit}`);
      const staff = await call(admin.user, 'GET', `/api/v1/staff?agencyCode=${encodeURIComponent(agency)}`);
      assert.equal(
        staff.statusCode === 200 && staff.json<{ items: unknown[] }>().items.length > 0,
        mine,
        `${admin.user} staff ${agency}: ${staff.body.slice(0, 200)}`,
      );
      const offer = await call(admin.user, 'PUT', '/api/v1/procedures/1.001193/offerings', {
        agencyCodes: [agency],
      });
      assert.equal(
        offer.statusCode === 200,
        mine,
        `${admin.user} offerings ${agency}: ${offer.body.slice(0, 200)}`,
      );
      const reorganise = await call(admin.user, 'POST', '/api/v1/reorganisations/preview', {
        name: 'Thử',
        basis: 'Thử',
        effectiveOn: '2026-12-31',
        handovers: [
          { from: agency, to: mine ? code.get(target.province === '01' ? '00082' : target.unit)! : agency },
        ],
      });
      if (!mine)
        assert.ok(
          errorOf(reorganise).details!.some((d) => d.path === 'body/handovers/0/from'),
          reorganise.body,
        );
    }
  }
});

test('#16.4 matrix: reports count within the caller’s province, and refuse an agency beyond it', async () => {
  for (const [user, province] of [
    ['demo-admin', '01'],
    ['auditor.ha-noi', '01'],
    ['admin.quang-nam', '48'],
    ['leader.quan-3', '79'],
  ] as const) {
    const own = await call(user, 'GET', '/api/v1/reports/overview');
    assert.equal(own.statusCode, 200, `${user}: ${own.body}`);
    const level1 = {
      '01': 'H26',
      '48': (await peoplesCommittee(rt.deps.db, '48')).split('.')[0],
      '79': 'H29',
    }[province];
    const inProvince = (c: string) => c === level1 || c.startsWith(`${level1}.`);
    for (const a of own.json<{ agencies: { agency: { code: string } }[] }>().agencies)
      assert.ok(inProvince(a.agency.code), `${user} counts ${a.agency.code}`);
    // Biểu II.06a over two years: every row an agency of the caller's province, and every dossier
    // of the drill-down received there.
    const period = 'from=2025-01-01&to=2026-12-31';
    const ii06a = await call(user, 'GET', `/api/v1/reports/ii06a?${period}`);
    assert.equal(ii06a.statusCode, 200, ii06a.body);
    const report = ii06a.json<{ rows: { key: string }[]; total: { drill: string } }>();
    for (const r of report.rows) assert.ok(inProvince(r.key), `${user} II.06a row ${r.key}`);
    const drill = await call(user, 'GET', `${report.total.drill}&cell=received.total&pageSize=500`);
    for (const d of drill.json<{ items: { agencyCode: string }[] }>().items)
      assert.ok(inProvince(d.agencyCode), `${user} drills into ${d.agencyCode}`);
    for (const target of PLACES.filter((p) => p.province !== province)) {
      const agency = encodeURIComponent(code.get(target.unit)!);
      for (const url of [
        `/api/v1/reports/overview?agencyCode=${agency}`,
        `/api/v1/reports/ii06a?${period}&agencyCode=${agency}`,
        `/api/v1/reports/ii06a/dossiers?${period}&agencyCode=${agency}&cell=received.total`,
      ]) {
        const res = await call(user, 'GET', url);
        assert.equal(res.statusCode, 403, `${user} → ${url}`);
      }
    }
  }
});
