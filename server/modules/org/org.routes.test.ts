import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createTestRuntime, type TestRuntime } from '../../test/db.ts';
import { errorOf, loginAs } from '../../test/http.ts';
import { countRows } from '../../test/seeded.ts';

let rt: TestRuntime;
const cookies = new Map<string, string>();
const as = async (username: string) => {
  if (!cookies.has(username)) cookies.set(username, await loginAs(rt.app, username));
  return cookies.get(username)!;
};
type Units = {
  items: { code: string; name: string; level: number; parentCode: string | null }[];
  total: number;
};
type UnitLink = { code: string; name: string; extent: 'full' | 'partial'; effectiveOn: string };
type UnitDetail = {
  unit: Units['items'][number] & { validFrom: string | null; validTo: string | null };
  ancestors: Units['items'];
  predecessors: UnitLink[];
  successors: UnitLink[];
};
type Agencies = {
  items: { code: string; name: string; unitCode: string; kind: string; parentCode: string | null }[];
  total: number;
};

before(async () => {
  rt = await createTestRuntime();
});
after(() => rt.close());

const get = async (username: string, url: string) =>
  rt.app.inject({ method: 'GET', url, headers: { cookie: await as(username) } });

/** How many units of each level were in force on `day`. */
const levelsOn = async (day: string) =>
  (
    await rt.deps.db
      .selectFrom('units')
      .select(['level', (eb) => eb.fn.countAll<string>().as('n')])
      .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', day)]))
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', day)]))
      .groupBy('level')
      .orderBy('level')
      .execute()
  ).map((c) => [c.level, Number(c.n)]);

test('the reference data holds both maps — every unit of 2025-03-01 until 30/6/2025, the two-level map since — and a People’s Committee for each unit in force', async () => {
  assert.deepEqual(await levelsOn('2025-06-30'), [
    [1, 63],
    [2, 696],
    [3, 10047],
  ]);
  assert.deepEqual(await levelsOn('2025-07-01'), [
    [1, 34],
    [2, 3321],
  ]);
  const pcs = await rt.deps.db
    .selectFrom('agencies as a')
    .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
    .select([
      (eb) => eb.fn.count<string>('a.unit_id').distinct().as('n'),
      (eb) => eb.fn.count<string>('u.valid_to').as('ended'),
    ])
    .where('a.kind', '=', 'people-committee')
    .executeTakeFirstOrThrow();
  assert.equal(Number(pcs.n), 34 + 3321);
  assert.equal(Number(pcs.ended), 0, 'no agency at a unit that ended on 30/6/2025');
  // a desk at every People's Committee and at each demo province's service centre
  assert.ok((await countRows(rt.deps.db, 'desks')) >= 34 + 3321 + 3);
});

test('a province administrator sees the tree of the province as it is today: the city, then its wards and communes', async () => {
  const provinces = (await get('demo-admin', '/api/v1/units?level=1')).json<Units>();
  assert.deepEqual(
    provinces.items.map((u) => u.code),
    ['01'],
  );
  const communes = (await get('demo-admin', '/api/v1/units?parentCode=01&pageSize=200')).json<Units>();
  assert.equal(communes.total, 126);
  assert.equal(communes.items.length, 126);
  assert.ok(communes.items.every((u) => u.level === 2 && u.parentCode === '01'));
  assert.ok(communes.items.some((u) => u.code === '00070' && u.name === 'Phường Hoàn Kiếm'));
  const all = (await get('demo-admin', '/api/v1/units?pageSize=1')).json<Units>();
  const hanoi = await rt.deps.db
    .selectFrom('units')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('path', 'like', '/01/%')
    .where('valid_to', 'is', null)
    .executeTakeFirstOrThrow();
  assert.equal(all.total, Number(hanoi.n));
  assert.equal(all.total, 1 + 126);
});

