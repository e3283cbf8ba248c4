// Biểu số II.06a/VPCP/KSTT (and II.06b, by level) as the files a Văn phòng UBND opens: a workbook laid
// out as the printed form (ExcelJS, re-zipped by platform/xlsx.ts so the same report gives the same
// bytes) and a landscape A4 PDF (the slips' page layer, Be Vietnam Pro). Both take the report's JSON
// (common/contracts/report-ii06a.ts) and draw the same title block, the same header of merged headings
// (four rows deep, one list below), one row per report row, the total and the signatures. The figures'
// columns (3–13) are those of common/reports/ii06a.ts; the form's wording follows legal-notes §2.3 and
// §5 D1 [P]: the circular behind the form (believed TT 01/2020/TT-VPCP) is unverified, and so is the
// exact title of II.06b.
import ExcelJS from 'exceljs';
import type { Ii06aResponse } from '../../../common/contracts/report-ii06a.ts';
import { cellValue, II06A_CELLS, type Ii06aGroup } from '../../../common/reports/ii06a.ts';
import { vnCivil } from '../../../common/time/vn-time.ts';
import { repackXlsx, xmlText } from '../../platform/xlsx.ts';
import { SlipPdf, type TableCell } from '../slips/index.ts';

export type Ii06aExportMeta = {
  /** The reporting unit, printed upper-case at the top left. */
  unitName: string;
  /** When the file is made: the footer's date, the document properties. */
  createdAt: Date;
};

type Run = Exclude<TableCell, string>[number];

/** A heading of the table's header: its text, its first header row (0–3) and column (1–13), its span. */
export type Ii06aHeading = { text: string; row: number; col: number; rows: number; cols: number };

export const HEADER_ROWS = 4;
const COLUMNS = 13;

const NAME_HEADINGS: Readonly<Record<Ii06aGroup, string>> = {
  agency: 'Tên cơ quan, đơn vị',
  unit: 'Đơn vị hành chính',
  field: 'Lĩnh vực',
  procedure: 'Thủ tục hành chính',
  level: 'Cấp',
};

const h = (text: string, at: [number, number], span: [number, number] = [1, 1]): Ii06aHeading => ({
  text,
  row: at[0],
  col: at[1],
  rows: span[0],
  cols: span[1],
});

/** The merged headings of the form, every column of every header row covered once. */
export function ii06aHeadings(groupBy: Ii06aGroup): Ii06aHeading[] {
  return [
    h('STT', [0, 1], [4, 1]),
    h(NAME_HEADINGS[groupBy], [0, 2], [4, 1]),
    h('Số hồ sơ nhận giải quyết', [0, 3], [1, 4]),
    h('Kết quả giải quyết', [0, 7], [1, 7]),
    h('Tổng số', [1, 3], [3, 1]),
    h('Trong đó', [1, 4], [1, 3]),
    h('Số hồ sơ đã giải quyết', [1, 7], [1, 4]),
    h('Số hồ sơ đang giải quyết', [1, 11], [1, 3]),
    h('Số mới tiếp nhận', [2, 4], [1, 2]),
    h('Số từ kỳ trước chuyển qua', [2, 6], [2, 1]),
    h('Tổng số', [2, 7], [2, 1]),
    h('Trả trước hạn', [2, 8], [2, 1]),
    h('Trả đúng thời hạn', [2, 9], [2, 1]),
    h('Trả quá hạn', [2, 10], [2, 1]),
    h('Tổng số', [2, 11], [2, 1]),
    h('Chưa đến hạn', [2, 12], [2, 1]),
    h('Quá hạn', [2, 13], [2, 1]),
    h('Trực tuyến', [3, 4]),
    h('Trực tiếp, dịch vụ bưu chính công ích', [3, 5]),
  ];
}

