// A report table read back: the spreadsheet with its Vietnamese headings and numbers as numbers (shares
// as percentages), the PDF's text with the title, the lines, the figures and "—" where there is none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { exportFileName, reportTablePdf, reportTableXlsx, type ReportTable } from './table-export.ts';

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