test('search matches with or without diacritics, in any word order', async () => {
  for (const q of ['hoan kiem', 'Hoàn Kiếm', 'KIEM hoan', 'phuong hoan kiem', '00070']) {
    const res = (await get('demo-admin', `/api/v1/units?q=${encodeURIComponent(q)}`)).json<Units>();
    assert.ok(
      res.items.some((u) => u.code === '00070' && u.name === 'Phường Hoàn Kiếm'),
      `"${q}" finds Phường Hoàn Kiếm`,
    );
    assert.ok(res.items.every((u) => u.code.length > 0));
  }
  const agencies = (
    await get('demo-admin', `/api/v1/agencies?q=${encodeURIComponent('so tu phap')}`)
  ).json<Agencies>();
  assert.ok(agencies.items.some((a) => a.name === 'Sở Tư pháp Thành phố Hà Nội'));
});

test('a ward desk officer reaches only their ward and its agencies', async () => {
  const units = (await get('desk.hang-trong', '/api/v1/units')).json<Units>();
  assert.deepEqual(
    units.items.map((u) => u.code),
    ['00070'],
  );
  const agencies = (await get('desk.hang-trong', '/api/v1/agencies')).json<Agencies>();
  assert.ok(agencies.total >= 1);
  assert.ok(agencies.items.every((a) => a.unitCode === '00070'));
  const above = await get('desk.hang-trong', '/api/v1/units?parentCode=01');
  assert.equal(above.statusCode, 403);
  assert.equal(errorOf(above).code, 'FORBIDDEN');
  // Phường Cửa Nam, which took the rest of the former Hàng Trống
  const beside = await get('desk.hang-trong', '/api/v1/agencies?unitCode=00082');
  assert.equal(beside.statusCode, 403);
});

test('a provincial department reaches itself and the units below, not the People’s Committee beside it', async () => {
  const res = (
    await get('specialist.stp-ha-noi', '/api/v1/agencies?unitCode=01&pageSize=100')
  ).json<Agencies>();
  assert.deepEqual(
    res.items.map((a) => a.name),
    ['Sở Tư pháp Thành phố Hà Nội'],
  );
  const below = (await get('specialist.stp-ha-noi', '/api/v1/agencies?unitCode=00070')).json<Agencies>();
  assert.ok(below.total >= 1);
  const other = await get('admin.quang-nam', '/api/v1/units?parentCode=01');
  assert.equal(other.statusCode, 403);
});

test('unknown units are named; anonymous callers are refused', async () => {
  const res = await get('demo-admin', '/api/v1/units?parentCode=99999');
  assert.equal(res.statusCode, 400);
  assert.deepEqual(
    errorOf(res).details?.map((d) => d.path),
    ['query/parentCode'],
  );
  const anon = await rt.app.inject({ method: 'GET', url: '/api/v1/units' });
  assert.equal(anon.statusCode, 401);
});

test('HTTP reach matches today’s unit tree for every demo user (property)', async () => {
  // Hà Nội's wards and communes, every province, and the wards of the demo users in Đà Nẵng and
  // Hồ Chí Minh City, as the map stands today
  const sample = await rt.deps.db
    .selectFrom('units')
    .select(['code', 'path'])
    .where('valid_to', 'is', null)
    .where((eb) =>
      eb.or([
        eb('path', 'like', '/01/%'),
        eb('level', '=', 1),
        eb('code', 'in', ['20455', '20944', '27142']),
      ]),
    )
    .orderBy('path')
    .execute();
  const users = [
    'demo-admin',
    'auditor.ha-noi',
    'desk.hang-trong',
    'desk.hoan-kiem',
    'leader.thanh-oai',
    'desk.tay-giang',
    'desk.quan-3',
  ];
  const homes = new Map<string, string[]>();
  for (const u of users) {
    const me = (await get(u, '/api/v1/auth/me')).json<{ user: { roles: { unitCode: string }[] } }>();
    const paths = [];
    for (const r of me.user.roles) {
      const row = await rt.deps.db
        .selectFrom('units')
        .select('path')
        .where('code', '=', r.unitCode)
        .where('valid_to', 'is', null)
        .executeTakeFirstOrThrow();
      paths.push(row.path);
    }
    homes.set(u, paths);
  }
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...users), fc.constantFrom(...sample), async (user, unit) => {
      const res = await get(user, `/api/v1/units?parentCode=${unit.code}&pageSize=1`);
      const reachable = homes.get(user)!.some((p) => unit.path.startsWith(p));
      assert.equal(res.statusCode, reachable ? 200 : 403, `${user} → ${unit.code}`);
    }),
    { numRuns: 60 },
  );
});