/** The words of the form around the figures. */
type FormText = {
  formNumber: string;
  title: string;
  unit: string;
  period: string;
  asOf: string;
  measure: string;
  headings: Ii06aHeading[];
  note: string;
  dateLine: string;
  signatures: { label: string; hint: string }[];
};

const pad2 = (n: number): string => String(n).padStart(2, '0');
const shortDate = (date: string): string => date.split('-').reverse().join('/');

function formText(report: Ii06aResponse, meta: Ii06aExportMeta): FormText {
  const byLevel = report.groupBy === 'level';
  const at = vnCivil(report.asOf);
  const made = vnCivil(meta.createdAt);
  // A period that is not a named one is already worded "Từ ngày … đến ngày …" (periodLabel).
  const named = !report.periodLabel.startsWith('Từ ngày');
  const dates = ` (từ ngày ${shortDate(report.from)} đến ngày ${shortDate(report.to)})`;
  return {
    formNumber: `Biểu số ${byLevel ? 'II.06b' : 'II.06a'}/VPCP/KSTT`,
    title: byLevel
      ? 'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH THEO CẤP HÀNH CHÍNH'
      : 'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
    unit: meta.unitName.toLocaleUpperCase('vi-VN'),
    period: `Kỳ báo cáo: ${report.periodLabel}${named ? dates : ''}`,
    asOf: `Số liệu tính đến: ${pad2(at.hour)}:${pad2(at.minute)} ${pad2(at.day)}/${pad2(at.month)}/${at.year}`,
    measure: 'Đơn vị tính: Số hồ sơ',
    headings: ii06aHeadings(report.groupBy),
    note: ruleNote(report),
    // Decree 30/2020/NĐ-CP Phụ lục I: days below 10 and months 1 and 2 take a leading zero.
    dateLine: `Ngày ${pad2(made.day)} tháng ${made.month <= 2 ? pad2(made.month) : made.month} năm ${made.year}`,
    signatures: [
      { label: 'NGƯỜI LẬP BIỂU', hint: '(Ký, ghi rõ họ tên)' },
      { label: 'THỦ TRƯỞNG ĐƠN VỊ', hint: '(Ký tên, đóng dấu)' },
    ],
  };
}

/** The counting choices the figures were made with (common/reports/ii06a.ts, Ii06aRules), in words. */
function ruleNote(report: Ii06aResponse): string {
  const late =
    report.rules.late === 'time'
      ? 'trả quá hạn là có kết quả sau thời điểm hẹn trả (giờ, ngày)'
      : 'trả quá hạn là có kết quả sau ngày hẹn trả';
  const withdrawn =
    report.rules.withdrawn === 'on-time'
      ? 'hồ sơ xin rút, dừng xử lý được tính là trả đúng thời hạn'
      : 'hồ sơ xin rút, dừng xử lý không tính vào số đã giải quyết';
  const map =
    report.map === 'today'
      ? 'hồ sơ của cơ quan đã sắp xếp lại được tính cho cơ quan kế thừa'
      : 'hồ sơ được tính cho cơ quan đã tiếp nhận';
  return `Ghi chú: ${late}; ${withdrawn}; ${map}.`;
}

type FigureRow = Ii06aResponse['total'];

const figures = (row: FigureRow): number[] => II06A_CELLS.map((c) => cellValue(row, c.cell));

// ---- the workbook -------------------------------------------------------------------------------

const FONT = { name: 'Times New Roman', size: 11 } as const;
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
/** The sheet's rows: the title block above, the header from HEADER_TOP. */
const HEADER_TOP = 7;
const NUMBERS_ROW = HEADER_TOP + HEADER_ROWS;
const FIRST_ROW = NUMBERS_ROW + 1;

type CellStyle = {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  align?: 'left' | 'center' | 'right';
  numFmt?: string;
};

