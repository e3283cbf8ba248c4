// The KPIs against the province's targets (GET /api/v1/reports/kpis?format=xlsx|pdf) as a report table:
// the scope's eight figures (numerator, denominator, share, target, met), then each receiving agency's,
// then the twelve months of the trend, each on its own sheet of the workbook and under its own heading
// in the PDF. Numbers stay numbers; a figure with nothing to divide by is empty ("—" in the PDF) with
// its reason beside it.
import type { KpiFigure, KpiFigures, KpisResponse } from '../../../common/contracts/report-kpis.ts';
import { KPI_KEYS, KPI_LABELS } from '../../../common/reports/kpis.ts';
import {
  asOfLine,
  compactDay,
  mapLine,
  periodLine,
  scopeUnitName,
  type ReportCell,
  type ReportTable,
  type ReportTableColumn,
} from './table-export.ts';

/** "Đạt", "Chưa đạt", or "—" without a value to judge. */
export const metText = (met: boolean | null): string => (met === null ? '—' : met ? 'Đạt' : 'Chưa đạt');

const FIGURE_COLUMNS: ReportTableColumn[] = [
  { header: 'Chỉ tiêu', width: 40 },
  { header: 'Tử số', width: 10, kind: 'number' },
  { header: 'Mẫu số', width: 10, kind: 'number' },
  { header: 'Tỷ lệ', width: 10, kind: 'percent' },
  { header: 'Mục tiêu', width: 10, kind: 'percent' },
  { header: 'Đánh giá', width: 11 },
];

function figureCells(f: KpiFigure): ReportCell[] {
  return [f.numerator, f.denominator, f.value, f.target, metText(f.met)];
}

/** One row per KPI: its name, figures and judgement, and the reason where there is one. */
const figureRows = (figures: KpiFigures): ReportCell[][] =>
  KPI_KEYS.map((k) => [KPI_LABELS[k], ...figureCells(figures[k]), figures[k].reason ?? '']);

/** `2026-11` → `11/2026`. */
const monthText = (month: string): string => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

export function kpisTable(r: KpisResponse, createdAt: Date): ReportTable {
  const targets =
    r.targets.source === 'province' && r.province
      ? `Mục tiêu do ${r.province.name} đặt`
      : 'Mục tiêu mặc định (tỉnh chưa đặt mục tiêu riêng)';
  return {
    title: 'Chỉ tiêu điều hành so với mục tiêu',
    lines: [periodLine(r.from, r.to), targets, mapLine(r.map), asOfLine(r.asOf)],
    unitName: scopeUnitName(r.scope),
    heading: 'Toàn phạm vi',
    columns: [...FIGURE_COLUMNS, { header: 'Ghi chú', width: 40 }],
    rows: figureRows(r.total.figures),
    sections: [
      {
        heading: 'Theo cơ quan tiếp nhận',
        sheetName: 'Theo cơ quan',
        columns: [
          { header: 'Cơ quan tiếp nhận', width: 30 },
          { header: 'Đơn vị hành chính', width: 20 },
          ...FIGURE_COLUMNS,
        ],
        rows: r.rows.flatMap((row) =>
          KPI_KEYS.map((k) => [
            row.agency.name,
            row.agency.unitName,
            KPI_LABELS[k],
            ...figureCells(row.figures[k]),
          ]),
        ),
      },
      {
        heading: 'Xu hướng 12 tháng (tỷ lệ của toàn phạm vi theo tháng)',
        sheetName: 'Xu hướng 12 tháng',
        columns: [
          { header: 'Tháng', width: 9 },
          ...KPI_KEYS.map((k): ReportTableColumn => ({ header: KPI_LABELS[k], width: 13, kind: 'percent' })),
        ],
        rows: r.trend.map((m) => [monthText(m.month), ...KPI_KEYS.map((k) => m.figures[k].value)]),
      },
    ],
    createdAt,
    sheetName: `chi-tieu-${compactDay(r.from)}-${compactDay(r.to)}`,
  };
}
