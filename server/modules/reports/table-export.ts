// Any report table as a real spreadsheet and as a PDF (issue "Steering by figures", item 6): Vietnamese
// headings, numbers as numbers, the title, period and reporting unit named; the II.06a form has its own
// statutory layout (ii06a-export.ts). Used by the KPI, Decision 766 and adoption reports' `format=`.
import type { FastifyReply } from 'fastify';
import { buildXlsx, type XlsxCell } from '../../platform/xlsx.ts';
import { SlipPdf } from '../slips/index.ts';
import { vnCompactTimestamp } from '../../../common/time/vn-time.ts';

export type ReportTableColumn = {
  header: string;
  /** Relative width (characters in the spreadsheet). */
  width: number;
  /** Figures: right-aligned; `percent` shows a 0–1 share as a percentage. */
  kind?: 'text' | 'number' | 'percent';
};

export type ReportTable = {
  /** "CHỈ SỐ THEO QUYẾT ĐỊNH 766/QĐ-TTg", the table's title. */
  title: string;
  /** Lines under the title: the period, the scope, the cut-off. */
  lines: string[];
  unitName: string;
  columns: ReportTableColumn[];
  /** Cells: text, a number, or null for "no figure" (written as empty, shown as "—" in the PDF). */
  rows: (string | number | null)[][];
  createdAt: Date;
  /** A short name for the sheet and the file. */
  sheetName: string;
};

export async function reportTableXlsx(t: ReportTable): Promise<Buffer> {
  return buildXlsx({
    sheetName: t.sheetName.slice(0, 31),
    title: `${t.title} — ${t.unitName}`,
    subject: t.lines.join('; '),
    created: t.createdAt,
    packagedAt: t.createdAt,
    columns: t.columns.map((c) => ({
      header: c.header,
      width: c.width,
      ...(c.kind === 'percent' ? { numFmt: '0.0%' } : c.kind === 'number' ? { numFmt: '#,##0' } : {}),
    })),
    rows: t.rows.map((r) => r.map((c): XlsxCell => (c === null ? undefined : c))),
  });
}

const shown = (c: string | number | null, kind: ReportTableColumn['kind']): string => {
  if (c === null) return '—';
  if (typeof c === 'string') return c;
  if (kind === 'percent') return `${(c * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`;
  return c.toLocaleString('vi-VN');
};

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
  pdf.table(
    t.columns.map((c) => ({
      header: c.header,
      width: c.width,
      align: c.kind && c.kind !== 'text' ? 'right' : 'left',
    })),
    t.rows.map((r) => r.map((c, i) => shown(c, t.columns[i]?.kind))),
  );
  return pdf.finish();
}

/** The file name of an export: `<sheetName>-<yyyyMMddHHmmss>.<ext>`, ASCII only. */
export const exportFileName = (t: Pick<ReportTable, 'sheetName' | 'createdAt'>, ext: 'xlsx' | 'pdf') =>
  `${t.sheetName.replace(/[^A-Za-z0-9-]/g, '-')}-${vnCompactTimestamp(t.createdAt)}.${ext}`;

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
