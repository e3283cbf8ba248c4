import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  LAST_DAY_BEFORE_REFORM,
  REFORM_DATE,
  loadPreReformUnits,
  loadReferenceMap,
  unitKey,
  unitsInForce,
  type ReferenceUnit,
} from './units.ts';

const { units, successions } = loadReferenceMap();
const byKey = new Map(units.map((u) => [unitKey(u), u]));
const before = unitsInForce(units, LAST_DAY_BEFORE_REFORM);
const after = unitsInForce(units, REFORM_DATE);
const perLevel = (list: ReferenceUnit[]) => {
  const counts = new Map<number, number>();
  for (const u of list) counts.set(u.level, (counts.get(u.level) ?? 0) + 1);
  return [...counts].sort();
};

test('on 30/6/2025: 63 provinces, 696 districts, 10,047 communes, as the GSO published them for 1/3/2025', () => {
  assert.deepEqual(perLevel(before), [
    [1, 63],
    [2, 696],
    [3, 10047],
  ]);
  assert.equal(loadPreReformUnits().length, before.length);
});

test('from 1/7/2025: 34 provinces and 3,321 communes directly under them', () => {
  assert.deepEqual(perLevel(after), [
    [1, 34],
    [2, 3321],
  ]);
  for (const u of after.filter((x) => x.level === 2)) assert.equal(u.validFrom, REFORM_DATE, u.path);
  assert.deepEqual([...new Set(after.filter((u) => u.level === 2).map((u) => u.type))].sort(), [
    'Phường',
    'Xã',
    'Đặc khu',
  ]);
});

test('every old unit that did not carry on ends on 30/6/2025; the map in force today is the new one', () => {
  for (const u of units) {
    if (u.validFrom === null && u.validTo === null) assert.equal(u.level, 1, `${u.path} never ended`);
    if (u.validTo !== null) assert.equal(u.validTo, LAST_DAY_BEFORE_REFORM, u.path);
  }
  assert.deepEqual(unitsInForce(units, '2026-12-07'), after);
});

test('a code names one unit on any day, and a unit key names one unit', () => {
  assert.equal(byKey.size, units.length);
  for (const day of [LAST_DAY_BEFORE_REFORM, REFORM_DATE]) {
    const codes = unitsInForce(units, day).map((u) => u.code);
    assert.equal(new Set(codes).size, codes.length, day);
  }
});

test('the reform reused codes: 00070 was Phường Hàng Trống under Quận Hoàn Kiếm, is Phường Hoàn Kiếm under Hà Nội', () => {
  const on = (day: string) => unitsInForce(units, day).find((u) => u.code === '00070');
  assert.deepEqual(
    [on(LAST_DAY_BEFORE_REFORM)?.name, on(LAST_DAY_BEFORE_REFORM)?.path],
    ['Phường Hàng Trống', '/01/002/00070/'],
  );
  assert.deepEqual([on(REFORM_DATE)?.name, on(REFORM_DATE)?.path], ['Phường Hoàn Kiếm', '/01/00070/']);
});

test('a province keeping its code and name is one unit across both maps; one renamed is new', () => {
  const haNoi = units.filter((u) => u.path === '/01/');
  assert.equal(haNoi.length, 1);
  assert.deepEqual([haNoi[0]!.validFrom, haNoi[0]!.validTo], [null, null]);
  const fifteen = units.filter((u) => u.path === '/15/').map((u) => [u.name, u.validFrom, u.validTo]);
  assert.deepEqual(fifteen, [
    ['Tỉnh Yên Bái', null, LAST_DAY_BEFORE_REFORM],
    ['Tỉnh Lào Cai', REFORM_DATE, null],
  ]);
});

test('every parent is in force on its child’s first day and one level up', () => {
  const inForceOn = (u: ReferenceUnit, day: string | null) =>
    (u.validFrom === null || (day !== null && u.validFrom <= day)) &&
    (u.validTo === null || day === null || u.validTo >= day);
  for (const u of units) {
    if (u.parentCode === null) continue;
    const parentPath = u.path.slice(0, u.path.length - u.code.length - 1);
    const parents = units.filter((p) => p.path === parentPath && inForceOn(p, u.validFrom));
    assert.equal(parents.length, 1, u.path);
    assert.equal(parents[0]!.level + 1, u.level, u.path);
  }
});

test('every 2025-03-01 unit of Hà Nội reaches a successor in force from 1/7/2025', () => {
  const successorsOf = new Map<string, string[]>();
  for (const s of successions)
    successorsOf.set(s.predecessor, [...(successorsOf.get(s.predecessor) ?? []), s.successor]);
  const old = units.filter((u) => u.path.startsWith('/01/') && u.validTo === LAST_DAY_BEFORE_REFORM);
  assert.equal(old.length, 30 + 526);
  const reach = (key: string, seen = new Set<string>()): ReferenceUnit[] => {
    const direct = (successorsOf.get(key) ?? []).map((k) => byKey.get(k)!);
    if (direct.length > 0) return direct;
    // a district has no successor of its own: its communes' successors took its territory
    const u = byKey.get(key)!;
    const children = units.filter(
      (c) => c.path.startsWith(u.path) && c.level === u.level + 1 && c.validTo !== null,
    );
    return children.flatMap((c) => (seen.has(unitKey(c)) ? [] : reach(unitKey(c), seen.add(unitKey(c)))));
  };
  for (const u of old) {
    const found = reach(unitKey(u));
    assert.ok(found.length > 0, `${u.path} ${u.name} has no successor`);
    for (const s of found) assert.equal(s.validFrom, REFORM_DATE, `${u.path} → ${s.path}`);
    for (const s of found) assert.ok(s.path.startsWith('/01/'), `${u.path} → ${s.path}`);
  }
});

test('Phường Hoàn Kiếm was formed from Hàng Trống (in part) and Hàng Bạc (in full), among others', () => {
  const hk = unitKey(after.find((u) => u.code === '00070')!);
  const from = successions
    .filter((s) => s.successor === hk)
    .map((s) => [byKey.get(s.predecessor)!.name, s.extent]);
  assert.ok(from.some(([n, e]) => n === 'Phường Hàng Trống' && e === 'partial'));
  assert.ok(from.some(([n, e]) => n === 'Phường Hàng Bạc' && e === 'full'));
  assert.equal(from.length, 14);
});

test('merged provinces are linked to the province that absorbed them', () => {
  const haGiang = units.find((u) => u.path === '/02/')!;
  const to = successions
    .filter((s) => s.predecessor === unitKey(haGiang))
    .map((s) => byKey.get(s.successor)!.name);
  assert.deepEqual(to, ['Tỉnh Tuyên Quang']);
});
