// Any report table as a real spreadsheet and as a PDF (issue "Steering by figures", item 6): Vietnamese
// headings, numbers as numbers, the title, period and reporting unit named; the II.06a form has its own
// statutory layout (ii06a-export.ts). Used by the overview, KPI, Decision 766 and adoption reports'
// `format=`. A table may have further sections (a heading, its own columns): further sheets of the
// workbook, further tables of the PDF under their headings.
import type { FastifyReply } from 'fastify';
import { buildXlsx, type XlsxCell, type XlsxColumn, type XlsxSheet } from '../../platform/xlsx.ts';
import { SlipPdf } from '../slips/index.ts';
import { vnCivil, vnCompactTimestamp } from '../../../common/time/vn-time.ts';

export type ReportTableColumn = {
  header: string;
  /** Relative width (characters in the spreadsheet). */
  width: number;
  /**
   * Figures: right-aligned; `number` a count (whole), `decimal` up to two decimals (points),
   * `percent` a 0–1 share as a percentage.
   */
  kind?: 'text' | 'number' | 'decimal' | 'percent';
};

/** A cell: text, a number, or null for "no figure" (written as empty, shown as "—" in the PDF). */
export type ReportCell = string | number | null;

/** A table after the first: its own heading and columns; its own sheet in the workbook. */
export type ReportSection = {
  /** "Theo cơ quan tiếp nhận": printed bold above the table in the PDF. */
  heading: string;
  /** The sheet's name: at most 31 characters, none of [ ] : * ? / \, unlike the others'. */
  sheetName: string;
  columns: ReportTableColumn[];
  rows: ReportCell[][];
};

export type ReportTable = {
  /** "CHỈ SỐ THEO QUYẾT ĐỊNH 766/QĐ-TTg", the table's title. */
  title: string;
  /** Lines under the title: the period, the scope, the cut-off. */
  lines: string[];
  unitName: string;
  /** Printed above the first table in the PDF when there are sections. */
  heading?: string;
  columns: ReportTableColumn[];
  rows: ReportCell[][];
  /** Further tables, in order, each under its heading (and on its own sheet). */
  sections?: ReportSection[];
  createdAt: Date;
  /** A short name for the sheet and the file. */
  sheetName: string;
};

const NUM_FMT: Readonly<Record<NonNullable<ReportTableColumn['kind']>, string | undefined>> = {
  text: undefined,
  number: '#,##0',
  decimal: '#,##0.00',
  percent: '0.0%',
};

/** A sheet's name as Excel takes it: no [ ] : * ? / \, at most 31 characters. */
const sheetTitle = (name: string): string => name.replace(/[[\]:*?/\\]/g, '-').slice(0, 31);

function sheetOf(s: Pick<ReportSection, 'sheetName' | 'columns' | 'rows'>): XlsxSheet {
  return {
    sheetName: sheetTitle(s.sheetName),
    columns: s.columns.map((c): XlsxColumn => {
      const numFmt = NUM_FMT[c.kind ?? 'text'];
      return { header: c.header, width: c.width, ...(numFmt ? { numFmt } : {}) };
    }),
    rows: s.rows.map((r) => r.map((c): XlsxCell => (c === null ? undefined : c))),
  };
}

export async function reportTableXlsx(t: ReportTable): Promise<Buffer> {
  return buildXlsx({
    ...sheetOf(t),
    more: (t.sections ?? []).map(sheetOf),
    title: `${t.title} — ${t.unitName}`,
    subject: t.lines.join('; '),
    created: t.createdAt,
    packagedAt: t.createdAt,
  });
}

const shown = (c: ReportCell, kind: ReportTableColumn['kind']): string => {
  if (c === null) return '—';
  if (typeof c === 'string') return c;
  if (kind === 'percent') return `${(c * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`;
  if (kind === 'decimal') return c.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
  return c.toLocaleString('vi-VN');
};

/** From this many columns on, a table of the PDF is set in small print, so that words fit their cells. */
const MANY_COLUMNS = 10;
const SMALL_PRINT = 8;

/**
 * One table of the PDF, under its heading when it has one (kept with the table's first rows); a wide
 * one in small print.
 */
