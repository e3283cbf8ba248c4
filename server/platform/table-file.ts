// Reading an uploaded table a person made in a spreadsheet: CSV (UTF-8 with or without BOM, or the
// UTF-16 "Unicode text" Excel saves; comma, semicolon or tab separated; RFC 4180 quotes) or XLSX (the
// first sheet with a header row), told apart by content, not name. Headers are Vietnamese or English,
// compared without case or diacritics (`spec.headers`); a title above the header row is skipped. What
// the rows mean is the caller's: the agency code list (org/agency-import.ts) and the staff list
// (staff/staff-import.ts). Every problem names where it is (file, header, rows) with its line, in
// Vietnamese and English, its code prefixed by the caller's (`AGENCY_IMPORT_NO_HEADER` …).
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { foldVietnamese } from '../../common/text/fold.ts';

/** A problem of the file or of one of its rows. `message` is Vietnamese, `en` English. */
export type TableProblem = {
  /** The failing part: `file`, `header`, `rows`, or `rows[3].code` (index into the rows, from 0). */
  path: string;
  /** Index of the row, or null for a problem of the whole file. */
  row: number | null;
  /** Line of the file (CSV) or row of the sheet (XLSX) a person can look up, or null. */
  line: number | null;
  code: string;
  message: string;
  en: string;
};

export type TableSpec<C extends string> = {
  /** Folded header texts (foldVietnamese, dots as spaces) each column may have. */
  headers: Record<C, readonly string[]>;
  /** The columns the header row must name (it is the first of the top rows that names them all). */
  required: readonly C[];
  /** How the required columns are called in a message: `"Mã định danh" và "Tên cơ quan"`, English. */
  requiredWords: { vi: string; en: string };
  /** The problems' code prefix: `AGENCY_IMPORT`, `STAFF_IMPORT`. */
  codePrefix: string;
  maxRows: number;
  maxBytes: number;
  /** What an XLSX may unpack to; more is a ZIP bomb, not a table. */
  maxUnzippedBytes: number;
};

/** A data row: its line, and each named column's trimmed text ('' when absent). */
export type TableRow<C extends string> = { line: number; cells: Record<C, string> };

export type TableRead<C extends string> =
  | { ok: true; format: 'csv' | 'xlsx'; columns: ReadonlySet<C>; rows: TableRow<C>[] }
  | { ok: false; problems: TableProblem[] };

/** How many rows at the top may come before the header row (a title, a decision number …). */
const HEADER_SEARCH_ROWS = 10;

/** A header cell as compared: folded, dots as spaces, spaces collapsed. */
export const headerKey = (text: string): string =>
  foldVietnamese(text).replace(/\./g, ' ').replace(/\s+/g, ' ').trim();

/** A row of cells as read, with its line (CSV) or row number (XLSX). */
type RawRow = { line: number; cells: string[] };

const isBlank = (r: RawRow): boolean => r.cells.every((c) => c.trim() === '');

const mb = (n: number): string => (n / 1048576).toFixed(1);

class Reader<C extends string> {
  private readonly columnOf: Map<string, C>;
  private readonly spec: TableSpec<C>;
  constructor(spec: TableSpec<C>) {
    this.spec = spec;
    this.columnOf = new Map(
      (Object.entries(spec.headers) as [C, readonly string[]][]).flatMap(([col, names]) =>
        names.map((n) => [n, col] as const),
      ),
    );
  }

  problem(code: string, vi: string, en: string): TableProblem {
    return { path: 'file', row: null, line: null, code: `${this.spec.codePrefix}_${code}`, message: vi, en };
  }

  failed(...problems: TableProblem[]): TableRead<C> {
    return { ok: false, problems };
  }

  tooLarge(size: number): TableProblem {
    return this.problem(
      'FILE_TOO_LARGE',
      `Tệp nặng ${mb(size)} MB, tối đa ${mb(this.spec.maxBytes)} MB.`,
      `The file is ${mb(size)} MB, at most ${mb(this.spec.maxBytes)} MB.`,
    );
  }