test('one unit with its ancestors, within reach', async () => {
  const res = await get('desk.hang-trong', '/api/v1/units/00070');
  assert.equal(res.statusCode, 200);
  const d = res.json<UnitDetail>();
  assert.equal(d.unit.name, 'Phường Hoàn Kiếm');
  assert.deepEqual(
    d.ancestors.map((a) => a.code),
    ['01'],
  );
  assert.equal((await get('desk.hang-trong', '/api/v1/units/00082')).statusCode, 403);
  assert.equal((await get('demo-admin', '/api/v1/units/99999')).statusCode, 404);
  const spa = await rt.app.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
  assert.equal(spa.statusCode, 404);
});

test('the units API reads the map as of a date: 00070 was Phường Hàng Trống in Quận Hoàn Kiếm until 30/6/2025, Phường Hoàn Kiếm under the city since', async () => {
  const before = (
    await get('demo-admin', '/api/v1/units?validOn=2025-06-30&parentCode=01&pageSize=200')
  ).json<Units>();
  assert.equal(before.total, 30);
  assert.ok(before.items.every((u) => u.level === 2 && u.parentCode === '01'));
  assert.ok(before.items.some((u) => u.code === '002' && u.name === 'Quận Hoàn Kiếm'));
  const today = (await get('demo-admin', '/api/v1/units?parentCode=01&pageSize=200')).json<Units>();
  assert.equal(today.total, 126);
  assert.ok(today.items.every((u) => u.level === 2 && u.parentCode === '01'));
  assert.ok(!today.items.some((u) => u.code === '002'));
  // the district of before the reform is no unit today
  assert.equal((await get('demo-admin', '/api/v1/units?parentCode=002')).statusCode, 400);
  const searched = (
    await get('demo-admin', `/api/v1/units?validOn=2025-06-30&q=${encodeURIComponent('hang trong')}`)
  ).json<Units>();
  assert.deepEqual(
    searched.items.map((u) => [u.code, u.name]),
    [['00070', 'Phường Hàng Trống']],
  );

  const then = (await get('demo-admin', '/api/v1/units/00070?on=2025-06-30')).json<UnitDetail>();
  assert.equal(then.unit.name, 'Phường Hàng Trống');
  assert.equal(then.unit.validTo, '2025-06-30');
  assert.deepEqual(
    then.ancestors.map((a) => a.name),
    ['Thành phố Hà Nội', 'Quận Hoàn Kiếm'],
  );
  // divided on 1/7/2025 between Phường Hoàn Kiếm and Phường Cửa Nam
  assert.deepEqual(
    then.successors.map((s) => [s.code, s.name, s.extent, s.effectiveOn]),
    [
      ['00070', 'Phường Hoàn Kiếm', 'partial', '2025-07-01'],
      ['00082', 'Phường Cửa Nam', 'partial', '2025-07-01'],
    ],
  );
  const now = (await get('demo-admin', '/api/v1/units/00070')).json<UnitDetail>();
  assert.equal(now.unit.name, 'Phường Hoàn Kiếm');
  assert.equal(now.unit.validFrom, '2025-07-01');
  assert.equal(now.unit.validTo, null);
  assert.deepEqual(
    now.ancestors.map((a) => a.name),
    ['Thành phố Hà Nội'],
  );
  assert.ok(
    now.predecessors.some(
      (p) => p.code === '00070' && p.name === 'Phường Hàng Trống' && p.extent === 'partial',
    ),
  );
  assert.ok(now.predecessors.some((p) => p.name === 'Phường Hàng Bạc' && p.extent === 'full'));
  assert.equal(now.predecessors.length, 14);
  assert.deepEqual(now.successors, []);
});
