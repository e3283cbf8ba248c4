import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  AGENCY_CODE_PATTERN,
  AGENCY_KINDS,
  PRE_REFORM_DEMO_PROVINCE_CODES as DEMO_PROVINCE_CODES,
  buildPreReformAgencies,
  getAgency,
  provinceAgencyCode,
  type ReferenceAgency,
} from './agencies.ts';
import { QCVN_102_PROVINCE_CODES } from './data/qcvn-102-province-codes.ts';
import { loadPreReformUnits as loadReferenceUnits, type ReferenceUnit } from './units.ts';

const units = loadReferenceUnits();
const unitByCode = new Map(units.map((u) => [u.code, u]));
const agencies = buildPreReformAgencies(units);
const byCode = new Map(agencies.map((a) => [a.code, a]));
const committeeOf = new Map(
  agencies.filter((a) => a.kind === 'people-committee').map((a) => [a.unitCode, a]),
);
const provinceOf = (unit: ReferenceUnit): string => {
  let u = unit;
  while (u.parentCode !== null) u = unitByCode.get(u.parentCode)!;
  return u.code;
};
const inDemoProvince = (a: ReferenceAgency): boolean =>
  DEMO_PROVINCE_CODES.includes(provinceOf(unitByCode.get(a.unitCode)!));

test('every unit has exactly one People’s Committee, with a desk: 10,806', () => {
  const committees = agencies.filter((a) => a.kind === 'people-committee');
  assert.equal(committees.length, 10806);
  assert.equal(committeeOf.size, units.length);
  for (const u of units) {
    const c = committeeOf.get(u.code)!;
    assert.equal(c.name, `Ủy ban nhân dân ${u.name}`);
    assert.equal(c.hasDesk, true);
  }
});

test('codes are unique and in the QCVN 102:2016 form', () => {
  assert.equal(byCode.size, agencies.length);
  for (const a of agencies) assert.match(a.code, AGENCY_CODE_PATTERN, a.code);
  assert.ok(agencies.every((a) => a.code.length === 13));
});

test('kinds are the known kinds', () => {
  for (const a of agencies) assert.ok((AGENCY_KINDS as readonly string[]).includes(a.kind), a.kind);
});

test('each parent exists and comes before its child; only provincial committees have none', () => {
  const seen = new Set<string>();
  for (const a of agencies) {
    if (a.parentCode === null) {
      assert.equal(a.kind, 'people-committee', a.code);
      assert.equal(unitByCode.get(a.unitCode)!.level, 1, a.code);
    } else {
      assert.ok(seen.has(a.parentCode), `${a.code} before its parent ${a.parentCode}`);
    }
    seen.add(a.code);
  }
});

// A parent's identifier is its child's with the left-most non-zero group set to zero: the
// identifier itself encodes the tree (QCVN 102:2016, level 1 at the right).
test('the parent link agrees with the code', () => {
  for (const a of agencies) {
    if (a.parentCode === null) {
      assert.match(a.code, /^000\.00\.00\./, a.code);
      continue;
    }
    const groups = a.code.split('.');
    const i = groups.findIndex((g, k) => k < 3 && /[1-9]/.test(g));
    groups[i] = groups[i]!.replace(/\d/g, '0');
    assert.equal(a.parentCode, groups.join('.'), a.code);
  }
});

test('parents follow the administrative tree, never sideways or upwards', () => {
  for (const a of agencies) {
    const unit = unitByCode.get(a.unitCode)!;
    const parent = a.parentCode === null ? null : byCode.get(a.parentCode)!;
    if (a.kind === 'people-committee') {
      // UBND xã → UBND huyện → UBND tỉnh
      assert.equal(parent?.unitCode ?? null, unit.parentCode, a.code);
      if (parent !== null) assert.equal(parent.kind, 'people-committee', a.code);
    } else if (a.kind === 'police') {
      // Công an xã → Công an huyện → Công an tỉnh → UBND tỉnh
      if (unit.level === 1)
        assert.deepEqual([parent!.kind, parent!.unitCode], ['people-committee', unit.code]);
      else assert.deepEqual([parent!.kind, parent!.unitCode], ['police', unit.parentCode]);
    } else {
      // a Sở, a Phòng, the service centre: under the People's Committee of the same unit
      assert.equal(parent, committeeOf.get(unit.code), a.code);
    }
  }
});

test('only People’s Committees and the service centres have a desk', () => {
  for (const a of agencies) {
    assert.equal(
      a.hasDesk,
      a.kind === 'people-committee' || a.kind === 'public-administration-centre',
      a.code,
    );
  }
});