/** One cell (the first of `span` columns, merged) with its value and style. */
function put(
  sheet: ExcelJS.Worksheet,
  at: { row: number; col: number; span?: number },
  value: string | number | undefined,
  style: CellStyle = {},
): void {
  const span = at.span ?? 1;
  if (span > 1) sheet.mergeCells(at.row, at.col, at.row, at.col + span - 1);
  const cell = sheet.getCell(at.row, at.col);
  cell.value = typeof value === 'string' ? xmlText(value) : (value ?? null);
  cell.font = { ...FONT, bold: style.bold, italic: style.italic, size: style.size ?? FONT.size };
  cell.alignment = { horizontal: style.align ?? 'left', vertical: 'middle', wrapText: true };
  if (style.numFmt) cell.numFmt = style.numFmt;
}

function sheetTitleBlock(sheet: ExcelJS.Worksheet, text: FormText): void {
  put(sheet, { row: 1, col: 1, span: 5 }, text.unit, { bold: true, align: 'center' });
  put(sheet, { row: 1, col: 9, span: 5 }, text.formNumber, { bold: true, align: 'center' });
  sheet.getRow(1).height = 30;
  put(sheet, { row: 3, col: 1, span: COLUMNS }, text.title, { bold: true, size: 13, align: 'center' });
  sheet.getRow(3).height = 36;
  put(sheet, { row: 4, col: 1, span: COLUMNS }, text.period, { align: 'center' });
  put(sheet, { row: 5, col: 1, span: COLUMNS }, text.asOf, { italic: true, align: 'center' });
  put(sheet, { row: 6, col: 1, span: COLUMNS }, text.measure, { italic: true, align: 'right' });
}

function sheetHeader(sheet: ExcelJS.Worksheet, text: FormText): void {
  for (const heading of text.headings) {
    const top = HEADER_TOP + heading.row;
    const left = heading.col;
    if (heading.rows > 1 || heading.cols > 1) {
      sheet.mergeCells(top, left, top + heading.rows - 1, left + heading.cols - 1);
    }
    put(sheet, { row: top, col: left }, heading.text, { bold: true, align: 'center' });
  }
  [24, 24, 30, 48].forEach((height, i) => (sheet.getRow(HEADER_TOP + i).height = height));
  for (let col = 1; col <= COLUMNS; col++) {
    put(sheet, { row: NUMBERS_ROW, col }, `(${col})`, { italic: true, align: 'center' });
  }
}

function sheetRow(
  sheet: ExcelJS.Worksheet,
  row: number,
  cells: { head: [number | undefined, string]; figures: number[]; bold: boolean },
): void {
  const [stt, name] = cells.head;
  put(sheet, { row, col: 1 }, stt, { bold: cells.bold, align: 'center' });
  put(sheet, { row, col: 2 }, name, { bold: cells.bold });
  II06A_CELLS.forEach((c, i) => {
    put(sheet, { row, col: c.column }, cells.figures[i], {
      bold: cells.bold,
      align: 'right',
      numFmt: '#,##0',
    });
  });
}

function sheetFooter(sheet: ExcelJS.Worksheet, row: number, text: FormText): void {
  put(sheet, { row, col: 1, span: COLUMNS }, text.note, { italic: true, size: 10 });
  sheet.getRow(row).height = 30;
  put(sheet, { row: row + 2, col: 9, span: 5 }, text.dateLine, { italic: true, align: 'center' });
  const [maker, head] = text.signatures as [FormText['signatures'][0], FormText['signatures'][0]];
  put(sheet, { row: row + 3, col: 1, span: 3 }, maker.label, { bold: true, align: 'center' });
  put(sheet, { row: row + 3, col: 9, span: 5 }, head.label, { bold: true, align: 'center' });
  put(sheet, { row: row + 4, col: 1, span: 3 }, maker.hint, { italic: true, align: 'center' });
  put(sheet, { row: row + 4, col: 9, span: 5 }, head.hint, { italic: true, align: 'center' });
}

