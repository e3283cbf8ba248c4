// Reading an uploaded list of a province's electronic agency codes: CSV (UTF-8 with or without BOM, or the
// UTF-16 "Unicode text" Excel saves; comma, semicolon or tab separated; RFC 4180 quotes) or XLSX (the first
// sheet with a header row). Headers are Vietnamese or English, compared without case or diacritics; a
// title above the header row is skipped. What the rows mean is agency-import-plan.ts.
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { foldVietnamese } from '../../../common/text/fold.ts';
import {
  AGENCY_IMPORT_MAX_ROWS,
  AGENCY_MAX_LEVEL,
  type AgencyImportRow,
  type ImportProblem,
} from './agency-import-plan.ts';

export const AGENCY_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** What an XLSX of at most 5 MB may unpack to; more is a ZIP bomb, not a code list. */
export const AGENCY_IMPORT_MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;
/** How many rows at the top may come before the header row (a title, a decision number …). */
const HEADER_SEARCH_ROWS = 10;

export type AgencyFileRead =
  | { ok: true; format: 'csv' | 'xlsx'; rows: AgencyImportRow[]; problems: ImportProblem[] }
  | { ok: false; problems: ImportProblem[] };

type Column = 'code' | 'name' | 'parentCode' | 'level' | 'oldCode';

// Folded header texts (foldVietnamese, dots as spaces) and the column each names.
const HEADERS: Record<Column, readonly string[]> = {
  code: [
    'code',
    'agency code',
    'ma',
    'ma dinh danh',
    'ma dinh danh dien tu',
    'ma dinh danh co quan',
    'ma dinh danh dien tu co quan',
    'ma dinh danh dien tu cua co quan',
    'ma co quan',
    'ma moi',
    'ma dinh danh moi',
    'new code',
  ],
  name: [
    'name',
    'agency name',
    'ten',
    'ten co quan',
    'ten don vi',
    'ten co quan don vi',
    'ten co quan to chuc',
  ],
  parentCode: [
    'parent',
    'parent code',
    'parentcode',
    'ma cap tren',
    'ma co quan cap tren',
    'ma don vi cap tren',
    'ma dinh danh cap tren',
    'ma dinh danh co quan cap tren',
    'ma co quan chu quan',
  ],
  level: ['level', 'cap', 'cap co quan'],
  oldCode: ['old code', 'oldcode', 'previous code', 'ma cu', 'ma dinh danh cu', 'ma co quan cu'],
};

const headerKey = (text: string): string =>
  foldVietnamese(text).replace(/\./g, ' ').replace(/\s+/g, ' ').trim();

const COLUMN_OF = new Map<string, Column>(
  (Object.entries(HEADERS) as [Column, readonly string[]][]).flatMap(([col, names]) =>
    names.map((n) => [n, col] as const),
  ),
);

/** A row of cells as read, with its line (CSV) or row number (XLSX). */
type RawRow = { line: number; cells: string[] };

function fileProblem(code: string, vi: string, en: string): ImportProblem {
  return { path: 'file', row: null, line: null, code, message: vi, en };
}

function failed(...problems: ImportProblem[]): AgencyFileRead {
  return { ok: false, problems };
}

const isBlank = (r: RawRow): boolean => r.cells.every((c) => c.trim() === '');

type Header = { at: number; columns: Map<Column, number> } | { at: number; duplicate: Column };

// The header row: the first of the top rows that names both the code and the name column.
function findHeader(rows: RawRow[]): Header | null {
  const top = rows.filter((r) => !isBlank(r)).slice(0, HEADER_SEARCH_ROWS);
  for (const r of top) {
    const columns = new Map<Column, number>();
    for (const [i, cell] of r.cells.entries()) {
      const col = COLUMN_OF.get(headerKey(cell));
      if (!col) continue;
      if (columns.has(col)) return { at: rows.indexOf(r), duplicate: col };
      columns.set(col, i);
    }
    if (columns.has('code') && columns.has('name')) return { at: rows.indexOf(r), columns };
  }
  return null;
}

// A level cell: "2", 2, "Cấp 2".
function readLevel(text: string): number | 'invalid' | null {
  const t = headerKey(text).replace(/^cap /, '');
  if (t === '') return null;
  if (!/^\d{1,2}$/.test(t)) return 'invalid';
  const n = Number(t);
  return n >= 1 && n <= AGENCY_MAX_LEVEL ? n : 'invalid';
}