  tooManyRows(count: number, where: { vi: string; en: string }): TableProblem {
    const max = this.spec.maxRows;
    return {
      ...this.problem(
        'TOO_MANY_ROWS',
        `${where.vi} có ${count} dòng dữ liệu, tối đa ${max}: chia thành nhiều tệp.`,
        `${where.en} has ${count} data rows, at most ${max}: split it.`,
      ),
      path: 'rows',
    };
  }

  /** The header row: the first of the top rows that names every required column. */
  findHeader(rows: RawRow[]): { at: number; columns: Map<C, number> } | { at: number; duplicate: C } | null {
    const top = rows.filter((r) => !isBlank(r)).slice(0, HEADER_SEARCH_ROWS);
    for (const r of top) {
      const columns = new Map<C, number>();
      for (const [i, cell] of r.cells.entries()) {
        const col = this.columnOf.get(headerKey(cell));
        if (!col) continue;
        if (columns.has(col)) return { at: rows.indexOf(r), duplicate: col };
        columns.set(col, i);
      }
      if (this.spec.required.every((c) => columns.has(c))) return { at: rows.indexOf(r), columns };
    }
    return null;
  }

  fromTable(table: RawRow[], format: 'csv' | 'xlsx'): TableRead<C> {
    const header = this.findHeader(table);
    if (!header) {
      const first = table.find((r) => !isBlank(r));
      const seen = first ? first.cells.filter((c) => c.trim() !== '').join(' | ') : '';
      const { vi, en } = this.spec.requiredWords;
      return this.failed({
        ...this.problem(
          'NO_HEADER',
          `Không thấy dòng tiêu đề có cột ${vi} trong ${HEADER_SEARCH_ROWS} dòng đầu` +
            (seen ? ` (dòng đầu: ${seen}).` : '.'),
          `No header row with ${en} in the first ${HEADER_SEARCH_ROWS} rows` +
            (seen ? ` (first row: ${seen}).` : '.'),
        ),
        path: 'header',
      });
    }
    if ('duplicate' in header) {
      const names = this.spec.headers[header.duplicate].join('", "');
      return this.failed({
        ...this.problem(
          'DUPLICATE_COLUMN',
          `Dòng tiêu đề có hai cột cùng nghĩa ("${names}"): giữ một cột.`,
          `The header row has two columns of the same meaning ("${names}"): keep one.`,
        ),
        path: 'header',
        line: table[header.at]?.line ?? null,
      });
    }
    const data = table.slice(header.at + 1).filter((r) => !isBlank(r));
    if (data.length > this.spec.maxRows) {
      return this.failed(this.tooManyRows(data.length, { vi: 'Tệp', en: 'The file' }));
    }
    const names = Object.keys(this.spec.headers) as C[];
    const rows = data.map((r) => {
      const cells = {} as Record<C, string>;
      for (const col of names) {
        const i = header.columns.get(col);
        cells[col] = i === undefined ? '' : (r.cells[i] ?? '').trim();
      }
      return { line: r.line, cells };
    });
    return { ok: true, format, columns: new Set(header.columns.keys()), rows };
  }

