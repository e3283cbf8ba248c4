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
    ['01'],
  );
  assert.ok(body.items.length > 0);
  assert.ok(body.items.every((i) => i.kind === 'agency' && i.unitCode === '00070'));
  assert.equal(trailText(body.items[0]!), 'Phường Hoàn Kiếm, Thành phố Hà Nội');

  const admin = (await staff('demo-admin', 'kind=agency')).json<PlacesResponse>();
  assert.equal(admin.at?.code, '01');
  // the city's own agencies first, then its wards and communes to go into, one bounded page
  const firstUnit = admin.items.findIndex((i) => i.kind === 'unit');
  assert.ok(firstUnit > 0);
  assert.ok(admin.items.slice(0, firstUnit).every((i) => i.kind === 'agency' && i.choosable));
  assert.ok(admin.items.slice(firstUnit).every((i) => i.kind === 'unit' && i.enterable && !i.choosable));
  assert.ok(admin.items.length <= 20);
});

test('#14 places: browsing goes province → commune (no district since 1/7/2025), and a page is bounded', async () => {
  const city = (await staff('demo-admin', 'kind=unit&under=01&pageSize=50')).json<PlacesResponse>();
  assert.equal(city.at?.name, 'Thành phố Hà Nội');
  assert.equal(city.total, 126);
  assert.ok(
    city.items.some(
      (i) =>
        i.code === '00070' &&
        i.name === 'Phường Hoàn Kiếm' &&
        i.choosable &&
        !i.enterable &&
        i.trail.map((s) => s.code).join() === '01',
    ),
  );
  // a ward has nothing under it to go into; the district it was in before the reform is gone
  assert.ok(city.items.every((i) => i.kind === 'unit' && !i.enterable));
  const gone = await staff('demo-admin', 'kind=unit&under=002');
  assert.equal(gone.statusCode, 400);
  assert.equal(errorOf(gone).details?.[0]?.path, 'query/under');
  const first = (await staff('demo-admin', 'kind=unit&under=01&pageSize=5')).json<PlacesResponse>();
  const second = (await staff('demo-admin', 'kind=unit&under=01&pageSize=5&page=2')).json<PlacesResponse>();
  assert.equal(first.items.length, 5);
  assert.equal(first.total, 126);
  assert.equal(second.items.length, 5);
  assert.equal(new Set([...first.items, ...second.items].map((i) => i.code)).size, 10);
  const tooMany = await staff('demo-admin', 'kind=unit&pageSize=51');
  assert.equal(tooMany.statusCode, 400);
  assert.equal(errorOf(tooMany).code, 'VALIDATION_FAILED');
  // agencies at a browsed unit come before the units under it, across pages (the city's committee
  // and its seven departments over pages 1 and 2, then its wards and communes)
  const all: string[] = [];
  for (let page = 1; page <= 3; page += 1) {
    const r = (
      await staff('demo-admin', `kind=agency&under=01&pageSize=5&page=${page}`)
    ).json<PlacesResponse>();
    all.push(...r.items.map((i) => `${i.kind}:${i.code}`));
  }
  const lastAgency = all.map((x) => x.startsWith('agency:')).lastIndexOf(true);
  const firstUnit = all.findIndex((x) => x.startsWith('unit:'));
  assert.equal(lastAgency, 7, all.join(' '));
  assert.equal(firstUnit, 8, all.join(' '));
  assert.equal(new Set(all).size, all.length);
});

test('#14 places: search with or without diacritics, each found with its trail', async () => {
  for (const q of ['cua nam', 'Cửa Nam', 'NAM cua', 'phuong cua nam ha noi']) {
    const r = (await staff('demo-admin', `kind=agency&q=${encodeURIComponent(q)}`)).json<PlacesResponse>();
    const pc = r.items.find((i) => i.name === 'Ủy ban nhân dân Phường Cửa Nam');
    assert.ok(pc, q);
    assert.equal(trailText(pc), 'Phường Cửa Nam, Thành phố Hà Nội');
    // the agency named by the words comes before those that only sit in a place named so
    assert.equal(r.items[0]?.name.includes('Cửa Nam'), true, q);
  }
  // a word is matched at the start of a word, and a short number as a whole word: "1" is not
  // Móng Cái 2 nor any code starting with 1
  const wards = (
    await open(`kind=unit&q=${encodeURIComponent('phường 1')}&pageSize=50`)
  ).json<PlacesResponse>();
  assert.deepEqual(names(wards).sort(), [
    'Phường 1 Bảo Lộc',
    'Phường Hà Giang 1',
    'Phường Long Phú 1',
    'Phường Móng Cái 1',
  ]);
});

