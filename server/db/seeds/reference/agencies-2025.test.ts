import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isAgencyCode } from '../../../../common/org/code-patterns.ts';
import { DEMO_PROVINCE_CODES, getAgency, provinceLevel1Code } from './agencies.ts';
import { buildReferenceAgencies } from './agencies-2025.ts';
import { referenceData } from '../reference.ts';
import { REFORM_DATE, unitKey, unitsInForce } from './units.ts';

const { units, agencies } = referenceData();
const current = unitsInForce(units, REFORM_DATE);
const byCode = new Map(agencies.map((a) => [a.code, a]));

test('every unit of the two-level map has one People’s Committee with a desk: 34 + 3,321', () => {
  const committees = agencies.filter((a) => a.kind === 'people-committee');
  assert.equal(committees.length, 34 + 3321);
  assert.equal(new Set(committees.map((a) => a.unitKey)).size, committees.length);
  assert.deepEqual(new Set(committees.map((a) => a.unitKey)), new Set(current.map(unitKey)));
  for (const a of committees) assert.ok(a.hasDesk, a.code);
});

test('codes are unique, in the QĐ 20/2020 form, and a parent’s code is its child’s without the last group', () => {
  assert.equal(byCode.size, agencies.length);
  for (const a of agencies) {
    assert.ok(isAgencyCode(a.code), a.code);
    assert.match(a.code, /^[A-Y]\d{2}(\.\d{2,3})*$/, a.code);
    if (a.parentCode === null) assert.equal(a.code.includes('.'), false, a.code);
    else {
      assert.equal(a.parentCode, a.code.slice(0, a.code.lastIndexOf('.')), a.code);
      assert.ok(byCode.has(a.parentCode), a.code);
    }
  }
});

test('the level-1 code follows the province of the same name (QĐ 09/2025): Lào Cai is Lào Cai’s, not Yên Bái’s', () => {
  const laoCai = agencies.find((a) => a.name === 'Ủy ban nhân dân Tỉnh Lào Cai')!;
  assert.equal(laoCai.unitCode, '15');
  assert.equal(laoCai.code, provinceLevel1Code('10'));
  assert.notEqual(laoCai.code, provinceLevel1Code('15'));
  assert.equal(getAgency(agencies, { unitCode: '01', kind: 'people-committee' }).code, 'H26');
  assert.equal(new Set(agencies.filter((a) => a.parentCode === null).map((a) => a.code)).size, 34);
});

test('Hà Nội: the city’s departments in slots 01–08, its 126 communes from 101, each with a police post', () => {
  const haNoi = agencies.filter((a) => a.code === 'H26' || a.code.startsWith('H26.'));
  assert.equal(haNoi.filter((a) => a.kind === 'people-committee').length, 127);
  assert.equal(getAgency(agencies, { unitCode: '01', kind: 'justice' }).code, 'H26.02');
  assert.equal(getAgency(agencies, { unitCode: '01', kind: 'justice' }).name, 'Sở Tư pháp Thành phố Hà Nội');
  const hoanKiem = getAgency(agencies, { unitCode: '00070', kind: 'people-committee' });
  assert.equal(hoanKiem.name, 'Ủy ban nhân dân Phường Hoàn Kiếm');
  assert.match(hoanKiem.code, /^H26\.1\d\d$/);
  const police = getAgency(agencies, { unitCode: '00070', kind: 'police' });
  assert.equal(police.code, `H26.08.${hoanKiem.code.split('.')[1]}`);
  assert.equal(police.parentCode, 'H26.08');
});

test('specialised agencies only in the demo provinces', () => {
  for (const a of agencies) {
    if (a.kind === 'people-committee') continue;
    const province = a.unitKey.split('/')[1]!;
    assert.ok(DEMO_PROVINCE_CODES.includes(province), a.code);
  }
});

test('refuses a deeper unit rather than give a wrong code', () => {
  const province = current.find((u) => u.code === '01')!;
  const commune = current.find((u) => u.code === '00070')!;
  const below = { ...commune, code: '99999', level: 3, parentCode: '00070', path: `${commune.path}99999/` };
  assert.throws(() => buildReferenceAgencies([province, commune, below]), /no level 3/);
});
