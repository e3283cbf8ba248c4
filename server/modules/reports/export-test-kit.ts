// Reading a report's `format=xlsx|pdf` answer back in route tests: the download's headers, the workbook's
// sheets through ExcelJS, the PDF's text through poppler's `pdftotext -layout` (tests of the PDF are
// skipped with a reason where poppler is missing, and fail on CI: slips/test-poppler.ts).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type FileAnswer = { statusCode: number; body: string; headers: Record<string, unknown>; rawPayload: Buffer };

/** A 200 download of the kind asked for, named `<name>-<yyyyMMddHHmmss>.<ext>`. */
export function assertDownload(res: FileAnswer, format: 'xlsx' | 'pdf', name: RegExp): Buffer {
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(
    String(res.headers['content-type']).split(';')[0],
    format === 'xlsx' ? XLSX : 'application/pdf',
  );
  const disposition = String(res.headers['content-disposition']);
  const file = /^attachment; filename="([^"]+)"$/.exec(disposition)?.[1] ?? '';
  assert.match(file, new RegExp(`^${name.source}-\\d{14}\\.${format}$`), disposition);
  return res.rawPayload;
}

/** The workbook's sheets, in order. */
export async function sheetsOf(bytes: Buffer): Promise<ExcelJS.Worksheet[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book.worksheets;
}

/** A sheet's row as values (1-based columns from 1 to `width`); empty cells are null. */
export function rowValues(sheet: ExcelJS.Worksheet, row: number, width = sheet.columnCount): unknown[] {
  const r = sheet.getRow(row);
  return Array.from({ length: width }, (_, i) => r.getCell(i + 1).value ?? null);
}

/** The first row below the header whose cells (1-based column → text) read so; its number, or fails. */
export function findRow(sheet: ExcelJS.Worksheet, cells: Record<number, string>): number {
  for (let i = 2; i <= sheet.rowCount; i++) {
    const row = sheet.getRow(i);
    if (Object.entries(cells).every(([c, text]) => row.getCell(Number(c)).text === text)) return i;
  }
  assert.fail(`no row of ${sheet.name} with ${JSON.stringify(cells)}`);
}

/** `pdftotext -layout` of the whole document, NFC. */
export const layoutText = (pdf: Buffer): string =>
  execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf })
    .toString('utf8')
    .normalize('NFC');
