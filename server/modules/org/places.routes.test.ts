import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, type TestRuntime } from '../../test/db.ts';
import { errorOf, loginAs } from '../../test/http.ts';
import type { PlacesResponse } from '../../../common/contracts/org.ts';

let rt: TestRuntime;
const cookies = new Map<string, string>();
const as = async (username: string) => {
  if (!cookies.has(username)) cookies.set(username, await loginAs(rt.app, username));
  return cookies.get(username)!;
};

before(async () => {
  rt = await createTestRuntime();
});
after(() => rt.close());

const staff = async (username: string, query: string) =>
  rt.app.inject({
    method: 'GET',
    url: `/api/v1/org/places?${query}`,
    headers: { cookie: await as(username) },
  });
const open = (query: string) => rt.app.inject({ method: 'GET', url: `/api/v1/public/places?${query}` });
const names = (r: PlacesResponse) => r.items.map((i) => i.name);
const trailText = (i: PlacesResponse['items'][number]) =>
  [...i.trail]
    .reverse()
    .map((s) => s.name)
    .join(', ');

test('#14 places: a staff member starts at their own unit, named with the units above it', async () => {
  const res = await staff('desk.hang-trong', 'kind=agency');
  assert.equal(res.statusCode, 200);
  const body = res.json<PlacesResponse>();
  assert.equal(body.at?.code, '00070');
  assert.deepEqual(
    body.at?.trail.map((s) => s.code),
    ['01', '002'],
  );
  assert.ok(body.items.length > 0);
  assert.ok(body.items.every((i) => i.kind === 'agency' && i.unitCode === '00070'));
  assert.equal(trailText(body.items[0]!), 'Phường Hàng Trống, Quận Hoàn Kiếm, Thành phố Hà Nội');

  const admin = (await staff('demo-admin', 'kind=agency')).json<PlacesResponse>();
  assert.equal(admin.at?.code, '01');
  // the province's own agencies first, then its districts to go into, never the wards flat
  const firstUnit = admin.items.findIndex((i) => i.kind === 'unit');
  assert.ok(firstUnit > 0);
  assert.ok(admin.items.slice(0, firstUnit).every((i) => i.kind === 'agency' && i.choosable));
  assert.ok(admin.items.slice(firstUnit).every((i) => i.kind === 'unit' && i.enterable && !i.choosable));
  assert.ok(admin.items.length <= 20);
});

test('#14 places: browsing goes province → district → commune, and a page is bounded', async () => {
  const district = (await staff('demo-admin', 'kind=unit&under=002&pageSize=50')).json<PlacesResponse>();
  assert.equal(district.at?.name, 'Quận Hoàn Kiếm');
  assert.ok(
    district.items.some(
      (i) => i.code === '00070' && i.choosable && i.trail.map((s) => s.code).join() === '01,002',
    ),
  );
  const first = (await staff('demo-admin', 'kind=unit&under=01&pageSize=5')).json<PlacesResponse>();
  const second = (await staff('demo-admin', 'kind=unit&under=01&pageSize=5&page=2')).json<PlacesResponse>();
  assert.equal(first.items.length, 5);
  assert.equal(first.total, 30);
  assert.equal(second.items.length, 5);
  assert.equal(new Set([...first.items, ...second.items].map((i) => i.code)).size, 10);
  const tooMany = await staff('demo-admin', 'kind=unit&pageSize=51');
  assert.equal(tooMany.statusCode, 400);
  assert.equal(errorOf(tooMany).code, 'VALIDATION_FAILED');
  // agencies at a browsed unit come before the units under it, across pages
  const all: string[] = [];
  for (let page = 1; page <= 3; page += 1) {
    const r = (
      await staff('demo-admin', `kind=agency&under=002&pageSize=10&page=${page}`)
    ).json<PlacesResponse>();
    all.push(...r.items.map((i) => `${i.kind}:${i.code}`));
  }
  const lastAgency = all.map((x) => x.startsWith('agency:')).lastIndexOf(true);
  const firstUnit = all.findIndex((x) => x.startsWith('unit:'));
  assert.ok(lastAgency >= 0 && firstUnit > lastAgency, all.join(' '));
  assert.equal(new Set(all).size, all.length);
});

test('#14 places: search with or without diacritics, each found with its trail', async () => {
  for (const q of ['hang trong', 'Hàng Trống', 'TRONG hang', 'phuong hang trong hoan kiem']) {
    const r = (await staff('demo-admin', `kind=agency&q=${encodeURIComponent(q)}`)).json<PlacesResponse>();
    const pc = r.items.find((i) => i.name === 'Ủy ban nhân dân Phường Hàng Trống');
    assert.ok(pc, q);
    assert.equal(trailText(pc), 'Phường Hàng Trống, Quận Hoàn Kiếm, Thành phố Hà Nội');
    // the agency named by the words comes before those that only sit in a place named so
    assert.equal(r.items[0]?.name.includes('Hàng Trống'), true, q);
  }
  // a word is matched at the start of a word: "13" is not any code holding 13
  const wards = (
    await open(`kind=unit&q=${encodeURIComponent('phường 13')}&pageSize=50`)
  ).json<PlacesResponse>();
  assert.ok(wards.items.length > 0);
  assert.ok(wards.items.every((i) => /\b13\b/.test(i.name) || i.trail.some((s) => /\b13\b/.test(s.name))));
});

