import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  loadReferenceForms,
  loadReferenceProcedures,
  parseCatalogueFile,
  referenceCatalogueFile,
} from './catalog-source.ts';
import { exportCatalogueFile } from './catalog-export.ts';
import type { ExternalProcedure } from './catalog-file.ts';
import { compileForm, genericDeclarationForm } from '../../../common/catalog/forms.ts';
import { procedureIssues } from '../../../common/catalog/issues.ts';
import { CHANNELS, feesFor, timeLimitFor } from '../../../common/catalog/procedure.ts';
import { matchesQuery } from '../../../common/catalog/search.ts';
import { defaultWorkflow, validateWorkflow } from '../../../common/catalog/workflow.ts';

// The seeded file: procedures.json with motcua's additions (additions.json).
const referenceJson: unknown = referenceCatalogueFile();
const reference = loadReferenceProcedures();
const byCode = (code: string) => {
  const p = reference.find((x) => x.code === code);
  assert.ok(p, code);
  return p;
};

/** A minimal valid external record, to break one thing at a time. */
function record(overrides: Partial<ExternalProcedure> = {}): ExternalProcedure {
  return {
    code: '9.000001',
    name: 'Thủ tục thử',
    field: 'Thử nghiệm',
    implementingLevels: ['Cấp xã'],
    processingTime: [{ channel: 'Trực tiếp', value: 3, unit: 'Ngày làm việc', displayed: '3 Ngày làm việc' }],
    fees: [{ channel: null, amountVnd: 0, unit: null, displayed: 'Miễn phí' }],
    dossierComponents: [{ name: 'Đơn đề nghị', originals: 1, copies: 0 }],
    ...overrides,
  };
}