test('specialised agencies exist in the three demo provinces only, complete at each level', () => {
  const specialised = agencies.filter((a) => a.kind !== 'people-committee');
  assert.ok(specialised.every(inDemoProvince));
  const expectedPerLevel = new Map<number, string[]>([
    [
      1,
      [
        'finance-planning',
        'finance-planning',
        'justice',
        'labour',
        'natural-resources',
        'police',
        'public-administration-centre',
        'urban-management',
      ],
    ],
    [2, ['finance-planning', 'justice', 'labour', 'natural-resources', 'police', 'urban-management']],
    [3, ['police']],
  ]);
  let expectedCount = 0;
  for (const u of units.filter((x) => DEMO_PROVINCE_CODES.includes(provinceOf(x)))) {
    const kinds = specialised
      .filter((a) => a.unitCode === u.code)
      .map((a) => a.kind)
      .sort();
    assert.deepEqual(kinds, expectedPerLevel.get(u.level), u.code);
    expectedCount += kinds.length;
  }
  assert.equal(specialised.length, expectedCount);
  assert.equal(agencies.length, 12277);
});

test('names are correct Vietnamese', () => {
  const name = (unitCode: string, kind: ReferenceAgency['kind']) =>
    agencies.filter((a) => a.unitCode === unitCode && a.kind === kind).map((a) => a.name);
  assert.deepEqual(name('00070', 'people-committee'), ['Ủy ban nhân dân Phường Hàng Trống']);
  assert.deepEqual(name('01', 'people-committee'), ['Ủy ban nhân dân Thành phố Hà Nội']);
  assert.deepEqual(name('01', 'justice'), ['Sở Tư pháp Thành phố Hà Nội']);
  assert.deepEqual(name('01', 'public-administration-centre'), [
    'Trung tâm Phục vụ hành chính công Thành phố Hà Nội',
  ]);
  assert.deepEqual(name('01', 'finance-planning'), [
    'Sở Tài chính Thành phố Hà Nội',
    'Sở Kế hoạch và Đầu tư Thành phố Hà Nội',
  ]);
  assert.deepEqual(name('01', 'urban-management'), ['Sở Xây dựng Thành phố Hà Nội']);
  assert.deepEqual(name('01', 'police'), ['Công an Thành phố Hà Nội']);
  assert.deepEqual(name('49', 'labour'), ['Sở Lao động – Thương binh và Xã hội Tỉnh Quảng Nam']);
  assert.deepEqual(name('002', 'justice'), ['Phòng Tư pháp Quận Hoàn Kiếm']);
  assert.deepEqual(name('002', 'police'), ['Công an Quận Hoàn Kiếm']);
  assert.deepEqual(name('002', 'finance-planning'), ['Phòng Tài chính – Kế hoạch Quận Hoàn Kiếm']);
  assert.deepEqual(name('002', 'urban-management'), ['Phòng Quản lý đô thị Quận Hoàn Kiếm']);
  assert.deepEqual(name('504', 'urban-management'), ['Phòng Kinh tế và Hạ tầng Huyện Tây Giang']);
  assert.deepEqual(name('269', 'urban-management'), ['Phòng Quản lý đô thị Thị xã Sơn Tây']);
  assert.deepEqual(name('769', 'urban-management'), ['Phòng Quản lý đô thị Thành phố Thủ Đức']);
  assert.deepEqual(name('00070', 'police'), ['Công an Phường Hàng Trống']);
});

test('uses the attested province codes: Hà Nội H26, TP HCM H29, Thanh Hóa H56, Huế H57', () => {
  assert.equal(provinceAgencyCode('01'), '000.00.00.H26');
  assert.equal(committeeOf.get('01')!.code, '000.00.00.H26');
  assert.equal(committeeOf.get('79')!.code, '000.00.00.H29');
  assert.equal(committeeOf.get('38')!.code, '000.00.00.H56');
  assert.equal(committeeOf.get('46')!.code, '000.00.00.H57');
  assert.equal(committeeOf.get('22')!.code, '000.00.00.H49');
  assert.throws(() => provinceAgencyCode('03'), /no QCVN 102:2016 level-1 code/);
});

