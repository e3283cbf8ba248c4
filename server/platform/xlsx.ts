// Spreadsheets (.xlsx) for downloads: a sheet (or several) with a bold header row, frozen and filtered,
// column widths, landscape A4 with the header repeated on every printed page. ExcelJS writes the workbook;
// its ZIP stamps every entry with the current time, so the package is re-zipped by fflate with the
// given time: the same book gives the same bytes.
import ExcelJS from 'exceljs';
import { unzipSync, zipSync, type Zippable } from 'fflate';

export type XlsxColumn = {
  header: string;
  /** Width in characters. */
  width: number;
  /** Excel number format for the column's cells, e.g. 'hh:mm dd/mm/yyyy' for times. */
  numFmt?: string;
};

/** A cell: text, a number, a time (a Date, written as a spreadsheet serial) or empty. */
export type XlsxCell = string | number | Date | undefined;

/** One sheet: its name (at most 31 characters, unique in the book), its columns and rows. */
export type XlsxSheet = {
  sheetName: string;
  columns: readonly XlsxColumn[];
  rows: readonly XlsxCell[][];
};

export type XlsxBook = XlsxSheet & {
  /** Further sheets after the first, laid out the same way (a report's sections). */
  more?: readonly XlsxSheet[];
  /** Document properties. */
  title: string;
  subject?: string;
  /** Creation time in the properties (an instant). */
  created: Date;
  /**
   * Wall-clock time of the ZIP entries, as local parts of this Date (ZIP has no time zone; fflate
   * reads a Date's local parts).
   */
  packagedAt: Date;
};

/** Drops what XML 1.0 cannot carry (ExcelJS escapes but keeps it): C0 controls but tab, LF and CR;
 * lone surrogates; U+FFFE, U+FFFF. */
export function xmlText(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    const control = c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d;
    const surrogate = c >= 0xd800 && c <= 0xdfff; // for…of yields a lone surrogate on its own
    if (!control && !surrogate && c !== 0xfffe && c !== 0xffff) out += ch;
  }
  return out;
}

export async function buildXlsx(book: XlsxBook): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'motcua';
  workbook.lastModifiedBy = 'motcua';
  workbook.created = book.created;
  workbook.modified = book.created;
  workbook.title = xmlText(book.title);
  if (book.subject) workbook.subject = xmlText(book.subject);

  for (const sheet of [book, ...(book.more ?? [])]) addSheet(workbook, sheet);

  return repackXlsx(Buffer.from(await workbook.xlsx.writeBuffer()), book.packagedAt);
}

/** A sheet with a bold header row, frozen and filtered, the columns' widths and formats, landscape A4. */
function addSheet(workbook: ExcelJS.Workbook, s: XlsxSheet): void {
  const sheet = workbook.addWorksheet(s.sheetName, {
    views: [{ state: 'frozen', ySplit: 1, topLeftCell: 'A2' }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      printTitlesRow: '1:1',
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  sheet.columns = s.columns.map((c) => ({
    width: c.width,
    ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}),
  }));
  const header = sheet.addRow(s.columns.map((c) => xmlText(c.header)));
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  for (const cells of s.rows) {
    const row = sheet.addRow(cells.map((c) => (typeof c === 'string' ? xmlText(c) || undefined : c)));
    row.eachCell((cell) => {
      if (typeof cell.value === 'string') cell.alignment = { vertical: 'top', wrapText: true };
    });
  }
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: s.rows.length + 1, column: s.columns.length },
  };
}

/**
 * ExcelJS's package re-zipped with every entry stamped `packagedAt` (local parts, as `XlsxBook`
 * says), so the same workbook gives the same bytes; for sheets laid out with ExcelJS directly.
 */
export function repackXlsx(written: Uint8Array, packagedAt: Date): Buffer {
  const entries: Zippable = {};
  for (const [name, data] of Object.entries(unzipSync(written))) {
    // ExcelJS's folder entries: not parts of the package.
    if (!name.endsWith('/')) entries[name] = [data, { mtime: packagedAt }];
  }
  return Buffer.from(zipSync(entries, { level: 9 }));
}