function rowsFromTable(table: RawRow[], format: 'csv' | 'xlsx'): AgencyFileRead {
  const header = findHeader(table);
  if (!header) {
    const first = table.find((r) => !isBlank(r));
    const seen = first ? first.cells.filter((c) => c.trim() !== '').join(' | ') : '';
    return failed({
      ...fileProblem(
        'AGENCY_IMPORT_NO_HEADER',
        `Không thấy dòng tiêu đề có cột "Mã định danh" và "Tên cơ quan" trong ${HEADER_SEARCH_ROWS} dòng đầu` +
          (seen ? ` (dòng đầu: ${seen}).` : '.'),
        `No header row with a "code" and a "name" column in the first ${HEADER_SEARCH_ROWS} rows` +
          (seen ? ` (first row: ${seen}).` : '.'),
      ),
      path: 'header',
    });
  }
  if ('duplicate' in header) {
    const names = HEADERS[header.duplicate].join('", "');
    return failed({
      ...fileProblem(
        'AGENCY_IMPORT_DUPLICATE_COLUMN',
        `Dòng tiêu đề có hai cột cùng nghĩa ("${names}"): giữ một cột.`,
        `The header row has two columns of the same meaning ("${names}"): keep one.`,
      ),
      path: 'header',
      line: table[header.at]?.line ?? null,
    });
  }
  const data = table.slice(header.at + 1).filter((r) => !isBlank(r));
  if (data.length > AGENCY_IMPORT_MAX_ROWS) {
    return failed({
      ...fileProblem(
        'AGENCY_IMPORT_TOO_MANY_ROWS',
        `Tệp có ${data.length} dòng dữ liệu, tối đa ${AGENCY_IMPORT_MAX_ROWS}: chia thành nhiều tệp.`,
        `The file has ${data.length} data rows, at most ${AGENCY_IMPORT_MAX_ROWS}: split it.`,
      ),
      path: 'rows',
    });
  }
  const cell = (r: RawRow, col: Column): string => {
    const i = header.columns.get(col);
    return i === undefined ? '' : (r.cells[i] ?? '').trim();
  };
  const problems: ImportProblem[] = [];
  const rows = data.map((r, index): AgencyImportRow => {
    const levelText = cell(r, 'level');
    const level = readLevel(levelText);
    if (level === 'invalid') {
      problems.push({
        path: `rows[${index}].level`,
        row: index,
        line: r.line,
        code: 'AGENCY_LEVEL_INVALID',
        message: `Cấp "${levelText}" không phải số từ 1 đến ${AGENCY_MAX_LEVEL}.`,
        en: `Level "${levelText}" is not a number from 1 to ${AGENCY_MAX_LEVEL}.`,
      });
    }
    return {
      line: r.line,
      code: cell(r, 'code'),
      name: cell(r, 'name'),
      parentCode: cell(r, 'parentCode') || null,
      level: level === 'invalid' ? null : level,
      oldCode: cell(r, 'oldCode') || null,
    };
  });
  return { ok: true, format, rows, problems };
}

// ── CSV ─────────────────────────────────────────────────────────────────────────────────────────

function decodeText(bytes: Uint8Array): string | ImportProblem {
  const bom16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : null;
  try {
    // A BOM is dropped by the decoder (ignoreBOM: false).
    return new TextDecoder(bom16 ?? 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fileProblem(
      'AGENCY_IMPORT_NOT_UTF8',
      'Tệp CSV không phải mã UTF-8 (có thể là TCVN3 hoặc Windows-1258): trong Excel chọn lưu "CSV UTF-8".',
      'The CSV file is not UTF-8 (perhaps TCVN3 or Windows-1258): in Excel, save as "CSV UTF-8".',
    );
  }
}

/** RFC 4180 records, quotes doubled inside quoted fields; each record with the line it starts on. */
function parseCsv(text: string, delimiter: string): RawRow[] | ImportProblem {
  const rows: RawRow[] = [];
  let cells: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let quoteLine = 0;
  let i = 0;
  const endRecord = (): void => {
    cells.push(field);
    rows.push({ line: start, cells });
    cells = [];
    field = '';
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else {
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line += 1;
        field += c;
      }
      i += 1;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      quoteLine = line;
    } else if (c === delimiter) {
      cells.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      start = line;
    } else field += c;
    i += 1;
  }
  if (quoted) {
    return {
      ...fileProblem(
        'AGENCY_IMPORT_CSV_QUOTE',
        `Dấu ngoặc kép mở ở dòng ${quoteLine} không được đóng.`,
        `The quote opened on line ${quoteLine} is never closed.`,
      ),
      line: quoteLine,
    };
  }
  if (field !== '' || cells.length > 0) endRecord();
  return rows;
}