test('#14 places: the seven "Xã Tân Thành" of the two-level map are told apart by their province', async () => {
  const r = (
    await open(`kind=unit&q=${encodeURIComponent('xa tan thanh')}&pageSize=50`)
  ).json<PlacesResponse>();
  const named = r.items.filter((i) => i.name === 'Xã Tân Thành');
  // the two-level map of 1 July 2025: a commune sits directly under its province
  assert.equal(named.length, 7);
  assert.ok(named.every((i) => i.trail.length === 1));
  const provinces = named.map((i) => i.trail[0]!.name);
  assert.equal(new Set(provinces).size, named.length, provinces.join(' | '));
  assert.ok(provinces.includes('Tỉnh Lạng Sơn') && provinces.includes('Tỉnh Tây Ninh'));
  // found without diacritics, Tây Ninh's Xã Tân Thạnh is told apart from its Xã Tân Thành by name
  const tayNinh = r.items.filter((i) => i.trail[0]!.name === 'Tỉnh Tây Ninh').map((i) => i.name);
  assert.deepEqual(tayNinh.sort(), ['Xã Tân Thành', 'Xã Tân Thạnh']);
  // within a province, a commune's name is unique: the province alone tells them apart
  assert.equal(new Set(r.items.map((i) => `${i.name}|${i.trail[0]!.code}`)).size, r.items.length);
});

test('#14 places: staff reach holds across provinces', async () => {
  // Hà Nội's administrator cannot browse Hồ Chí Minh City, nor find its agencies by search
  const hcm = await staff('demo-admin', 'kind=agency&under=79');
  assert.equal(hcm.statusCode, 403);
  assert.equal(errorOf(hcm).code, 'FORBIDDEN');
  // Phường Việt Hưng is a ward of Hà Nội and one of Quảng Ninh: Hà Nội's administrator finds only theirs
  const everywhere = (
    await open(`kind=unit&q=${encodeURIComponent('phuong viet hung')}`)
  ).json<PlacesResponse>();
  assert.deepEqual(everywhere.items.map((i) => i.trail[0]!.code).sort(), ['01', '22']);
  const found = (
    await staff('demo-admin', `kind=agency&q=${encodeURIComponent('phuong viet hung')}`)
  ).json<PlacesResponse>();
  assert.ok(found.items.some((i) => i.name === 'Ủy ban nhân dân Phường Việt Hưng'));
  assert.ok(found.items.every((i) => i.trail[0]!.code === '01'));
  const nhieuLoc = (
    await staff('desk.quan-3', `kind=agency&q=${encodeURIComponent('phuong')}`)
  ).json<PlacesResponse>();
  assert.ok(nhieuLoc.items.some((i) => i.name === 'Ủy ban nhân dân Phường Nhiêu Lộc'));
  assert.ok(
    nhieuLoc.items.every(
      (i) => i.unitCode === '27142' && trailText(i) === 'Phường Nhiêu Lộc, Thành phố Hồ Chí Minh',
    ),
    JSON.stringify(names(nhieuLoc)),
  );
  // a ward's officer may look up the city to find the way down, and sees only their ward there
  const up = (await staff('desk.hang-trong', 'kind=agency&under=01')).json<PlacesResponse>();
  assert.deepEqual(
    up.items.map((i) => `${i.kind}:${i.code}`),
    ['unit:00070'],
  );
  // Phường Cửa Nam, beside it
  const beside = await staff('desk.hang-trong', 'kind=agency&under=00082');
  assert.equal(beside.statusCode, 403);
});

test('#14 places: the public list holds units only, anyone may read it, bad input names its field', async () => {
  const start = (await open('kind=unit')).json<PlacesResponse>();
  assert.equal(start.at, null);
  assert.equal(start.total, 34);
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
  // Xã Phước Thành of Đà Nẵng and Xã Phước Thành of Hồ Chí Minh City, told apart by their province
  const phuocThanh = detail.offeredBy.filter((a) => a.name === 'Ủy ban nhân dân Xã Phước Thành');
  assert.deepEqual(phuocThanh.map((a) => a.trail.map((s) => s.name)).sort(), [
    ['Thành phố Hồ Chí Minh', 'Xã Phước Thành'],
    ['Thành phố Đà Nẵng', 'Xã Phước Thành'],
  ]);
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
    ['Thành phố Hà Nội', 'Phường Hoàn Kiếm'],
  );
});