/** The report as an .xlsx file laid out as the printed form; the same report and meta give the same bytes. */
export async function ii06aXlsx(report: Ii06aResponse, meta: Ii06aExportMeta): Promise<Buffer> {
  const text = formText(report, meta);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'motcua';
  workbook.lastModifiedBy = 'motcua';
  workbook.created = meta.createdAt;
  workbook.modified = meta.createdAt;
  workbook.title = xmlText(`${text.formNumber} — ${report.periodLabel} — ${meta.unitName}`);
  workbook.subject = text.title;

  const sheet = workbook.addWorksheet(text.formNumber.slice('Biểu số '.length, -'/VPCP/KSTT'.length), {
    views: [{ state: 'frozen', xSplit: 2, ySplit: NUMBERS_ROW, topLeftCell: `C${FIRST_ROW}` }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_TOP}:${NUMBERS_ROW}`,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C&"Times New Roman"&9Trang &P/&N' },
  });
  sheet.columns = [{ width: 6 }, { width: 40 }, ...II06A_CELLS.map(() => ({ width: 11 }))];

  sheetTitleBlock(sheet, text);
  sheetHeader(sheet, text);
  report.rows.forEach((r, i) => {
    sheetRow(sheet, FIRST_ROW + i, { head: [i + 1, r.name], figures: figures(r), bold: false });
  });
  const totalRow = FIRST_ROW + report.rows.length;
  sheetRow(sheet, totalRow, { head: [undefined, 'Tổng cộng'], figures: figures(report.total), bold: true });
  for (let row = HEADER_TOP; row <= totalRow; row++) {
    for (let col = 1; col <= COLUMNS; col++) sheet.getCell(row, col).border = THIN;
  }
  sheetFooter(sheet, totalRow + 2, text);

  const created = vnCivil(meta.createdAt);
  // ZIP times are wall-clock parts, read from a Date's local fields: the Vietnamese civil time.
  const packagedAt = new Date(created.year, created.month - 1, created.day, created.hour, created.minute);
  return repackXlsx(Buffer.from(await workbook.xlsx.writeBuffer()), packagedAt);
}

// ---- the PDF ------------------------------------------------------------------------------------

const PDF_SIZE = { unit: 9.5, title: 12, line: 10, head: 8, body: 8.5, numbers: 7.5, note: 8 } as const;
const PAD = 3;
/** The note below the table, and the date line with the signatures: kept on the total row's page. */
const NOTE_HEIGHT = 20;
const SIGNATURES_HEIGHT = 150;
const STT_WIDTH = 26;
const FIGURE_WIDTH = 47;

/** Vietnamese digit grouping: 3.670. */
const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

type PdfCell = { runs: Run[]; size: number; align: 'left' | 'center' | 'right' };

class Ii06aTable {
  readonly #pdf: SlipPdf;
  readonly #text: FormText;
  /** Left edges and widths of the 13 columns. */
  readonly #x: number[] = [];
  readonly #w: number[];
  readonly #rowHeights: number[];

  constructor(pdf: SlipPdf, text: FormText) {
    this.#pdf = pdf;
    this.#text = text;
    const nameWidth = pdf.width - STT_WIDTH - FIGURE_WIDTH * II06A_CELLS.length;
    this.#w = [STT_WIDTH, nameWidth, ...II06A_CELLS.map(() => FIGURE_WIDTH)];
    let x = pdf.left;
    for (const w of this.#w) {
      this.#x.push(x);
      x += w;
    }
    this.#rowHeights = this.#headerRowHeights();
  }

  #span(col: number, cols: number): { x: number; width: number } {
    const width = this.#w.slice(col - 1, col - 1 + cols).reduce((s, w) => s + w, 0);
    return { x: this.#x[col - 1]!, width };
  }

  #textHeight(runs: Run[], size: number, width: number): number {
    return this.#pdf.measure(runs, size, width - 2 * PAD);
  }

  /** Each header row's height: the tallest one-row heading; a taller spanning one deepens its last row. */
  #headerRowHeights(): number[] {
    const heights = new Array<number>(HEADER_ROWS).fill(0);
    const need = (heading: Ii06aHeading): number =>
      this.#textHeight(
        [{ text: heading.text, style: 'bold' }],
        PDF_SIZE.head,
        this.#span(heading.col, heading.cols).width,
      ) +
      2 * PAD;
    const byDepth = [...this.#text.headings].sort((a, b) => a.rows - b.rows);
    for (const heading of byDepth) {
      const spanned = heading.row + heading.rows;
      const have = heading.rows === 1 ? heights[heading.row]! : sumOf(heights.slice(heading.row, spanned));
      const deficit = need(heading) - have;
      if (deficit > 0) heights[spanned - 1]! += deficit;
    }
    return heights;
  }

  get headerHeight(): number {
    return sumOf(this.#rowHeights) + this.#pdf.lineHeight(PDF_SIZE.numbers) + 2 * PAD;
  }

  /** Text in a box from `top`, `height` high, centred vertically when asked. */
  #box(cell: PdfCell, at: { col: number; cols: number; top: number; height: number }, middle: boolean): void {
    const pdf = this.#pdf;
    const { x, width } = this.#span(at.col, at.cols);
    pdf.doc.save().lineWidth(0.5).rect(x, at.top, width, at.height).stroke().restore();
    const textHeight = this.#textHeight(cell.runs, cell.size, width);
    pdf.doc.y = middle ? at.top + (at.height - textHeight) / 2 + 1 : at.top + PAD;
    pdf.paragraph(cell.runs, {
      size: cell.size,
      align: cell.align,
      indent: x - pdf.left + PAD,
      width: width - 2 * PAD,
      after: 0,
    });
  }

  /** The merged headings and the row of column numbers, from the current height. */
  header(): void {
    const pdf = this.#pdf;
    const top = pdf.y;
    const tops = this.#rowHeights.map((_, i) => top + sumOf(this.#rowHeights.slice(0, i)));
    for (const heading of this.#text.headings) {
      const height = sumOf(this.#rowHeights.slice(heading.row, heading.row + heading.rows));
      const cell: PdfCell = {
        runs: [{ text: heading.text, style: 'bold' }],
        size: PDF_SIZE.head,
        align: 'center',
      };
      this.#box(cell, { col: heading.col, cols: heading.cols, top: tops[heading.row]!, height }, true);
    }
    const numbersTop = top + sumOf(this.#rowHeights);
    const height = pdf.lineHeight(PDF_SIZE.numbers) + 2 * PAD;
    for (let col = 1; col <= COLUMNS; col++) {
      const cell: PdfCell = {
        runs: [{ text: `(${col})`, style: 'italic' }],
        size: PDF_SIZE.numbers,
        align: 'center',
      };
      this.#box(cell, { col, cols: 1, top: numbersTop, height }, true);
    }
    pdf.doc.y = numbersTop + height;
  }

  rowHeight(cells: PdfCell[]): number {
    const heights = cells.map((c, i) => this.#textHeight(c.runs, c.size, this.#w[i]!));
    return Math.max(...heights) + 2 * PAD - 1;
  }

  /**
   * One row; on a new page, with the header drawn again, when it does not fit with `keep` points
   * more below it (the total keeps the note and the signatures with it).
   */
  row(cells: PdfCell[], keep = 0): void {
    const pdf = this.#pdf;
    const height = this.rowHeight(cells);
    if (pdf.y + height + keep > pdf.bottom) {
      pdf.newPage();
      this.header();
    }
    const top = pdf.y;
    cells.forEach((cell, i) => this.#box(cell, { col: i + 1, cols: 1, top, height }, false));
    pdf.doc.y = top + height;
  }
}

function sumOf(values: number[]): number {
  return values.reduce((s, v) => s + v, 0);
}

function pdfCells(head: [string, string], row: FigureRow, bold: boolean): PdfCell[] {
  const style = bold ? 'bold' : 'regular';
  const cell = (text: string, align: PdfCell['align']): PdfCell => ({
    runs: [{ text, style }],
    size: PDF_SIZE.body,
    align,
  });
  return [
    cell(head[0], 'center'),
    cell(head[1], 'left'),
    ...figures(row).map((n) => cell(grouped(n), 'right')),
  ];
}

function pdfTitleBlock(pdf: SlipPdf, text: FormText): void {
  const leftWidth = pdf.width * 0.45;
  const rightWidth = pdf.width * 0.35;
  const top = pdf.y;
  pdf.paragraph([{ text: text.unit, style: 'bold' }], {
    size: PDF_SIZE.unit,
    align: 'center',
    width: leftWidth,
    after: 0,
  });
  const leftBottom = pdf.y;
  pdf.doc.y = top;
  pdf.paragraph([{ text: text.formNumber, style: 'bold' }], {
    size: PDF_SIZE.unit,
    align: 'center',
    indent: pdf.width - rightWidth,
    width: rightWidth,
    after: 0,
  });
  pdf.doc.y = Math.max(leftBottom, pdf.y) + 10;
  const centred = { align: 'center', width: pdf.width, after: 1 } as const;
  // Narrower than the page, so the long title breaks into two even lines.
  pdf.paragraph([{ text: text.title, style: 'bold' }], {
    ...centred,
    size: PDF_SIZE.title,
    indent: pdf.width * 0.12,
    width: pdf.width * 0.76,
    after: 4,
  });
  pdf.paragraph([{ text: text.period }], { ...centred, size: PDF_SIZE.line });
  pdf.paragraph([{ text: text.asOf, style: 'italic' }], { ...centred, size: PDF_SIZE.line });
  pdf.paragraph([{ text: text.measure, style: 'italic' }], {
    align: 'right',
    width: pdf.width,
    size: PDF_SIZE.line,
    after: 3,
  });
}

function pdfFooter(pdf: SlipPdf, text: FormText): void {
  pdf.gap(4);
  pdf.paragraph([{ text: text.note, style: 'italic' }], {
    size: PDF_SIZE.note,
    align: 'left',
    width: pdf.width,
  });
  // The date line and the signatures stay together on one page.
  pdf.ensure(SIGNATURES_HEIGHT);
  pdf.gap(4);
  const half = pdf.width / 2;
  pdf.paragraph([{ text: text.dateLine, style: 'italic' }], {
    align: 'center',
    indent: half,
    width: half,
    after: 0,
  });
  pdf.signatures(text.signatures, { space: 50 });
}

/** The report as a landscape A4 PDF: the form's title block, the table over as many pages as it takes, page numbers. */
export async function ii06aPdf(report: Ii06aResponse, meta: Ii06aExportMeta): Promise<Buffer> {
  const text = formText(report, meta);
  const pdf = new SlipPdf({
    landscape: true,
    title: `${text.formNumber} — ${report.periodLabel} — ${meta.unitName}`,
    subject: text.title,
    keywords: `${text.formNumber}, ${report.periodLabel}`,
    createdAt: meta.createdAt,
    runningHead: `${text.formNumber} — ${meta.unitName} — ${text.period}`,
    pageNumbers: 'always',
  });
  pdfTitleBlock(pdf, text);
  const table = new Ii06aTable(pdf, text);
  const rows = report.rows.map((r, i) => pdfCells([String(i + 1), r.name], r, false));
  const total = pdfCells(['', 'Tổng cộng'], report.total, true);
  // The header never ends a page alone: it goes with the first row.
  if (pdf.y + table.headerHeight + table.rowHeight(rows[0] ?? total) > pdf.bottom) pdf.newPage();
  table.header();
  for (const row of rows) table.row(row);
  table.row(total, NOTE_HEIGHT + SIGNATURES_HEIGHT);
  pdfFooter(pdf, text);
  return pdf.finish();
}
