// Reading uploaded agency code lists (CSV, XLSX). The plan of what they do is agency-import-plan.test.ts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import {
  AGENCY_IMPORT_MAX_BYTES,
  readAgencyCsv,
  readAgencyFile,
  readAgencyXlsx,
  type AgencyFileRead,
} from './agency-import.ts';
import { AGENCY_IMPORT_MAX_ROWS, planAgencyImport, type AgencyImportRow } from './agency-import-plan.ts';
import { buildXlsx } from '../../platform/xlsx.ts';
import { HANOI, hanoiOptions } from './agency-import.test-fixtures.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const BOM = '\uFEFF';

function rowsOf(read: AgencyFileRead): AgencyImportRow[] {
  assert.ok(read.ok, JSON.stringify(read.problems));
  return read.rows;
}

function fileCodes(read: AgencyFileRead): string[] {
  return read.problems.map((p) => p.code);
}

describe('CSV', () => {
  it('reads UTF-8 with a BOM, semicolons, Vietnamese headers, quotes and CRLF', async () => {
    const csv =
      BOM +
      'STT;Mã định danh;Tên cơ quan;Mã cơ quan cấp trên;Cấp\r\n' +
      '1;000.00.00.H26;Ủy ban nhân dân Thành phố Hà Nội;;1\r\n' +
      '2;000.00.22.H26;"Ủy ban nhân dân Quận Hoàn Kiếm; trụ sở ""cũ""";000.00.00.H26;2\r\n' +
      '3;000.12.22.H26;"Ủy ban nhân dân\r\nPhường Hàng Trống";000.00.22.H26;Cấp 3\r\n' +
      ';;;;\r\n' +
      '4; 000.13.22.H26 ;Ủy ban nhân dân Phường Tràng Tiền;000.00.22.H26;\r\n';
    const read = await readAgencyFile(utf8(csv));
    assert.ok(read.ok);
    assert.equal(read.format, 'csv');
    assert.deepEqual(read.problems, []);
    assert.deepEqual(read.rows, [
      {
        line: 2,
        code: '000.00.00.H26',
        name: 'Ủy ban nhân dân Thành phố Hà Nội',
        parentCode: null,
        level: 1,
        oldCode: null,
      },
      {
        line: 3,
        code: '000.00.22.H26',
        name: 'Ủy ban nhân dân Quận Hoàn Kiếm; trụ sở "cũ"',
        parentCode: '000.00.00.H26',
        level: 2,
        oldCode: null,
      },
      {
        line: 4,
        code: '000.12.22.H26',
        name: 'Ủy ban nhân dân\r\nPhường Hàng Trống',
        parentCode: '000.00.22.H26',
        level: 3,
        oldCode: null,
      },
      // The quoted line break moved this record to line 7; the blank record (line 6) is skipped.
      {
        line: 7,
        code: '000.13.22.H26',
        name: 'Ủy ban nhân dân Phường Tràng Tiền',
        parentCode: '000.00.22.H26',
        level: null,
        oldCode: null,
      },
    ]);
  });

  it('reads commas and English headers under a title, without a BOM', () => {
    const csv = [
      'DANH SÁCH MÃ ĐỊNH DANH ĐIỆN TỬ (kèm theo Quyết định số 4078/QĐ-UBND),,,,',
      '',
      'Code,Name,Parent code,Level,Old code',
      'H26,Ủy ban nhân dân Thành phố Hà Nội,,1,000.00.00.H26',
      'H26.101,"Trung tâm Phục vụ hành chính công, Thành phố Hà Nội",H26,2,000.00.01.H26',
    ].join('\n');
    const rows = rowsOf(readAgencyCsv(utf8(csv)));
    assert.deepEqual(
      rows.map((r) => [r.line, r.code, r.parentCode, r.level, r.oldCode]),
      [
        [4, 'H26', null, 1, '000.00.00.H26'],
        [5, 'H26.101', 'H26', 2, '000.00.01.H26'],
      ],
    );
    assert.equal(rows[1]!.name, 'Trung tâm Phục vụ hành chính công, Thành phố Hà Nội');
  });

  it('headers match without case or diacritics: "MA DINH DANH", "ten co quan", "Mã cũ"', () => {
    const csv = 'MA DINH DANH;ten co quan;CAP;Mã cũ\nH26.16;Sở Tư pháp;2;000.00.02.H26\n';
    assert.deepEqual(rowsOf(readAgencyCsv(utf8(csv))), [
      { line: 2, code: 'H26.16', name: 'Sở Tư pháp', parentCode: null, level: 2, oldCode: '000.00.02.H26' },
    ]);
  });

  it('reads the UTF-16 tab-separated text Excel saves as "Unicode text"', () => {
    const text = '\uFEFFMã định danh\tTên cơ quan\r\nH26.16\tSở Tư pháp\r\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i += 1) {
      bytes[2 * i] = text.charCodeAt(i) & 0xff;
      bytes[2 * i + 1] = text.charCodeAt(i) >> 8;
    }
    assert.deepEqual(
      rowsOf(readAgencyCsv(bytes)).map((r) => [r.code, r.name]),
      [['H26.16', 'Sở Tư pháp']],
    );
  });

  it('a level cell that is not a number is a problem of its row, not of the file', () => {
    const read = readAgencyCsv(utf8('code,name,level\nH26,UBND,1\nH26.16,Sở Tư pháp,hai\n'));
    assert.ok(read.ok);
    assert.equal(read.rows[1]!.level, null);
    assert.deepEqual(
      read.problems.map((p) => [p.path, p.row, p.line, p.code]),
      [['rows[1].level', 1, 3, 'AGENCY_LEVEL_INVALID']],
    );
    // The plan turns it into an error of that row.
    const plan = planAgencyImport(read.rows, [], { ...hanoiOptions, readProblems: read.problems });
    assert.equal(plan.ok, false);
    assert.deepEqual(
      plan.items.map((i) => i.outcome),
      ['create', 'error'],
    );
    assert.deepEqual(
      plan.problems.map((p) => p.path),
      ['rows[1].level'],
    );
  });

  it('refuses what is not a code list, with the reason', () => {
    const cases: [string | Uint8Array, string, string][] = [
      ['STT;Tên;Ghi chú\n1;x;y\n', 'AGENCY_IMPORT_NO_HEADER', 'header'],
      ['Mã định danh;Tên cơ quan;Code\nH26;x;H26\n', 'AGENCY_IMPORT_DUPLICATE_COLUMN', 'header'],
      ['code;name\nH26;"UBND\n', 'AGENCY_IMPORT_CSV_QUOTE', 'file'],
      // "Hà Nội" in Windows-1258 (à = E0, ộ = D2 + composed dot): not UTF-8.
      [
        new Uint8Array([
          0x63, 0x6f, 0x64, 0x65, 0x3b, 0x6e, 0x61, 0x6d, 0x65, 0x0a, 0x48, 0xe0, 0x20, 0x4e, 0xd2, 0x69,
        ]),
        'AGENCY_IMPORT_NOT_UTF8',
        'file',
      ],
    ];
    for (const [input, code, path] of cases) {
      const read = readAgencyCsv(typeof input === 'string' ? utf8(input) : input);
      assert.equal(read.ok, false, code);
      assert.deepEqual(fileCodes(read), [code]);
      assert.equal(read.problems[0]!.path, path);
      assert.ok(read.problems[0]!.message.length > 0 && read.problems[0]!.en.length > 0);
    }
  });

  it('refuses .xls by content, whatever the name', async () => {
    const read = await readAgencyFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    assert.deepEqual(fileCodes(read), ['AGENCY_IMPORT_XLS']);
  });

  it('caps the file at 5 MB and 20,000 rows', async () => {
    const big = new Uint8Array(AGENCY_IMPORT_MAX_BYTES + 1).fill(0x41);
    assert.deepEqual(fileCodes(await readAgencyFile(big)), ['AGENCY_IMPORT_FILE_TOO_LARGE']);
    assert.deepEqual(fileCodes(readAgencyCsv(big)), ['AGENCY_IMPORT_FILE_TOO_LARGE']);
    assert.match((await readAgencyFile(big)).problems[0]!.en, /5\.0 MB, at most 5\.0 MB/);
    const body = (n: number) =>
      'code;name\n' + Array.from({ length: n }, (_, i) => `H26.${i + 1};Cơ quan ${i + 1}`).join('\n');
    const atLimit = readAgencyCsv(utf8(body(AGENCY_IMPORT_MAX_ROWS)));
    assert.ok(atLimit.ok);
    assert.equal(atLimit.rows.length, AGENCY_IMPORT_MAX_ROWS);
    const over = readAgencyCsv(utf8(body(AGENCY_IMPORT_MAX_ROWS + 1)));
    assert.deepEqual(fileCodes(over), ['AGENCY_IMPORT_TOO_MANY_ROWS']);
    assert.match(over.problems[0]!.en, /20001 data rows, at most 20000/);
  });
});

