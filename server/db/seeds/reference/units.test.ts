import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadReferenceUnits, type ReferenceUnit } from './units.ts';

const units = loadReferenceUnits();
const byCode = new Map(units.map((u) => [u.code, u]));

test('has 63 provinces, 696 districts and 10,047 communes', () => {
  const perLevel = new Map<number, number>();
  for (const u of units) perLevel.set(u.level, (perLevel.get(u.level) ?? 0) + 1);
  assert.deepEqual([...perLevel].sort(), [
    [1, 63],
    [2, 696],
    [3, 10047],
  ]);
});

test('codes are unique', () => {
  assert.equal(byCode.size, units.length);
});

test('every parent exists, comes first and is one level up', () => {
  const seen = new Set<string>();
  for (const u of units) {
    if (u.parentCode === null) {
      assert.equal(u.level, 1, u.code);
    } else {
      assert.ok(seen.has(u.parentCode), `${u.code} before its parent ${u.parentCode}`);
      assert.equal(u.level, byCode.get(u.parentCode)!.level + 1, u.code);
    }
    seen.add(u.code);
  }
});

test('uses only the published Vietnamese unit types, by level', () => {
  const types = new Map<number, Set<string>>();
  for (const u of units) types.set(u.level, (types.get(u.level) ?? new Set()).add(u.type));
  assert.deepEqual([...types.get(1)!].sort(), ['Thành phố Trung ương', 'Tỉnh']);
  assert.deepEqual([...types.get(2)!].sort(), ['Huyện', 'Quận', 'Thành phố', 'Thị xã']);
  assert.deepEqual([...types.get(3)!].sort(), ['Phường', 'Thị trấn', 'Xã']);
});

test('Phường Hàng Trống is 00070, under Quận Hoàn Kiếm 002, under Hà Nội 01', () => {
  assert.deepEqual(byCode.get('00070'), {
    code: '00070',
    name: 'Phường Hàng Trống',
    type: 'Phường',
    level: 3,
    parentCode: '002',
  } satisfies ReferenceUnit);
  assert.deepEqual(byCode.get('002'), {
    code: '002',
    name: 'Quận Hoàn Kiếm',
    type: 'Quận',
    level: 2,
    parentCode: '01',
  });
  assert.deepEqual(byCode.get('01'), {
    code: '01',
    name: 'Thành phố Hà Nội',
    type: 'Thành phố Trung ương',
    level: 1,
    parentCode: null,
  });
});

test('the demo units exist where the demo expects them', () => {
  const expected: [string, string, string][] = [
    ['00061', 'Phường Hàng Bạc', '002'],
    ['278', 'Huyện Thanh Oai', '01'],
    ['282', 'Huyện Mỹ Đức', '01'],
    ['504', 'Huyện Tây Giang', '49'],
    ['516', 'Huyện Nam Trà My', '49'],
    ['770', 'Quận 3', '79'],
  ];
  for (const [code, name, parentCode] of expected) {
    assert.equal(byCode.get(code)?.name, name, code);
    assert.equal(byCode.get(code)?.parentCode, parentCode, code);
  }
});