test('#14 places: the seven "Phường 13" of Ho Chi Minh City are told apart by their district', async () => {
  const r = (
    await open(`kind=unit&q=${encodeURIComponent('phuong 13')}&under=79&pageSize=50`)
  ).json<PlacesResponse>();
  const named = r.items.filter((i) => i.name === 'Phường 13');
  // the reference data of 1 March 2025: Quận 4, 5, 6, 10, Bình Thạnh, Phú Nhuận, Tân Bình
  assert.equal(named.length, 7);
  const districts = named.map((i) => i.trail.at(-1)!.name);
  assert.equal(new Set(districts).size, named.length, districts.join(' | '));
  assert.ok(named.every((i) => i.trail[0]!.name === 'Thành phố Hồ Chí Minh'));
  assert.ok(districts.includes('Quận Bình Thạnh') && districts.includes('Quận 10'));
});

test('#14 places: staff reach holds across provinces', async () => {
  // Hà Nội's administrator cannot browse Hồ Chí Minh City, nor find its agencies by search
  const hcm = await staff('demo-admin', 'kind=agency&under=79');
  assert.equal(hcm.statusCode, 403);
  assert.equal(errorOf(hcm).code, 'FORBIDDEN');
  const found = (
    await staff('demo-admin', `kind=agency&q=${encodeURIComponent('phuong 13')}`)
  ).json<PlacesResponse>();
  assert.ok(found.items.every((i) => i.trail[0]!.code === '01'));
  const quan3 = (
    await staff('desk.quan-3', `kind=agency&q=${encodeURIComponent('phuong 12')}`)
  ).json<PlacesResponse>();
  assert.ok(quan3.items.some((i) => i.name === 'Ủy ban nhân dân Phường 12'));
  assert.ok(
    quan3.items.every((i) => i.trail.some((s) => s.name === 'Quận 3')),
    JSON.stringify(names(quan3)),
  );
  // a ward's officer may look up the district to find the way down, and sees only their ward there
  const up = (await staff('desk.hang-trong', 'kind=agency&under=002')).json<PlacesResponse>();
  assert.deepEqual(
    up.items.map((i) => `${i.kind}:${i.code}`),
    ['unit:00070'],
  );
  const beside = await staff('desk.hang-trong', 'kind=agency&under=00067');
  assert.equal(beside.statusCode, 403);
});

test('#14 places: the public list holds units only, anyone may read it, bad input names its field', async () => {
  const start = (await open('kind=unit')).json<PlacesResponse>();
  assert.equal(start.at, null);
  assert.equal(start.total, 63);
  assert.ok(start.items.every((i) => i.kind === 'unit' && i.choosable && i.enterable));
  const agencies = await open('kind=agency');
  assert.equal(agencies.statusCode, 400);
  assert.equal(errorOf(agencies).details?.[0]?.path, 'query/kind');
  const unknown = await open('kind=unit&under=99999');
  assert.equal(unknown.statusCode, 400);
  assert.equal(errorOf(unknown).details?.[0]?.path, 'query/under');
  const noKind = await open('q=abc');
  assert.equal(noKind.statusCode, 400);
  const unauth = await rt.app.inject({ method: 'GET', url: '/api/v1/org/places?kind=agency' });
  assert.equal(unauth.statusCode, 401);
});

test('#14 places: a procedure’s offering agencies and the desk’s receivable ones carry their trail', async () => {
  type Trailed = { code: string; name: string; unitCode: string; trail: { code: string; name: string }[] };
  const detail = (await rt.app.inject({ method: 'GET', url: '/api/v1/procedures/1.001193' })).json<{
    offeredBy: Trailed[];
  }>();
  const wards13 = detail.offeredBy.filter((a) => a.name === 'Ủy ban nhân dân Phường 13');
  assert.equal(wards13.length, 7);
  assert.equal(
    new Set(wards13.map((a) => trailText({ ...a, kind: 'agency', choosable: true, enterable: false }))).size,
    7,
  );
  assert.ok(detail.offeredBy.every((a) => a.trail.at(-1)?.code === a.unitCode && a.trail.length >= 2));
  const receivable = (
    await rt.app.inject({
      method: 'GET',
      url: '/api/v1/dossiers/intake-agencies?procedure=1.001193',
      headers: { cookie: await as('desk.hang-trong') },
    })
  ).json<{ items: Trailed[] }>();
  const own = receivable.items.find((a) => a.unitCode === '00070');
  assert.deepEqual(
    own?.trail.map((s) => s.name),
    ['Thành phố Hà Nội', 'Quận Hoàn Kiếm', 'Phường Hàng Trống'],
  );
});