function pdfTable(
  pdf: SlipPdf,
  s: { heading?: string | undefined; columns: ReportTableColumn[]; rows: ReportCell[][] },
) {
  if (s.heading) {
    pdf.ensure(90);
    pdf.paragraph([{ text: s.heading, style: 'bold' }], { align: 'left', after: 3 });
  }
  pdf.table(
    s.columns.map((c) => ({
      header: c.header,
      width: c.width,
      align: c.kind && c.kind !== 'text' ? 'right' : 'left',
    })),
    s.rows.map((r) => r.map((c, i) => shown(c, s.columns[i]?.kind))),
    s.columns.length >= MANY_COLUMNS ? { size: SMALL_PRINT } : {},
  );
}

export async function reportTablePdf(t: ReportTable): Promise<Buffer> {
  const pdf = new SlipPdf({
    landscape: true,
    title: `${t.title} — ${t.unitName}`,
    subject: t.lines.join('; '),
    createdAt: t.createdAt,
    runningHead: `${t.title} — ${t.unitName}`,
    pageNumbers: 'always',
  });
  pdf.paragraph([{ text: t.unitName.toLocaleUpperCase('vi-VN'), style: 'bold' }], {
    align: 'left',
    after: 4,
  });
  pdf.title(
    t.title.toLocaleUpperCase('vi-VN'),
    t.lines.map((l) => [{ text: l, style: 'italic' as const }]),
  );
  const sections = t.sections ?? [];
  pdfTable(pdf, { ...t, heading: sections.length > 0 ? t.heading : undefined });
  for (const s of sections) pdfTable(pdf, s);
  return pdf.finish();
}

/** The file name of an export: `<sheetName>-<yyyyMMddHHmmss>.<ext>`, ASCII only. */
export const exportFileName = (t: Pick<ReportTable, 'sheetName' | 'createdAt'>, ext: 'xlsx' | 'pdf') =>
  `${t.sheetName.replace(/[^A-Za-z0-9-]/g, '-')}-${vnCompactTimestamp(t.createdAt)}.${ext}`;

// ---- words every report's title block shares -----------------------------------------------------

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** YYYY-MM-DD → dd/mm/yyyy. */
export const civilText = (date: string): string => date.split('-').reverse().join('/');

/** YYYY-MM-DD → YYYYMMDD, for names of sheets and files (a sheet's name has at most 31 characters). */
export const compactDay = (date: string): string => date.replaceAll('-', '');

/** "Từ ngày 01/11/2026 đến ngày 30/11/2026". */
export const periodLine = (from: string, to: string): string =>
  `Từ ngày ${civilText(from)} đến ngày ${civilText(to)}`;

/** "Số liệu tính đến 09:00 ngày 06/11/2026" (Vietnamese time). */
export function asOfLine(asOf: string | Date): string {
  const at = vnCivil(asOf);
  return `Số liệu tính đến ${pad2(at.hour)}:${pad2(at.minute)} ngày ${pad2(at.day)}/${pad2(at.month)}/${at.year}`;
}

/** Which agency a reorganised agency's dossiers count for (the reports' `map`). */
export const mapLine = (map: 'then' | 'today'): string =>
  map === 'today'
    ? 'Hồ sơ của cơ quan đã sắp xếp lại được tính cho cơ quan kế thừa'
    : 'Hồ sơ được tính cho cơ quan đã tiếp nhận';

/** The reporting unit of the title block: the one agency the report starts from, else the first's unit. */
export const scopeUnitName = (scope: readonly { name: string; unitName: string }[]): string =>
  scope.length === 1 ? scope[0]!.name : (scope[0]?.unitName ?? 'Các cơ quan');

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a report table as the file asked for, as a download named after it. */
export async function sendTable(
  reply: FastifyReply,
  t: ReportTable,
  format: 'xlsx' | 'pdf',
): Promise<FastifyReply> {
  const file = format === 'xlsx' ? await reportTableXlsx(t) : await reportTablePdf(t);
  return reply
    .type(format === 'xlsx' ? XLSX : 'application/pdf')
    .header('content-disposition', `attachment; filename="${exportFileName(t, format)}"`)
    .send(file);
}
