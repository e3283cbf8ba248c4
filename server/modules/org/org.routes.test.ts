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

test('the reference data holds every unit of 2025-03-01 and a People’s Committee for each', async () => {
  const counts = await rt.deps.db
    .selectFrom('units')
    .select(['level', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('level')
    .orderBy('level')
    .execute();
  assert.deepEqual(
    counts.map((c) => [c.level, Number(c.n)]),
    [
      [1, 63],
      [2, 696],
      [3, 10047],
    ],
  );
  const pcs = await rt.deps.db
    .selectFrom('agencies')
    .select((eb) => eb.fn.count<string>('unit_code').distinct().as('n'))
    .where('kind', '=', 'people-committee')
    .executeTakeFirstOrThrow();
  assert.equal(Number(pcs.n), 63 + 696 + 10047);
  assert.ok((await countRows(rt.deps.db, 'desks')) >= 10806);
});

test('a province administrator sees the tree of the province', async () => {
  const provinces = (await get('demo-admin', '/api/v1/units?level=1')).json<Units>();
  assert.deepEqual(
    provinces.items.map((u) => u.code),
    ['01'],
  );
  const districts = (await get('demo-admin', '/api/v1/units?parentCode=01&pageSize=100')).json<Units>();
  assert.equal(districts.total, 30);
  assert.ok(districts.items.every((u) => u.level === 2 && u.parentCode === '01'));
  const wards = (await get('demo-admin', '/api/v1/units?parentCode=002&pageSize=100')).json<Units>();
  assert.ok(wards.items.some((u) => u.code === '00070' && u.name === 'Phường Hàng Trống'));
  const all = (await get('demo-admin', '/api/v1/units?pageSize=1')).json<Units>();
  const hanoi = await rt.deps.db
    .selectFrom('units')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('path', 'like', '/01/%')
    .executeTakeFirstOrThrow();
  assert.equal(all.total, Number(hanoi.n));
});

test('search matches with or without diacritics, in any word order', async () => {
  for (const q of ['hang trong', 'Hàng Trống', 'TRONG hang', 'phuong hang trong', '00070']) {
    const res = (await get('demo-admin', `/api/v1/units?q=${encodeURIComponent(q)}`)).json<Units>();
    assert.ok(
      res.items.some((u) => u.code === '00070'),
      `"${q}" finds Phường Hàng Trống`,
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
  const above = await get('desk.hang-trong', '/api/v1/units?parentCode=002');
  assert.equal(above.statusCode, 403);
  assert.equal(errorOf(above).code, 'FORBIDDEN');
  const beside = await get('desk.hang-trong', '/api/v1/agencies?unitCode=00061');
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

test('HTTP reach matches the unit tree for every demo user (property)', async () => {
  const units = await rt.deps.db
    .selectFrom('units')
    .select(['code', 'path'])
    .where('path', 'like', '/01/002/%')
    .execute();
  const sample = [
    ...units,
    ...(await rt.deps.db
      .selectFrom('units')
      .select(['code', 'path'])
      .where('level', '<=', 2)
      .limit(40)
      .execute()),
  ];
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
  const d = res.json<{ unit: { name: string }; ancestors: { code: string }[] }>();
  assert.equal(d.unit.name, 'Phường Hàng Trống');
  assert.deepEqual(
    d.ancestors.map((a) => a.code),
    ['01', '002'],
  );
  assert.equal((await get('desk.hang-trong', '/api/v1/units/00061')).statusCode, 403);
  assert.equal((await get('demo-admin', '/api/v1/units/99999')).statusCode, 404);
  const spa = await rt.app.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
  assert.equal(spa.statusCode, 404);
});
