import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StaffImportReport } from '../../../common/contracts/staff-import.ts';
import { en } from '../../app/i18n/en.ts';
import { vi } from '../../app/i18n/vi.ts';
import {
  grantWords,
  pageOf,
  problemWords,
  REPORT_PAGE_SIZE,
  reportCsv,
  reportRows,
  reportTotals,
} from './staff-import-rules.ts';

const problem = {
  path: 'rows[1].agencyCode',
  line: 3,
  code: 'STAFF_IMPORT_AGENCY_UNKNOWN',
  message: 'Không có cơ quan đang hoạt động mã "H99".',
  en: 'No agency in operation has the code "H99".',
};
const report: StaffImportReport = {
  dryRun: true,
  rows: 4,
  created: 1,
  grantsAdded: 0,
  unchanged: 1,
  refused: 1,
  items: [
    {
      lines: [2, 4],
      username: 'tran.van.binh',
      fullName: 'Trần Văn Bình',
      outcome: 'create',
      grantsAdded: [{ role: 'desk-officer', agencyCode: 'H26.22.01' }],
      problems: [],
    },
    {
      lines: [3],
      username: 'pham.c',
      fullName: 'Phạm, "Cúc"',
      outcome: 'refused',
      grantsAdded: [],
      problems: [problem],
    },
    { lines: [5], username: 'le.d', fullName: 'Lê D', outcome: 'unchanged', grantsAdded: [], problems: [] },
  ],
};

test('the totals say the rows, the accounts and each outcome there is', () => {
  assert.equal(reportTotals(vi, report), '4 dòng, 3 tài khoản: tạo mới 1, giữ nguyên 1, từ chối 1.');
  assert.equal(reportTotals(en, report), '4 rows, 3 accounts: create 1, unchanged 1, refused 1.');
});

test('the filter keeps the refused or the changed accounts, 50 a page', () => {
  assert.deepEqual(
    reportRows(report.items, 'refused').map((i) => i.username),
    ['pham.c'],
  );
  assert.deepEqual(
    reportRows(report.items, 'changed').map((i) => i.username),
    ['tran.van.binh'],
  );
  assert.equal(reportRows(report.items, 'all').length, 3);
  const many = Array.from({ length: REPORT_PAGE_SIZE * 2 + 1 }, (_, i) => i);
  assert.deepEqual(pageOf(many, 3), { rows: [100], pages: 3 });
  assert.deepEqual(pageOf(many, 9).rows, [100], 'past the end: the last page');
  assert.deepEqual(pageOf([], 1), { rows: [], pages: 1 });
});

test('a problem is the server’s Vietnamese, or its English in English', () => {
  assert.equal(problemWords(vi, problem), problem.message);
  assert.equal(problemWords(en, problem), problem.en);
});

test('the report downloads as CSV Excel reads: a BOM, quoted cells, one line per account', () => {
  const csv = reportCsv(vi, report);
  assert.ok(csv.startsWith('\uFEFFDòng,Tên đăng nhập,Họ và tên,Kết quả,Vai trò thêm,Lỗi\r\n'));
  const lines = csv.slice(1).trimEnd().split('\r\n');
  assert.equal(lines.length, 4);
  assert.equal(lines[1], '2 4,tran.van.binh,Trần Văn Bình,Tạo mới,Cán bộ một cửa (H26.22.01),');
  assert.equal(
    lines[2],
    '3,pham.c,"Phạm, ""Cúc""",Từ chối,,"Dòng 3: Không có cơ quan đang hoạt động mã ""H99""."',
  );
});

test('a role given at the successor of the closed agency the file named says so', () => {
  const g = { role: 'specialist' as const, agencyCode: 'H26.201', namedCode: 'H26.12.05' };
  assert.equal(grantWords(vi, g), 'Chuyên viên xử lý (H26.201, kế thừa H26.12.05)');
  assert.equal(grantWords(en, g), 'Specialist (H26.201, successor of H26.12.05)');
  assert.equal(grantWords(vi, { role: 'leader', agencyCode: 'H26.201' }), 'Lãnh đạo (H26.201)');
});