test('the province table covers the 63 provinces once, H01–H63', () => {
  const provinces = units.filter((u) => u.level === 1).map((u) => u.code);
  assert.deepEqual(QCVN_102_PROVINCE_CODES.map(([gso]) => gso).sort(), provinces.sort());
  assert.deepEqual(
    QCVN_102_PROVINCE_CODES.map(([, code]) => code),
    Array.from({ length: 63 }, (_, i) => `H${String(i + 1).padStart(2, '0')}`),
  );
  for (const [gso, , evidence, source] of QCVN_102_PROVINCE_CODES) {
    assert.equal(evidence === 'attested', source !== undefined, gso);
  }
});

test('worked examples of the lower groups', () => {
  // Hoàn Kiếm is Hà Nội's 2nd district (21 + 1); Hàng Trống its 12th ward.
  assert.equal(committeeOf.get('002')!.code, '000.00.22.H26');
  assert.equal(committeeOf.get('00070')!.code, '000.12.22.H26');
  assert.equal(getAgency(agencies, { unitCode: '01', kind: 'justice' }).code, '000.00.02.H26');
  assert.equal(getAgency(agencies, { unitCode: '002', kind: 'justice' }).code, '000.81.22.H26');
  assert.equal(getAgency(agencies, { unitCode: '002', kind: 'police' }).code, '000.02.08.H26');
  assert.equal(getAgency(agencies, { unitCode: '00070', kind: 'police' }).code, '012.02.08.H26');
});

test('the same units, in any order, give the same agencies', () => {
  assert.deepEqual(buildPreReformAgencies([...units].reverse()), agencies);
});

test('getAgency refuses an ambiguous or empty selector', () => {
  assert.throws(
    () => getAgency(agencies, { unitCode: '01', kind: 'finance-planning' }),
    /matches 2 agencies/,
  );
  assert.equal(
    getAgency(agencies, { unitCode: '01', kind: 'finance-planning', name: 'Sở Tài chính Thành phố Hà Nội' })
      .code,
    '000.00.05.H26',
  );
  assert.throws(() => getAgency(agencies, { unitCode: '02', kind: 'justice' }), /matches 0 agencies/);
});

// Synthetic trees in a province without demo agencies (Thanh Hóa, H56) to reach the limits.
const unit = (code: string, parentCode: string | null, level: number, type = 'Xã'): ReferenceUnit => ({
  code,
  name: `Đơn vị ${code}`,
  type,
  level,
  parentCode,
  // The builder numbers siblings by parent code; the path is not read.
  path: `/${code}/`,
  validFrom: null,
  validTo: null,
});
const districts = (n: number): ReferenceUnit[] =>
  Array.from({ length: n }, (_, i) => unit(`D${String(i).padStart(3, '0')}`, '38', 2, 'Huyện'));

test('fails loudly instead of overflowing a group', () => {
  assert.equal(
    buildPreReformAgencies([unit('38', null, 1), ...districts(79)])
      .at(-1)!
      .code.slice(0, 9),
    '000.00.99',
  );
  assert.throws(
    () => buildPreReformAgencies([unit('38', null, 1), ...districts(80)]),
    /80 exceeds the 79 codes/,
  );
  const communes = (n: number) =>
    Array.from({ length: n }, (_, i) => unit(`C${String(i).padStart(3, '0')}`, '002', 3));
  assert.doesNotThrow(() =>
    buildPreReformAgencies([unit('38', null, 1), unit('002', '38', 2), ...communes(80)]),
  );
  assert.throws(
    () => buildPreReformAgencies([unit('38', null, 1), unit('002', '38', 2), ...communes(81)]),
    /81 exceeds the 80 codes/,
  );
  const deep = [
    unit('38', null, 1),
    unit('002', '38', 2),
    unit('00070', '002', 3),
    unit('X1', '00070', 4),
    unit('X2', 'X1', 5),
  ];
  assert.equal(buildPreReformAgencies(deep.slice(0, 4)).at(-1)!.code, '001.01.21.H56');
  assert.throws(() => buildPreReformAgencies(deep), /no group for a fifth level/);
  assert.throws(
    () => buildPreReformAgencies([unit('38', null, 1), unit('9', 'nowhere', 2)]),
    /not reachable/,
  );
  assert.throws(
    () => buildPreReformAgencies([unit('99', null, 1)]),
    /no QCVN 102:2016 level-1 code for province 99/,
  );
});

test('a province with communes directly below it (two-level structure) is coded too', () => {
  const twoLevel = buildPreReformAgencies([unit('38', null, 1), unit('15000', '38', 2, 'Phường')]);
  assert.deepEqual(
    twoLevel.map((a) => [a.code, a.parentCode]),
    [
      ['000.00.00.H56', null],
      ['000.00.21.H56', '000.00.00.H56'],
    ],
  );
});