describe('XLSX', () => {
  async function book(fill: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    fill(wb);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('reads a sheet built with ExcelJS: title row, Vietnamese headers, numbers, rich text, formulas', async () => {
    const bytes = await book((wb) => {
      wb.addWorksheet('Bìa').addRow(['Danh sách kèm theo Quyết định 4078/QĐ-UBND']);
      const ws = wb.addWorksheet('Danh sách');
      ws.addRow(['DANH SÁCH MÃ ĐỊNH DANH ĐIỆN TỬ']);
      ws.mergeCells('A1:E1');
      ws.addRow([]);
      ws.addRow(['STT', 'MÃ ĐỊNH DANH', 'Tên cơ quan', 'Mã cơ quan cấp trên', 'Cấp']);
      ws.addRow([1, 'H26', 'Ủy ban nhân dân Thành phố Hà Nội', null, 1]);
      ws.addRow([
        2,
        'H26.101',
        { richText: [{ text: 'Trung tâm Phục vụ ', font: { bold: true } }, { text: 'hành chính công' }] },
        'H26',
        { formula: '1+1', result: 2 },
      ]);
      ws.addRow([
        3,
        { text: 'H26.101.02', hyperlink: 'https://example.invalid/H26.101.02' },
        'Chi nhánh số 2',
        'H26.101',
        3,
      ]);
    });
    const read = await readAgencyFile(bytes);
    assert.ok(read.ok, JSON.stringify(read.problems));
    assert.equal(read.format, 'xlsx');
    assert.deepEqual(read.rows, [
      {
        line: 4,
        code: 'H26',
        name: 'Ủy ban nhân dân Thành phố Hà Nội',
        parentCode: null,
        level: 1,
        oldCode: null,
      },
      {
        line: 5,
        code: 'H26.101',
        name: 'Trung tâm Phục vụ hành chính công',
        parentCode: 'H26',
        level: 2,
        oldCode: null,
      },
      { line: 6, code: 'H26.101.02', name: 'Chi nhánh số 2', parentCode: 'H26.101', level: 3, oldCode: null },
    ]);
    const plan = planAgencyImport(read.rows, [], hanoiOptions);
    assert.ok(plan.ok);
    assert.deepEqual(plan.totals, { create: 3, recode: 0, move: 0, rename: 0, unchanged: 0, error: 0 });
  });

  it('reads the workbooks motcua itself writes (platform/xlsx.ts)', async () => {
    const bytes = await buildXlsx({
      sheetName: 'Mã định danh',
      title: 'Mã định danh',
      created: new Date('2026-01-01T00:00:00Z'),
      packagedAt: new Date('2026-01-01T00:00:00Z'),
      columns: [
        { header: 'Mã định danh', width: 16 },
        { header: 'Tên cơ quan', width: 40 },
        { header: 'Mã cũ', width: 16 },
      ],
      rows: HANOI.filter((a) => a.validTo === null).map((a) => [a.code, a.name, undefined]),
    });
    const rows = rowsOf(await readAgencyXlsx(new Uint8Array(bytes)));
    const plan = planAgencyImport(rows, HANOI, hanoiOptions);
    assert.ok(plan.ok, JSON.stringify(plan.problems));
    // All as they are, but the board linked by hand under the Sở Tư pháp: its code puts it under the city.
    assert.deepEqual(plan.totals, { create: 0, recode: 0, move: 1, rename: 0, unchanged: 6, error: 0 });
    assert.deepEqual(
      plan.items
        .filter((i) => i.outcome === 'move')
        .map((i) => [i.code, i.parentCode, i.current?.parentCode]),
      [['000.00.30.H26', '000.00.00.H26', '000.00.02.H26']],
    );
  });

  it('refuses a sheet without a header, a broken ZIP and a ZIP bomb', async () => {
    const noHeader = await book((wb) => wb.addWorksheet('A').addRow(['x', 'y']));
    assert.deepEqual(fileCodes(await readAgencyFile(noHeader)), ['AGENCY_IMPORT_NO_HEADER']);
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]);
    assert.deepEqual(fileCodes(await readAgencyFile(broken)), ['AGENCY_IMPORT_XLSX_UNREADABLE']);
    // 101 MB of zeros compress to about 100 kB.
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(101 * 1024 * 1024) }, { level: 1 });
    assert.ok(bomb.length < AGENCY_IMPORT_MAX_BYTES);
    assert.deepEqual(fileCodes(await readAgencyFile(bomb)), ['AGENCY_IMPORT_XLSX_TOO_LARGE']);
  });
});
