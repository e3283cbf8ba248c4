import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FLAG_CODES } from '../../../common/catalog/flags.ts';
import { en } from '../../app/i18n/en.ts';
import { vi } from '../../app/i18n/vi.ts';
import { XLSX_TYPE } from '../org-admin/registry-rules.ts';
import {
  applyCounts,
  catalogueFileKind,
  CatalogueFileError,
  fileReasons,
  filterRows,
  flagText,
  outcomeCounts,
  readCatalogueFile,
  readCatalogueText,
  reportRows,
  type CatalogueImportReport,
} from './catalogue-import-rules.ts';

const problemOf = (text: string) => {
  try {
    readCatalogueText(text);
    return null;
  } catch (error) {
    assert.ok(error instanceof CatalogueFileError);
    return error.problem;
  }
};

test('a file that is not JSON, or JSON that is not a catalogue, is named as such before anything is sent', () => {
  assert.equal(problemOf('Mã TTHC;Tên thủ tục'), 'not-json');
  assert.equal(problemOf(''), 'not-json');
  assert.equal(problemOf('[{"code":"1.000040"}]'), 'not-catalogue');
  assert.equal(problemOf('{"thuTuc":[]}'), 'not-catalogue');
  assert.equal(problemOf('{"procedures":{}}'), 'not-catalogue');
  assert.equal(problemOf('null'), 'not-catalogue');
  assert.equal(problemOf('{"procedures":[]}'), 'empty');
});

test('a catalogue is sent as its text without a byte-order mark, with the names its records give', () => {
  const read = readCatalogueText(
    '\uFEFF{"procedures":[{"code":"1.000040","name":" Cấp giấy phép triển lãm "},{"code":"x"},7]}',
  );
  assert.equal(read.contentType, 'application/json');
  assert.ok(typeof read.body === 'string' && read.body.startsWith('{'));
  assert.deepEqual(read.names, ['Cấp giấy phép triển lãm', null, null]);
});

test('a chosen file is read by its kind: .json checked here, .xlsx sent as its bytes, others refused', async () => {
  assert.equal(catalogueFileKind('Danh mục.JSON'), 'json');
  assert.equal(catalogueFileKind('QĐ 123 công bố.xlsx'), 'xlsx');
  assert.equal(catalogueFileKind('danh-muc.xls'), null);
  const xlsx = Object.assign(new Blob(['PK']), { name: 'cong-bo.xlsx' });
  const sent = await readCatalogueFile(xlsx);
  assert.equal(sent.contentType, XLSX_TYPE);
  assert.equal(sent.body, xlsx);
  const csv = Object.assign(new Blob(['a;b']), { name: 'danh-muc.csv' });
  await assert.rejects(
    readCatalogueFile(csv),
    (e) => e instanceof CatalogueFileError && e.problem === 'unknown-type',
  );
  const json = Object.assign(new Blob(['{"procedures":[{"name":"A"}]}']), { name: 'a.json' });
  assert.deepEqual((await readCatalogueFile(json)).names, ['A']);
});

const flag = (code: string, path: string) => ({ code, path, message: 'Thông điệp của máy chủ' });
const report: CatalogueImportReport = {
  dryRun: true,
  created: 1,
  updated: 0,
  unchanged: 1,
  drafted: 1,
  rejected: [
    { index: -1, reasons: [{ path: '', message: 'Tệp hỏng một phần' }] },
    { index: 3, code: '1.000099', reasons: [{ path: 'processingTime/0/value', message: 'Thiếu số' }] },
  ],
  items: [
    { index: -1, code: '', result: 'rejected' },
    { index: 0, code: '1.000040', result: 'created', version: 1 },
    {
      index: 1,
      code: '1.000066',
      result: 'drafted',
      version: 1,
      flags: [flag('time-unit-missing', 'timeLimits/direct')],
    },
    { index: 2, code: '1.000010', result: 'unchanged' },
    { index: 3, code: '1.000099', result: 'rejected' },
  ],
};

test('the report becomes one row per record, in the file’s order, with its name, flags and every reason', () => {
  const rows = reportRows(report, ['Triển lãm', 'Thi sáng tác', null, 'Hỏng']);
  assert.deepEqual(
    rows.map((r) => [r.index, r.code, r.name, r.outcome, r.version]),
    [
      [0, '1.000040', 'Triển lãm', 'created', 1],
      [1, '1.000066', 'Thi sáng tác', 'drafted', 1],
      [2, '1.000010', null, 'unchanged', null],
      [3, '1.000099', 'Hỏng', 'rejected', null],
    ],
  );
  assert.deepEqual(
    rows.map((r) => r.line),
    [1, 2, 3, 4],
  );
  assert.deepEqual(rows[3]!.reasons, [{ path: 'processingTime/0/value', message: 'Thiếu số' }]);
  assert.deepEqual(fileReasons(report), [{ path: '', message: 'Tệp hỏng một phần' }]);
  assert.deepEqual(outcomeCounts(report), { created: 1, updated: 0, unchanged: 1, drafted: 1, rejected: 1 });
  assert.deepEqual(
    filterRows(rows, 'drafted').map((r) => r.code),
    ['1.000066'],
  );
  assert.equal(filterRows(rows, 'all').length, 4);
});

test('a published list’s rows carry their line in the sheet and the name its report gives', () => {
  const list = {
    ...report,
    rows: [
      { index: 0, line: 5, name: 'Thủ tục cấp giấy phép triển lãm mỹ thuật' },
      { index: 3, line: 8, name: null },
    ],
  };
  const rows = reportRows(list, []);
  assert.deepEqual(
    rows.map((r) => [r.line, r.name]),
    [
      [5, 'Thủ tục cấp giấy phép triển lãm mỹ thuật'],
      [2, null],
      [3, null],
      [8, null],
    ],
  );
});

test('applying says what it will write, and is offered only after a trial that would write something', () => {
  assert.deepEqual(applyCounts(report), { created: 1, updated: 0, drafted: 1 });
  assert.equal(applyCounts({ ...report, dryRun: false }), null);
  assert.equal(applyCounts({ ...report, created: 0, drafted: 0 }), null);
  assert.equal(vi.catalogAdmin.import.apply(1, 0, 1), 'Nhập thật: tạo mới 1, cập nhật 0, 1 bản nháp');
  assert.equal(en.catalogAdmin.import.apply(1, 0, 1), 'Import for real: create 1, update 0, 1 draft');
});

test('every flag is named in words in both languages, with its channel when it is one', () => {
  for (const code of FLAG_CODES) {
    assert.ok(vi.catalogAdmin.import.flags[code], code);
    assert.ok(en.catalogAdmin.import.flags[code], code);
  }
  assert.equal(
    flagText(vi, flag('time-unit-missing', 'timeLimits/direct')),
    'thời hạn giải quyết chưa có đơn vị (kênh trực tiếp)',
  );
  assert.equal(
    flagText(en, flag('time-unit-inferred', 'cases/0/timeLimits/postal')),
    'time unit inferred, to be confirmed (by post)',
  );
  assert.equal(
    flagText(vi, flag('fee-basis-missing', 'feePolicy/basis')),
    'chưa có mức thu và nghị quyết của tỉnh',
  );
  assert.equal(flagText(en, flag('something-new', '')), 'something else to complete');
});
