// A report table read back: the spreadsheet with its Vietnamese headings and numbers as numbers (shares
// as percentages), the PDF's text with the title, the lines, the figures and "—" where there is none;
// a table's further sections on sheets of their own and under their headings in the PDF.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import {
  asOfLine,
  compactDay,
  exportFileName,
  periodLine,
  reportTablePdf,
  reportTableXlsx,
  scopeUnitName,
  type ReportTable,
} from './table-export.ts';

const table: ReportTable = {
  title: 'Chỉ tiêu điều hành theo mục tiêu',
  lines: ['Kỳ báo cáo: Quý IV năm 2026', 'Số liệu tính đến 09:00 ngày 10/01/2027'],
  unitName: 'Ủy ban nhân dân thành phố Hà Nội',
  columns: [
    { header: 'Chỉ tiêu', width: 40 },
    { header: 'Số hồ sơ', width: 12, kind: 'number' },
    { header: 'Tỷ lệ', width: 12, kind: 'percent' },
  ],
  rows: [
    ['Hồ sơ đồng bộ lên Cổng DVCQG', 1234, 0.987],
    ['Hồ sơ thanh toán trực tuyến', 17, null],
  ],
  createdAt: new Date('2027-01-10T02:00:00Z'),
  sheetName: 'chi-tieu',
};

test('the spreadsheet: headings, numbers as numbers, shares formatted as percentages, the same bytes twice', async () => {
  const bytes = await reportTableXlsx(table);
  assert.deepEqual(bytes, await reportTableXlsx(table));
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  assert.deepEqual(
    [1, 2, 3].map((c) => sheet.getRow(1).getCell(c).text),
    ['Chỉ tiêu', 'Số hồ sơ', 'Tỷ lệ'],
  );
  assert.equal(sheet.getRow(2).getCell(2).value, 1234);
  assert.equal(sheet.getRow(2).getCell(3).value, 0.987);
  assert.equal(sheet.getRow(2).getCell(3).numFmt, '0.0%');
  assert.equal(sheet.getRow(3).getCell(3).value, null);
  assert.equal(book.title, 'Chỉ tiêu điều hành theo mục tiêu — Ủy ban nhân dân thành phố Hà Nội');
});

test('the PDF: the unit, the title, the lines and every figure, with diacritics', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'table-pdf-'));
  try {
    const file = path.join(dir, 't.pdf');
    fs.writeFileSync(file, await reportTablePdf(table));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const s of [
      'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI',
      'CHỈ TIÊU ĐIỀU HÀNH THEO MỤC TIÊU',
      'Kỳ báo cáo: Quý IV năm 2026',
      'Hồ sơ đồng bộ lên Cổng DVCQG',
      '1.234',
      '98,7 %',
      '—',
    ]) {
      assert.ok(text.includes(s), `${s} in\n${text}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  assert.equal(exportFileName(table, 'pdf'), 'chi-tieu-20270110090000.pdf');
});

const sectioned: ReportTable = {
  ...table,
  heading: 'Toàn phạm vi',
  columns: [
    { header: 'Chỉ tiêu', width: 40 },
    { header: 'Điểm', width: 10, kind: 'decimal' },
  ],
  rows: [['Mức độ hài lòng', 16.44]],
  sections: [
    {
      heading: 'Theo cơ quan tiếp nhận',
      sheetName: 'Theo cơ quan: [Q4]',
      columns: [
        { header: 'Cơ quan', width: 30 },
        { header: 'Tỷ lệ', width: 10, kind: 'percent' },
      ],
      rows: [['Ủy ban nhân dân phường Hoàn Kiếm', 0.5]],
    },
    {
      heading: 'Xu hướng 12 tháng',
      sheetName: 'Xu hướng 12 tháng',
      columns: [
        { header: 'Tháng', width: 10 },
        { header: 'Hồ sơ', width: 10, kind: 'number' },
      ],
      rows: [['11/2026', 7]],
    },
  ],
};

test('sections: a sheet each after the first, with their own headings and formats; points with two decimals', async () => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await reportTableXlsx(sectioned)) as unknown as ArrayBuffer);
  assert.deepEqual(
    book.worksheets.map((s) => s.name),
    ['chi-tieu', 'Theo cơ quan- -Q4-', 'Xu hướng 12 tháng'],
  );
  const [first, agencies, trend] = book.worksheets as [
    ExcelJS.Worksheet,
    ExcelJS.Worksheet,
    ExcelJS.Worksheet,
  ];
  assert.equal(first.getRow(2).getCell(2).value, 16.44);
  assert.equal(first.getRow(2).getCell(2).numFmt, '#,##0.00');
  assert.equal(agencies.getRow(1).getCell(1).text, 'Cơ quan');
  assert.equal(agencies.getRow(2).getCell(2).value, 0.5);
  assert.equal(agencies.getRow(2).getCell(2).numFmt, '0.0%');
  assert.equal(trend.getRow(2).getCell(2).value, 7);
  assert.equal(trend.getRow(2).getCell(2).numFmt, '#,##0');
});

test('sections in the PDF: each table under its heading, in order', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'table-pdf-'));
  try {
    const file = path.join(dir, 't.pdf');
    fs.writeFileSync(file, await reportTablePdf(sectioned));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const at = [
      'Toàn phạm vi',
      '16,44',
      'Theo cơ quan tiếp nhận',
      '50 %',
      'Xu hướng 12 tháng',
      '11/2026',
    ].map((s) => [s, text.indexOf(s)] as const);
    for (const [s, i] of at) assert.ok(i >= 0, `${s} in\n${text}`);
    assert.deepEqual(
      at.map(([, i]) => i),
      at.map(([, i]) => i).toSorted((a, b) => a - b),
      'in order',
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the words of the title block', () => {
  assert.equal(periodLine('2026-11-01', '2026-11-30'), 'Từ ngày 01/11/2026 đến ngày 30/11/2026');
  assert.equal(asOfLine('2026-11-06T03:05:00Z'), 'Số liệu tính đến 10:05 ngày 06/11/2026');
  assert.equal(compactDay('2026-11-01'), '20261101');
  const ward = { name: 'Ủy ban nhân dân phường Hoàn Kiếm', unitName: 'Phường Hoàn Kiếm' };
  assert.equal(scopeUnitName([ward]), ward.name);
  assert.equal(scopeUnitName([ward, { ...ward, name: 'Công an phường Hoàn Kiếm' }]), 'Phường Hoàn Kiếm');
  assert.equal(scopeUnitName([]), 'Các cơ quan');
});