  decodeText(bytes: Uint8Array): string | TableProblem {
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
      return this.problem(
        'NOT_UTF8',
        'Tệp CSV không phải mã UTF-8 (có thể là TCVN3 hoặc Windows-1258): trong Excel chọn lưu "CSV UTF-8".',
        'The CSV file is not UTF-8 (perhaps TCVN3 or Windows-1258): in Excel, save as "CSV UTF-8".',
      );
    }
  }

  /** RFC 4180 records, quotes doubled inside quoted fields; each record with the line it starts on. */
  parseCsv(text: string, delimiter: string): RawRow[] | TableProblem {
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
        ...this.problem(
          'CSV_QUOTE',
          `Dấu ngoặc kép mở ở dòng ${quoteLine} không được đóng.`,
          `The quote opened on line ${quoteLine} is never closed.`,
        ),
        line: quoteLine,
      };
    }
    if (field !== '' || cells.length > 0) endRecord();
    return rows;
  }

  /** A CSV table; the separator is whichever of `;`, `,` and tab gives the fullest header row. */
  csv(bytes: Uint8Array): TableRead<C> {
    if (bytes.length > this.spec.maxBytes) return this.failed(this.tooLarge(bytes.length));
    const text = this.decodeText(bytes);
    if (typeof text !== 'string') return this.failed(text);
    let best: TableRead<C> | null = null;
    let bestColumns = 0;
    for (const delimiter of [';', ',', '\t']) {
      const table = this.parseCsv(text, delimiter);
      if (!Array.isArray(table)) return this.failed(table);
      const header = this.findHeader(table);
      if (!header || 'duplicate' in header) {
        best ??= this.fromTable(table, 'csv');
        continue;
      }
      if (header.columns.size > bestColumns) {
        bestColumns = header.columns.size;
        best = this.fromTable(table, 'csv');
      }
    }
    return best!;
  }

  /** An XLSX table: the first sheet that has a header row. */
  async xlsx(bytes: Uint8Array): Promise<TableRead<C>> {
    if (bytes.length > this.spec.maxBytes) return this.failed(this.tooLarge(bytes.length));
    const unreadable = this.problem(
      'XLSX_UNREADABLE',
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
      return this.failed(unreadable);
    }
    const max = this.spec.maxUnzippedBytes;
    if (unzipped > max) {
      return this.failed(
        this.problem(
          'XLSX_TOO_LARGE',
          `Tệp Excel giải nén ra ${Math.ceil(unzipped / 1048576)} MB, tối đa ${max / 1048576} MB.`,
          `The Excel file unpacks to ${Math.ceil(unzipped / 1048576)} MB, at most ${max / 1048576} MB.`,
        ),
      );
    }
    const workbook = new ExcelJS.Workbook();
    try {
      // ExcelJS declares its own `Buffer` (an ArrayBuffer); it reads a Node Buffer.
      await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    } catch {
      return this.failed(unreadable);
    }
    let first: TableRead<C> | null = null;
    for (const sheet of workbook.worksheets) {
      // Well past the row limit: refuse before building rows (blank rows are not counted).
      if (sheet.actualRowCount > this.spec.maxRows + HEADER_SEARCH_ROWS + 1) {
        return this.failed(
          this.tooManyRows(sheet.actualRowCount, {
            vi: `Trang "${sheet.name}"`,
            en: `Sheet "${sheet.name}"`,
          }),
        );
      }
      const table: RawRow[] = [];
      sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
        const cells: string[] = [];
        for (let c = 1; c <= row.cellCount; c += 1) cells.push(cellText(row.getCell(c).value));
        table.push({ line: rowNumber, cells });
      });
      const read = this.fromTable(table, 'xlsx');
      if (read.ok || read.problems.some((p) => p.code !== `${this.spec.codePrefix}_NO_HEADER`)) return read;
      first ??= read;
    }
    return first ?? this.failed(unreadable);
  }

  async any(bytes: Uint8Array): Promise<TableRead<C>> {
    if (bytes.length > this.spec.maxBytes) return this.failed(this.tooLarge(bytes.length));
    const starts = (...sig: number[]): boolean => sig.every((b, i) => bytes[i] === b);
    if (starts(0x50, 0x4b, 0x03, 0x04)) return this.xlsx(bytes);
    if (starts(0xd0, 0xcf, 0x11, 0xe0)) {
      return this.failed(
        this.problem(
          'XLS',
          'Tệp Excel 97–2003 (.xls) chưa đọc được: lưu lại thành .xlsx hoặc CSV UTF-8.',
          'Excel 97–2003 files (.xls) are not read: save as .xlsx or CSV UTF-8.',
        ),
      );
    }
    return this.csv(bytes);
  }
}

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

/** A reader of one kind of table: `.any` tells XLSX from CSV by content; `.csv`, `.xlsx` read one. */
export function tableReader<C extends string>(spec: TableSpec<C>) {
  const r = new Reader(spec);
  return {
    any: (bytes: Uint8Array) => r.any(bytes),
    csv: (bytes: Uint8Array) => r.csv(bytes),
    xlsx: (bytes: Uint8Array) => r.xlsx(bytes),
    /** A problem of the whole file, coded with the spec's prefix. */
    problem: (code: string, vi: string, en: string) => r.problem(code, vi, en),
  };
}