/** Reads a CSV code list; the separator is whichever of `;`, `,` and tab gives a header row. */
export function readAgencyCsv(bytes: Uint8Array): AgencyFileRead {
  if (bytes.length > AGENCY_IMPORT_MAX_BYTES) return failed(tooLarge(bytes.length));
  const text = decodeText(bytes);
  if (typeof text !== 'string') return failed(text);
  let best: AgencyFileRead | null = null;
  let bestColumns = 0;
  for (const delimiter of [';', ',', '\t']) {
    const table = parseCsv(text, delimiter);
    if (!Array.isArray(table)) return failed(table);
    const header = findHeader(table);
    if (!header || 'duplicate' in header) {
      best ??= rowsFromTable(table, 'csv');
      continue;
    }
    if (header.columns.size > bestColumns) {
      bestColumns = header.columns.size;
      best = rowsFromTable(table, 'csv');
    }
  }
  return best!;
}

// ── XLSX ────────────────────────────────────────────────────────────────────────────────────────

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return v.result === undefined ? '' : cellText(v.result);
  if ('hyperlink' in v) return cellText(v.text); // the text may itself be rich text
  return ''; // an error value (#N/A …)
}

/** Reads an XLSX code list: the first sheet that has a header row. */
export async function readAgencyXlsx(bytes: Uint8Array): Promise<AgencyFileRead> {
  if (bytes.length > AGENCY_IMPORT_MAX_BYTES) return failed(tooLarge(bytes.length));
  const unreadable = fileProblem(
    'AGENCY_IMPORT_XLSX_UNREADABLE',
    'Không đọc được tệp Excel (.xlsx).',
    'The Excel file (.xlsx) cannot be read.',
  );
  // The declared sizes of the parts, read without unpacking them (the filter declines every file).
  let unzipped = 0;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        unzipped += f.originalSize;
        return false;
      },
    });
  } catch {
    return failed(unreadable);
  }
  if (unzipped > AGENCY_IMPORT_MAX_UNZIPPED_BYTES) {
    return failed(
      fileProblem(
        'AGENCY_IMPORT_XLSX_TOO_LARGE',
        `Tệp Excel giải nén ra ${Math.ceil(unzipped / 1048576)} MB, tối đa ${AGENCY_IMPORT_MAX_UNZIPPED_BYTES / 1048576} MB.`,
        `The Excel file unpacks to ${Math.ceil(unzipped / 1048576)} MB, at most ${AGENCY_IMPORT_MAX_UNZIPPED_BYTES / 1048576} MB.`,
      ),
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS declares its own `Buffer` (an ArrayBuffer); it reads a Node Buffer.
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return failed(unreadable);
  }
  let first: AgencyFileRead | null = null;
  for (const sheet of workbook.worksheets) {
    // Well past the row limit: refuse before building rows (blank rows are not counted).
    if (sheet.actualRowCount > AGENCY_IMPORT_MAX_ROWS + HEADER_SEARCH_ROWS + 1) {
      return failed({
        ...fileProblem(
          'AGENCY_IMPORT_TOO_MANY_ROWS',
          `Trang "${sheet.name}" có ${sheet.actualRowCount} dòng, tối đa ${AGENCY_IMPORT_MAX_ROWS}: chia thành nhiều tệp.`,
          `Sheet "${sheet.name}" has ${sheet.actualRowCount} rows, at most ${AGENCY_IMPORT_MAX_ROWS}: split it.`,
        ),
        path: 'rows',
      });
    }
    const table: RawRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c += 1) cells.push(cellText(row.getCell(c).value));
      table.push({ line: rowNumber, cells });
    });
    const read = rowsFromTable(table, 'xlsx');
    if (read.ok || read.problems.some((p) => p.code !== 'AGENCY_IMPORT_NO_HEADER')) return read;
    first ??= read;
  }
  return first ?? failed(unreadable);
}

function tooLarge(size: number): ImportProblem {
  const mb = (n: number): string => (n / 1048576).toFixed(1);
  return fileProblem(
    'AGENCY_IMPORT_FILE_TOO_LARGE',
    `Tệp nặng ${mb(size)} MB, tối đa ${mb(AGENCY_IMPORT_MAX_BYTES)} MB.`,
    `The file is ${mb(size)} MB, at most ${mb(AGENCY_IMPORT_MAX_BYTES)} MB.`,
  );
}

/**
 * Reads an uploaded code list, XLSX or CSV by its content (not its name): the rows, with the problems
 * of single rows, or the problems that stop the whole file.
 */
export async function readAgencyFile(bytes: Uint8Array): Promise<AgencyFileRead> {
  if (bytes.length > AGENCY_IMPORT_MAX_BYTES) return failed(tooLarge(bytes.length));
  const starts = (...sig: number[]): boolean => sig.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return readAgencyXlsx(bytes);
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) {
    return failed(
      fileProblem(
        'AGENCY_IMPORT_XLS',
        'Tệp Excel 97–2003 (.xls) chưa đọc được: lưu lại thành .xlsx hoặc CSV UTF-8.',
        'Excel 97–2003 files (.xls) are not read: save as .xlsx or CSV UTF-8.',
      ),
    );
  }
  return readAgencyCsv(bytes);
}
