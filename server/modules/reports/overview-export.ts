// The leader's overview as a table for its .xlsx and PDF: one row per receiving agency and the total.
import type { OverviewFigures, OverviewResponse } from '../../../common/contracts/reports.ts';
import { vnCivil } from '../../../common/time/vn-time.ts';
import type { ReportTable } from './table-export.ts';

const pad = (n: number) => String(n).padStart(2, '0');

function cells(f: OverviewFigures): (number | null)[] {
  return [
    f.inPeriod,
    f.finished.total,
    f.finished.early,
    f.finished.onTime,
    f.finished.late,
    f.onTimeRate,
    f.overdue,
    f.dueSoon,
    f.satisfiedRate,
  ];
}

export function overviewTable(o: OverviewResponse, createdAt: Date): ReportTable {
  const [y, m] = o.month.split('-');
  const asOf = vnCivil(o.asOf);
  return {
    title: 'Tổng quan tình hình giải quyết hồ sơ',
    lines: [
      `Tháng ${Number(m)} năm ${y}`,
      `Số liệu tính đến ${pad(asOf.hour)}:${pad(asOf.minute)} ngày ${pad(asOf.day)}/${pad(asOf.month)}/${asOf.year}`,
    ],
    unitName: o.scope.length === 1 ? o.scope[0]!.name : (o.scope[0]?.unitName ?? 'Các cơ quan'),
    columns: [
      { header: 'Cơ quan tiếp nhận', width: 34 },
      { header: 'Đơn vị hành chính', width: 22 },
      { header: 'Hồ sơ trong tháng', width: 11, kind: 'number' },
      { header: 'Có kết quả', width: 10, kind: 'number' },
      { header: 'Trước hạn', width: 10, kind: 'number' },
      { header: 'Đúng hạn', width: 10, kind: 'number' },
      { header: 'Quá hạn', width: 10, kind: 'number' },
      { header: 'Tỷ lệ đúng hạn', width: 11, kind: 'percent' },
      { header: 'Đang quá hạn', width: 10, kind: 'number' },
      { header: 'Sắp đến hạn', width: 10, kind: 'number' },
      { header: 'Tỷ lệ hài lòng', width: 11, kind: 'percent' },
    ],
    rows: [
      ...o.agencies.map((a) => [a.agency.name, a.agency.unitName, ...cells(a.figures)]),
      ['Tổng cộng', '', ...cells(o.totals)],
    ],
    createdAt,
    sheetName: `tong-quan-${o.month}`,
  };
}