describe('the reference catalogue', () => {
  it('parses all 47 procedures with no rejection', () => {
    const { records, rejected } = parseCatalogueFile(referenceJson);
    assert.deepEqual(rejected, []);
    assert.equal(records.length, 47);
    assert.equal(new Set(records.map((p) => p.code)).size, 47);
    assert.deepEqual(reference, records);
  });

  it('reads 1.001193 as birth registration with its time limits', () => {
    const p = byCode('1.001193');
    assert.equal(p.name, 'Thủ tục đăng ký khai sinh');
    assert.deepEqual(p.field, { code: null, name: 'Hộ tịch' });
    assert.deepEqual(p.levels, ['commune']);
    assert.deepEqual(p.competentAgency, { kind: 'people-committee', text: 'Ủy ban nhân dân cấp xã' });
    assert.deepEqual(p.channels, ['direct', 'online', 'postal']);
    for (const channel of CHANNELS) {
      const limit = p.timeLimits[channel];
      assert.equal(limit?.value, 1);
      assert.equal(limit.unit, 'working-day');
      assert.equal(limit.text, '1');
      assert.match(limit.note ?? '', /WORKING_DAY/);
      assert.deepEqual(
        feesFor(p, channel).map((f) => [f.amountVnd, f.text]),
        [[0, 'Miễn phí']],
      );
    }
    assert.deepEqual(p.cases, []);
    assert.deepEqual(p.results, [{ name: 'Giấy khai sinh', code: 'KQ.G15.000031' }]);
    assert.equal(p.components.length, 8);
    const certificate = p.components[2]!;
    assert.equal(certificate.electronicCopyAccepted, true);
    assert.equal(certificate.reuseAccepted, null);
    assert.equal(p.components[7]!.reuseAccepted, true);
    assert.equal(p.components[6]!.submission, 'present');
    assert.equal(p.onlineLevel, null);
    assert.ok(p.legalBases.includes('123/2015/NĐ-CP'));
    assert.equal(p.provenance.sourceId, 'A');
  });

  it('reports the procedures whose limit has no unit', (t) => {
    const unitless = reference
      .map((p) => ({
        code: p.code,
        channels: procedureIssues(p)
          .filter((i) => i.code === 'time-unit-missing')
          .map((i) => i.path),
      }))
      .filter((x) => x.channels.length > 0);
    t.diagnostic(
      `limits without unit: ${unitless.map((x) => `${x.code} (${x.channels.join(', ')})`).join('; ')}`,
    );
    assert.deepEqual(
      unitless.map((x) => x.code),
      ['1.000894', '1.000656', '1.004873', '2.000806', '2.000720', '1.001266', '1.011606'],
    );
    assert.equal(
      unitless.reduce((n, x) => n + x.channels.length, 0),
      20,
    );
    const marriage = procedureIssues(byCode('1.000894')).find((i) => i.path === 'timeLimits/online');
    assert.equal(
      marriage?.message,
      'Thời hạn kênh Trực tuyến được công bố là “1” nhưng không có đơn vị (ngày làm việc, ngày hay giờ): cần xác định đơn vị trước khi tính hạn trả kết quả',
    );
  });

  it('keeps what the portal showed where there is no number', () => {
    const p = byCode('2.002481');
    assert.deepEqual(p.timeLimits, { direct: null, online: null, postal: null });
    assert.deepEqual(
      p.timeLimitGaps.map((g) => [g.channel, g.text]),
      [
        ['direct', 'Không quy định'],
        ['online', 'Không quy định'],
        ['postal', 'Không quy định'],
      ],
    );
    assert.ok(procedureIssues(p).some((i) => i.code === 'no-time-limit'));
    assert.ok(procedureIssues(byCode('1.001612')).some((i) => i.code === 'time-limit-missing'));
  });

  it('maps units faithfully: Ngày is calendar days, Giờ calendar hours', () => {
    assert.equal(byCode('1.013225').timeLimits.direct?.unit, 'calendar-day');
    assert.equal(byCode('1.013225').timeLimits.direct?.value, 15);
    assert.equal(byCode('1.013225').timeLimits.online?.value, 20);
    assert.deepEqual(byCode('2.001159').timeLimits.online, {
      value: 1,
      unit: 'calendar-hour',
      text: '1 Giờ',
      note: null,
    });
    assert.equal(byCode('1.001731').timeLimits.postal?.unit, 'working-day');
  });

  it('turns several limits for one channel into cases', () => {
    const p = byCode('1.010824');
    assert.deepEqual(
      p.cases.map((c) => [
        c.key,
        c.timeLimits.direct?.value,
        c.timeLimits.postal?.value,
        c.timeLimits.online,
      ]),
      [
        ['tro-cap-mot-lan-va-mai-tang', 19, 19, null],
        ['tro-cap-tuat-hang-thang-tuat-nuoi-duong-hang-thang', 24, 24, null],
      ],
    );
    assert.equal(timeLimitFor(p, 'direct'), null);
    assert.equal(timeLimitFor(p, 'direct', 'tro-cap-mot-lan-va-mai-tang')?.unit, 'calendar-day');
    assert.deepEqual(
      byCode('1.003677').cases.map((c) => [c.name, c.timeLimits.online?.value]),
      [
        ['Trường hợp 1', 1],
        ['Trường hợp 2', 2],
      ],
    );
  });

  it('keeps fees with their channel, the channel-less ones applying everywhere', () => {
    const licence = byCode('3.000348');
    assert.deepEqual(
      feesFor(licence, 'direct').map((f) => [f.amountVnd, f.per]),
      [[135000, 'lần']],
    );
    assert.deepEqual(
      feesFor(licence, 'online').map((f) => f.amountVnd),
      [135000, 115000],
    );
    const copy = byCode('2.000815');
    assert.deepEqual(
      copy.fees.map((f) => [f.amountVnd, f.per, f.amountOther]),
      [
        [2000, 'trang', null],
        [null, 'bản', { value: 10, currency: 'USD' }],
      ],
    );
    assert.equal(copy.onlineLevel, 'none');
    assert.deepEqual(
      byCode('1.004222').fees.map((f) => [f.channel, f.amountVnd]),
      [
        ['online', 10000],
        ['direct', 20000],
      ],
    );
    assert.ok(procedureIssues(byCode('1.000656')).some((i) => i.code === 'fee-set-by-province'));
  });

  it('reads the online level only where the source states it', () => {
    assert.equal(byCode('1.012575').onlineLevel, 'full');
    assert.equal(byCode('1.116410').onlineLevel, 'full');
    // No online channel published: no online service.
    assert.deepEqual(
      reference.filter((p) => p.onlineLevel === 'none').map((p) => p.code),
      ['2.000815', '2.000884', '1.012812', '1.011606', '1.003622', '1.010824'],
    );
    assert.equal(reference.filter((p) => p.onlineLevel === null).length, 39);
  });

  it('round-trips: parse(export(parse(x))) equals parse(x)', () => {
    const exported = exportCatalogueFile(reference);
    const again = parseCatalogueFile(JSON.parse(JSON.stringify(exported)));
    assert.deepEqual(again.rejected, []);
    assert.deepEqual(again.records, reference);
  });

  it('gives every procedure a generic form that compiles, and a default workflow per limit', () => {
    for (const p of reference) {
      assert.doesNotThrow(() => compileForm(genericDeclarationForm(p)), p.code);
      for (const limit of [
        ...CHANNELS.map((c) => p.timeLimits[c]),
        ...p.cases.flatMap((c) => CHANNELS.map((ch) => c.timeLimits[ch])),
      ]) {
        if (limit?.unit)
          assert.deepEqual(
            validateWorkflow(defaultWorkflow({ value: limit.value, unit: limit.unit }), limit),
            [],
          );
      }
    }
  });

  it('finds procedures by folded words', () => {
    const find = (q: string) => reference.filter((p) => matchesQuery(p, q)).map((p) => p.code);
    assert.deepEqual(find('dang ky khai sinh'), ['1.001193', '3.000722']);
    // “bản sao Giấy khai sinh” (2.000635) has both words too.
    assert.deepEqual(find('sinh khai'), ['1.001193', '2.000635', '3.000722']);
    assert.deepEqual(find('1.001193'), ['1.001193']);
    assert.deepEqual(find('giấy phép xây dựng'), ['1.013225', '1.013236']);
  });
});

