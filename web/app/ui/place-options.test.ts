import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { localPlaces, matchesWords, startUnit, trailText, type LocalPlace } from './place-options.ts';

const HCM = { code: '79', name: 'Thành phố Hồ Chí Minh' };
const HN = { code: '01', name: 'Thành phố Hà Nội' };
const DISTRICTS = [
  { code: '765', name: 'Quận Bình Thạnh', ward: '26905' },
  { code: '766', name: 'Quận Tân Bình', ward: '26974' },
  { code: '768', name: 'Quận Phú Nhuận', ward: '27085' },
  { code: '771', name: 'Quận 10', ward: '27166' },
  { code: '773', name: 'Quận 4', ward: '27259' },
  { code: '774', name: 'Quận 5', ward: '27343' },
  { code: '775', name: 'Quận 6', ward: '27349' },
];
const ward13 = (d: (typeof DISTRICTS)[number], i: number): LocalPlace => ({
  code: `000.00.${String(i + 10)}.H29`,
  name: 'Ủy ban nhân dân Phường 13',
  unitCode: d.ward,
  trail: [HCM, { code: d.code, name: d.name }, { code: d.ward, name: 'Phường 13' }],
});
const OPTIONS: LocalPlace[] = [
  ...DISTRICTS.map(ward13),
  {
    code: '000.00.30.H29',
    name: 'Ủy ban nhân dân Phường 130',
    unitCode: '99999',
    trail: [HCM, { code: '771', name: 'Quận 10' }, { code: '99999', name: 'Phường 130' }],
  },
  {
    code: '000.00.31.H29',
    name: 'Ủy ban nhân dân Quận 10',
    unitCode: '771',
    trail: [HCM, { code: '771', name: 'Quận 10' }],
  },
  {
    code: '000.00.01.H26',
    name: 'Ủy ban nhân dân Phường Hàng Trống',
    unitCode: '00070',
    trail: [HN, { code: '002', name: 'Quận Hoàn Kiếm' }, { code: '00070', name: 'Phường Hàng Trống' }],
  },
];
const ask = (q: string, under: string | null = null, page = 1, pageSize = 20) => ({
  q,
  under,
  page,
  pageSize,
});

test('#14 picker: "phuong 13" finds the seven wards 13, told apart by their trail', () => {
  for (const q of ['phuong 13', 'Phường 13', 'PHUONG 13']) {
    const r = localPlaces(OPTIONS, ask(q));
    const paths = r.items.map((i) => trailText(i.trail));
    assert.equal(r.total, 7, q);
    assert.equal(new Set(paths).size, 7);
    assert.ok(paths.includes('Phường 13, Quận 10, Thành phố Hồ Chí Minh'));
    assert.ok(r.items.every((i) => i.name === 'Ủy ban nhân dân Phường 13' && i.choosable));
  }
  // the district's name narrows it
  const q10 = localPlaces(OPTIONS, ask('phuong 13 quan 10'));
  assert.deepEqual(
    q10.items.map((i) => i.unitCode),
    ['27166'],
  );
  assert.equal(localPlaces(OPTIONS, ask('hang trong')).items[0]?.code, '000.00.01.H26');
});

test('#14 picker: browsing goes province → district → commune, never the list flat', () => {
  const top = localPlaces(OPTIONS, ask(''));
  assert.deepEqual(
    top.items.map((i) => [i.kind, i.code]),
    [
      ['unit', '01'],
      ['unit', '79'],
    ],
  );
  const hcm = localPlaces(OPTIONS, ask('', '79'));
  assert.equal(hcm.at?.name, 'Thành phố Hồ Chí Minh');
  assert.ok(hcm.items.every((i) => i.kind === 'unit' && i.enterable && !i.choosable));
  assert.equal(hcm.total, 7);
  const q10 = localPlaces(OPTIONS, ask('', '771'));
  // the district's own agency first, then its wards
  assert.deepEqual(
    q10.items.map((i) => `${i.kind}:${i.code}`),
    ['agency:000.00.31.H29', 'unit:27166', 'unit:99999'],
  );
  assert.deepEqual(
    q10.at?.trail.map((s) => s.code),
    ['79'],
  );
  const ward = localPlaces(OPTIONS, ask('', '27166'));
  assert.deepEqual(
    ward.items.map((i) => i.code),
    ['000.00.13.H29'],
  );
});

test('#14 picker: it opens at the user’s unit when the list holds it, else the only province', () => {
  assert.equal(startUnit(OPTIONS, ['00070']), '00070');
  assert.equal(startUnit(OPTIONS, ['12345', '771']), '771');
  assert.equal(startUnit(OPTIONS, []), null);
  assert.equal(startUnit(OPTIONS.slice(0, 7), []), '79');
});

test('#14 picker: a short number is a whole word, other words start a word', () => {
  assert.ok(matchesWords(['phuong', '13'], 'ubnd phuong 13'));
  assert.ok(!matchesWords(['13'], 'phuong 130'));
  assert.ok(!matchesWords(['13'], 'ma 26713'));
  assert.ok(matchesWords(['hang', 'tr'], 'phuong hang trong'));
  assert.ok(!matchesWords(['ang'], 'phuong hang trong'));
  assert.ok(matchesWords(['0007'], 'phuong hang trong 00070'));
});

test('#14 picker: pages are bounded and together hold every match once (property)', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 5 }),
      fc.constantFrom('', 'phuong', 'ubnd', '13'),
      (pageSize, q) => {
        const first = localPlaces(OPTIONS, ask(q, q === '' ? '79' : null, 1, pageSize));
        const seen: string[] = [];
        for (let p = 1; (p - 1) * pageSize < first.total; p += 1) {
          const r = localPlaces(OPTIONS, ask(q, q === '' ? '79' : null, p, pageSize));
          assert.ok(r.items.length <= pageSize);
          seen.push(...r.items.map((i) => `${i.kind}:${i.code}`));
        }
        assert.equal(seen.length, first.total);
        assert.equal(new Set(seen).size, seen.length);
      },
    ),
  );
});
