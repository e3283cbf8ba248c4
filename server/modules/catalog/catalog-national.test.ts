// The national catalogue's records read as procedures, on real records of the shipped copy.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { procedureFlags } from '../../../common/catalog/flags.ts';
import { loadNationalCatalogue, type NationalRecord } from './catalog-national.ts';
import { parseCatalogueFile, REFERENCE_DATA_DIR } from './catalog-source.ts';
import { exportCatalogueFile } from './catalog-export.ts';

const all = loadNationalCatalogue(REFERENCE_DATA_DIR).procedures;
const TODAY = '2026-12-11';
const record = (code: string, province?: string) => {
  const found = all.find(
    (r) => r.code.trim() === code && (province === undefined || r.localProvince?.id === province),
  );
  assert.ok(found, code);
  return structuredClone(found);
};
const parseOne = (r: NationalRecord) => {
  const parsed = parseCatalogueFile({ procedures: [r] });
  assert.deepEqual(parsed.rejected, []);
  return parsed.records[0]!;
};
const codesOf = (r: NationalRecord) => procedureFlags(parseOne(r), TODAY).map((f) => f.code);

test('the shipped copy holds every record of the dataset', () => {
  assert.equal(all.length, 5734);
});

test('a complete local record (Đà Nẵng 1.008757) reads whole, in force from its decision, without flags', () => {
  const p = parseOne(record('1.008757', '48'));
  assert.deepEqual([p.timeLimits.direct?.value, p.timeLimits.direct?.unit], [40, 'working-day']);
  assert.equal(p.decisionDate, '2025-12-30');
  assert.deepEqual([p.national?.scope, p.national?.localProvince?.id], ['local', '48']);
  assert.deepEqual(procedureFlags(p, TODAY), []);
});

test('a bare number stays without unit (1.000894) and is flagged, never guessed', () => {
  const p = parseOne(record('1.000894'));
  assert.equal(p.timeLimits.direct?.unit, null);
  assert.equal(p.timeLimits.direct?.value, 1);
  assert.ok(codesOf(record('1.000894')).includes('time-unit-missing'));
});

test('a unit inferred from the cases (1.001193) is flagged until confirmed', () => {
  const r = record('1.001193');
  const p = parseOne(r);
  assert.equal(p.timeLimits.online?.unitInferred, true);
  assert.deepEqual([...new Set(codesOf(r))], ['time-unit-inferred']);
  // Confirmed: the same limit without the inference note.
  r.processingTime = r.processingTime.map((t) => ({ ...t, unitSource: 'api' }));
  assert.deepEqual(codesOf(r), []);
});

test('a fee the provincial HĐND sets, shown as free (1.001695), wants its basis', () => {
  const r = record('1.001695');
  assert.deepEqual(codesOf(r), ['fee-basis-missing']);
  const exported = exportCatalogueFile([parseOne(r)]).procedures[0]!;
  exported.feePolicy = { ...exported.feePolicy!, basis: 'Nghị quyết 12/2025/NQ-HĐND (miễn lệ phí)' };
  const fixed = parseCatalogueFile({ procedures: [exported] });
  assert.deepEqual(procedureFlags(fixed.records[0]!, TODAY), []);
});

test('code 1.014325, given to two procedures, is refused for both, naming both portal ids', () => {
  const twins = all.filter((r) => r.code.trim() === '1.014325');
  assert.equal(twins.length, 2);
  const parsed = parseCatalogueFile({ procedures: [record('1.008757', '48'), ...twins] });
  assert.equal(parsed.records.length, 1);
  assert.deepEqual(
    parsed.rejected.map((r) => r.index),
    [1, 2],
  );
  for (const r of parsed.rejected) {
    for (const t of twins)
      assert.ok(r.reasons[0]!.message.includes(String(t.formalityId)), r.reasons[0]!.message);
  }
});

test('a record only source A had is flagged unverified; a decision not yet in force is flagged until its day', () => {
  assert.ok(codesOf(record('1.001666')).includes('source-unverified'));
  const future = record('1.008757', '48');
  future.decisionDate = '2026-12-30';
  assert.deepEqual(codesOf(future), ['not-yet-in-force']);
  assert.deepEqual(
    procedureFlags(parseOne(future), '2026-12-30').map((f) => f.code),
    [],
  );
});

test('limits the working-time arithmetic cannot count stay gaps with the portal words', () => {
  const r = record('1.008757', '48');
  r.processingTime = [
    { channel: 'Trực tiếp', value: 3, unit: 'Tháng', displayed: '3 Tháng' },
    { channel: 'Trực tuyến', value: 0, unit: null, displayed: '0' },
    { channel: 'Dịch vụ bưu chính', value: 1.3, unit: 'Giờ', displayed: '1.3 Giờ' },
  ];
  const p = parseOne(r);
  assert.deepEqual([p.timeLimits.direct, p.timeLimits.online, p.timeLimits.postal], [null, null, null]);
  assert.deepEqual(
    p.timeLimitGaps.map((g) => g.text),
    ['3 Tháng', '0', '1.3 Giờ'],
  );
  assert.equal(codesOf(r).filter((c) => c === 'time-limit-missing').length, 3);
});

test('every record of the shipped copy reads or is refused with reasons; export gives the same procedures back', () => {
  const parsed = parseCatalogueFile({ procedures: all });
  assert.equal(parsed.records.length + parsed.rejected.length, all.length);
  assert.ok(parsed.rejected.every((r) => r.reasons.length > 0));
  assert.ok(parsed.records.length > 5700, String(parsed.records.length));
  const again = parseCatalogueFile(exportCatalogueFile(parsed.records));
  assert.deepEqual(again.rejected, []);
  assert.deepEqual(again.records, parsed.records);
});