describe('reference forms', () => {
  it('ships the two declaration forms, which compile', () => {
    const forms = loadReferenceForms();
    assert.deepEqual(
      forms.map((f) => [f.file, f.procedureCodes]),
      [
        ['birth-registration.schema.json', ['1.001193']],
        ['household-business.schema.json', ['1.001612']],
      ],
    );
    for (const f of forms) assert.doesNotThrow(() => compileForm(f.schema));
  });
});

describe('parseCatalogueFile rejections', () => {
  it('accepts a minimal record', () => {
    const { records, rejected } = parseCatalogueFile({ procedures: [record()] });
    assert.deepEqual(rejected, []);
    assert.equal(records[0]?.timeLimits.direct?.unit, 'working-day');
    assert.deepEqual(records[0]?.channels, ['direct']);
  });

  it('lists every problem of a record with its path, in Vietnamese, and keeps the valid records', () => {
    const bad = {
      ...record({ code: '1001193' }),
      name: '',
      implementingLevels: ['Cấp huyện', 'Cấp phường'],
      processingTime: [
        { channel: 'Qua mạng', value: 3, unit: 'Ngày làm việc', displayed: '3' },
        { channel: 'Trực tiếp', value: -1, unit: 'Tháng', displayed: '1 tháng' },
      ],
      fees: [{ channel: 'Trực tiếp', amountVnd: 12.5, unit: null, displayed: '12,5' }],
      dossierComponents: [{ name: 'Đơn', originals: 1 }],
      procesingTime: [],
    };
    const { records, rejected } = parseCatalogueFile({ procedures: [record(), bad] });
    assert.equal(records.length, 1);
    assert.equal(rejected.length, 1);
    assert.equal(rejected[0]!.index, 1);
    assert.equal(rejected[0]!.code, '1001193');
    assert.deepEqual(rejected[0]!.reasons.map((r) => r.path).sort(), [
      'code',
      'dossierComponents/0/copies',
      'fees/0/amountVnd',
      'implementingLevels/1',
      'name',
      'procesingTime',
      'processingTime/0/channel',
      'processingTime/1/unit',
      'processingTime/1/value',
    ]);
    const message = (path: string) => rejected[0]!.reasons.find((r) => r.path === path)?.message;
    assert.equal(message('code'), 'Mã thủ tục (dạng 1.001193) không đúng định dạng');
    assert.equal(message('name'), 'Tên thủ tục không được để trống');
    assert.equal(message('procesingTime'), 'Trường “procesingTime” không có trong biểu mẫu');
    assert.equal(message('dossierComponents/0/copies'), 'Số bản sao (mục 1) là bắt buộc');
    assert.equal(message('fees/0/amountVnd'), 'Số tiền (VNĐ) (mục 1) phải là số nguyên hoặc để trống');
    assert.equal(
      message('processingTime/0/channel'),
      'Kênh thực hiện của thời hạn (mục 1) phải là một trong các giá trị: Trực tiếp, Trực tuyến, Dịch vụ bưu chính',
    );
  });

  it('checks what the schema cannot: granularity, duplicates, case conflicts, field code', () => {
    const bad = record({
      fieldCode: 'G15.01',
      field: null,
      processingTime: [
        { channel: 'Trực tiếp', value: 1.3, unit: 'Ngày làm việc', displayed: '1,3 ngày' },
        { channel: 'Trực tuyến', value: 2, unit: 'Ngày', displayed: '2', case: 'A' },
        { channel: 'Trực tuyến', value: 3, unit: 'Ngày', displayed: '3', case: 'A' },
        { channel: 'Dịch vụ bưu chính', value: null, unit: 'Ngày', displayed: '?' },
      ],
    });
    const { rejected } = parseCatalogueFile({ procedures: [bad, record(), record()] });
    assert.deepEqual(
      rejected.map((r) => [r.index, r.reasons.map((x) => x.path)]),
      [
        [0, ['field', 'processingTime/0/value', 'processingTime/2', 'processingTime/3/value']],
        [2, ['code']],
      ],
    );
    assert.equal(
      rejected[0]!.reasons[1]!.message,
      'Thời hạn 1.3 ngày làm việc không quy đổi được thành số giờ nguyên (1 ngày = 8 giờ)',
    );
    assert.equal(rejected[1]!.reasons[0]!.message, 'Mã thủ tục 9.000001 trùng với bản ghi thứ 2 trong tệp');
  });

  it('rejects a malformed file as a whole', () => {
    for (const json of [null, [], { procedures: {} }, 'x']) {
      assert.deepEqual(parseCatalogueFile(json), {
        records: [],
        positions: [],
        rejected: [
          {
            index: -1,
            reasons: [{ path: '', message: 'Tệp danh mục phải là một đối tượng JSON có mảng “procedures”' }],
          },
        ],
      });
    }
  });

  it('never throws, and every accepted record round-trips (property)', () => {
    const channel = fc.constantFrom('Trực tiếp', 'Trực tuyến', 'Dịch vụ bưu chính');
    const text = fc.constantFrom('Trường hợp A', 'Trường hợp B', 'kể từ ngày nhận đủ hồ sơ', 'x');
    const time = fc.record(
      {
        channel,
        value: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }),
        unit: fc.constantFrom('Ngày làm việc', 'Ngày', 'Giờ', 'Giờ làm việc', null),
        displayed: fc.constantFrom('3', 'Không có thông tin', '5 Ngày làm việc'),
        note: fc.option(text, { nil: null }),
        case: text,
      },
      { requiredKeys: ['channel', 'value', 'unit', 'displayed'] },
    );
    const fee = fc.record(
      {
        channel: fc.option(channel, { nil: null }),
        amountVnd: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
        unit: fc.option(fc.constantFrom('lần', 'bản'), { nil: null }),
        displayed: fc.option(fc.constantFrom('Miễn phí', '10 USD'), { nil: null }),
        case: text,
      },
      { requiredKeys: ['channel', 'amountVnd', 'unit', 'displayed'] },
    );
    const component = fc.record(
      {
        name: fc.constantFrom('Bản sao điện tử giấy phép', 'Đơn đề nghị', 'Giấy tờ khai thác từ CSDL'),
        originals: fc.option(fc.nat(3), { nil: null }),
        copies: fc.option(fc.nat(3), { nil: null }),
        condition: fc.option(text, { nil: null }),
        submission: fc.constantFrom('nộp', 'xuất trình', 'xuất trình/nộp', null),
        electronicCopy: fc.constantFrom(true, false, null),
      },
      { requiredKeys: ['name', 'originals', 'copies'] },
    );
    const external = fc.record(
      {
        code: fc.constantFrom('1.001193', '2.000635', '9.999999'),
        name: fc.constantFrom('Thủ tục A', 'Thủ tục B'),
        field: fc.option(fc.constant('Hộ tịch'), { nil: null }),
        implementingLevels: fc.subarray(['Cấp tỉnh', 'Cấp xã', 'Cơ quan khác'], { minLength: 1 }),
        competentAuthority: fc.option(fc.constantFrom('Công an cấp Xã', 'Sở Xây dựng'), { nil: null }),
        processingTime: fc.array(time, { maxLength: 6 }),
        fees: fc.array(fee, { maxLength: 4 }),
        dossierComponents: fc.array(component, { maxLength: 3 }),
      },
      { requiredKeys: ['code', 'name', 'implementingLevels', 'processingTime', 'fees', 'dossierComponents'] },
    );
    fc.assert(
      fc.property(fc.array(external, { maxLength: 4 }), (procedures) => {
        const first = parseCatalogueFile({ procedures });
        assert.equal(first.records.length + first.rejected.length, procedures.length);
        const second = parseCatalogueFile(JSON.parse(JSON.stringify(exportCatalogueFile(first.records))));
        assert.deepEqual(second.rejected, []);
        assert.deepEqual(second.records, first.records);
      }),
      { numRuns: 300 },
    );
  });
});
