import assert from 'node:assert/strict';
import { test } from 'node:test';
import { XLSX_MEDIA_TYPE, type AgencyImportPlanView } from '../../../common/contracts/org-registry.ts';
import { AGENCY_KINDS } from '../../../common/contracts/org.ts';
import { ApiError } from '../../app/http.ts';
import { pageOfRows, REPORT_PAGE_SIZE as PLAN_PAGE_SIZE } from '../../app/paging.ts';
import { en } from '../../app/i18n/en.ts';
import { vi } from '../../app/i18n/vi.ts';
import {
  AGENCY_KIND_CHOICES,
  agencyChanges,
  fileProblems,
  formFailure,
  importMediaType,
  planRows,
  problemText,
  XLSX_TYPE,
} from './registry-rules.ts';

test('the new agency form offers every kind the server knows', () => {
  assert.deepEqual([...AGENCY_KIND_CHOICES].sort(), [...AGENCY_KINDS].sort());
});

test('a chosen list is sent as a workbook when it is .xlsx, else as CSV (the server reads the bytes)', () => {
  assert.equal(XLSX_TYPE, XLSX_MEDIA_TYPE);
  assert.equal(importMediaType('Mã định danh Hà Nội.XLSX'), XLSX_TYPE);
  assert.equal(importMediaType('ma-dinh-danh.csv'), 'text/csv');
  assert.equal(importMediaType('ma-dinh-danh.xls'), 'text/csv');
  assert.equal(importMediaType('danh sach'), 'text/csv');
});

test('an edit sends only what changed: the name tidied, the code trimmed, the parent when another is chosen', () => {
  const now = { code: 'H26.101', name: 'Ủy ban nhân dân Phường Ba Đình', parentCode: 'H26' };
  assert.equal(
    agencyChanges(now, { name: ' Ủy ban nhân dân  Phường Ba Đình ', code: 'H26.101 ', parentCode: 'H26' }),
    null,
  );
  assert.equal(agencyChanges(now, { name: now.name, code: now.code, parentCode: null }), null);
  assert.deepEqual(
    agencyChanges(now, {
      name: 'Ủy ban nhân dân phường Ba Đình',
      code: '000.01.00.H26',
      parentCode: 'H26.08',
    }),
    { name: 'Ủy ban nhân dân phường Ba Đình', code: '000.01.00.H26', parentCode: 'H26.08' },
  );
  assert.deepEqual(agencyChanges(now, { name: now.name, code: 'H26.201', parentCode: 'H26' }), {
    code: 'H26.201',
  });
});

test('a refusal is shown beside the fields it names, the rest and the error itself in the summary', () => {
  const refused = new ApiError({
    status: 400,
    code: 'VALIDATION_FAILED',
    message: 'Thông tin cơ quan chưa hợp lệ; xem từng mục được nêu.',
    details: [
      { path: 'body/code', message: 'Mã H29.500 thuộc mã cấp 1 H29, không phải H26.' },
      { path: 'body/kind', message: 'Phường đã có trung tâm.' },
    ],
  });
  assert.deepEqual(formFailure(vi, refused, ['code', 'name'] as const), {
    fields: { code: 'Mã H29.500 thuộc mã cấp 1 H29, không phải H26.' },
    general: ['Phường đã có trung tâm.'],
  });
  const closed = new ApiError({
    status: 409,
    code: 'CONFLICT',
    message: 'Chưa đóng được cơ quan H26.997: còn 2 hồ sơ đang giải quyết.',
    details: [{ path: 'openDossiers', message: '2 hồ sơ đang giải quyết.' }],
  });
  assert.deepEqual(formFailure(vi, closed, ['closedOn'] as const), {
    fields: {},
    general: ['Chưa đóng được cơ quan H26.997: còn 2 hồ sơ đang giải quyết.', '2 hồ sơ đang giải quyết.'],
  });
  // In English the server's Vietnamese is not shown: the words for its code are.
  assert.equal(
    formFailure(en, closed, ['closedOn'] as const).general[0],
    en.errors.byCode.CONFLICT ?? en.errors.generic,
  );
});

const item = (row: number, outcome: AgencyImportPlanView['items'][number]['outcome']) => ({
  row,
  line: row + 2,
  code: `H26.${row}`,
  name: `Cơ quan ${row}`,
  level: 2,
  parentCode: 'H26',
  outcome,
  current: null,
  changes: [],
  kind: null,
  unitCode: null,
  problems:
    outcome === 'error'
      ? [
          {
            path: `rows[${row}].code`,
            row,
            line: row + 2,
            code: 'X',
            message: `Dòng ${row + 2} sai`,
            en: `Line ${row + 2} is wrong`,
          },
        ]
      : [],
});

test('the table shows every row, or those with problems, or those with changes, 50 a page', () => {
  const outcomes = ['create', 'unchanged', 'error', 'recode', 'unchanged', 'move', 'rename'] as const;
  const items = Array.from({ length: 120 }, (_, i) => item(i, outcomes[i % outcomes.length]!));
  const plan: AgencyImportPlanView = {
    ok: false,
    applied: false,
    provinceCode: '01',
    level1: 'H26',
    asOf: '2026-11-20',
    format: 'csv',
    totals: { create: 0, recode: 0, move: 0, rename: 0, unchanged: 0, error: 0 },
    items,
    problems: [
      { path: 'file', row: null, line: null, code: 'F', message: 'Tệp sai', en: 'The file is wrong' },
      ...items.flatMap((i) => i.problems),
    ],
  };
  assert.equal(planRows(plan, 'all').length, 120);
  assert.ok(planRows(plan, 'problems').every((i) => i.outcome === 'error'));
  assert.equal(planRows(plan, 'problems').length, 17);
  assert.equal(planRows(plan, 'changes').length, 120 - 17 - 34);
  const last = pageOfRows(planRows(plan, 'all'), 3);
  assert.deepEqual([last.pages, last.rows.length, last.rows[0]!.row], [3, 20, 2 * PLAN_PAGE_SIZE]);
  assert.deepEqual(pageOfRows([], 4), { rows: [], pages: 1 });
  assert.equal(pageOfRows(planRows(plan, 'all'), 9).rows[0]!.row, 100, 'a page past the end shows the last');
  assert.deepEqual(
    fileProblems(plan).map((p) => problemText(vi, p)),
    ['Tệp sai'],
  );
  assert.equal(problemText(en, items[2]!.problems[0]!), 'Line 4 is wrong');
});
