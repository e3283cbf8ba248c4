// The Decision 766 index (GET /api/v1/reports/index-766?format=xlsx|pdf) as a report table: the scope's
// groups and indicators (rate, points, maximum, numerator and denominator, why an indicator cannot be
// computed), its total beside the national portal's official score, then each receiving agency's group
// points on their own sheet (and under their own heading in the PDF). The formula version is named in
// the title block. Points keep two decimals, rates are shares formatted as percentages.
import type { Index766Response, Official766, Score766Schema } from '../../../common/contracts/report-766.ts';
import {
  asOfLine,
  civilText,
  compactDay,
  mapLine,
  periodLine,
  scopeUnitName,
  type ReportCell,
  type ReportTable,
  type ReportTableColumn,
} from './table-export.ts';

const points = (x: number): string => x.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

/** What the note of an indicator says: "Không tính được: …" where it has no points, else its reason. */
export function indicatorNote(i: { points: number | null; reason: string | null }): string {
  if (i.points === null) return `Không tính được: ${i.reason ?? 'hệ thống chưa có số liệu.'}`;
  return i.reason ?? '';
}

const notComputableNote = (n: number): string => (n > 0 ? `${points(n)} điểm chưa tính được` : '');

/** The official score in words, for the title block. */
function officialLine(official: Official766 | null, period: string | null): string {
  const head = 'Điểm chính thức của Cổng Dịch vụ công quốc gia';
  if (period === null)
    return `${head}: chỉ ghi theo tháng, quý hoặc năm (kỳ đang xem không phải một kỳ như vậy)`;
  if (official === null) return `${head} kỳ ${period}: chưa ghi`;
  return `${head} kỳ ${official.period}: ${points(official.score)}/100 (nguồn: ${official.sourceNote})`;
}

/** Each group's total row, then its indicators, with the group's name on every row (a filter in Excel). */
function scoreRows(score: Score766Schema): ReportCell[][] {
  return score.groups.flatMap((g) => [
    [g.name, 'Điểm của nhóm', null, g.points, g.max, null, null, notComputableNote(g.notComputable)],
    ...g.indicators.map((i): ReportCell[] => [
      g.name,
      i.name,
      i.rate,
      i.points,
      i.max,
      i.numerator,
      i.denominator,
      indicatorNote(i),
    ]),
  ]);
}

function officialNote(official: Official766 | null, period: string | null): string {
  if (period === null) return 'Chỉ ghi theo tháng, quý hoặc năm.';
  if (official === null) return `Chưa ghi điểm chính thức kỳ ${period}.`;
  return `Kỳ ${official.period}; nguồn: ${official.sourceNote}`;
}

export function index766Table(r: Index766Response, createdAt: Date): ReportTable {
  const total = r.total.score;
  const groupColumns = total.groups.map((g): ReportTableColumn => ({
    header: `${g.name} (${points(g.max)})`,
    width: 11,
    kind: 'decimal',
  }));
  return {
    // The decision's symbol is in a line, not the title: the PDF's title is upper-case ("QĐ-TTg").
    title: 'Chỉ số chất lượng phục vụ người dân, doanh nghiệp',
    lines: [
      periodLine(r.from, r.to),
      `Theo Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ; phiên bản công thức ${r.formula.version}, hiệu lực từ ngày ${civilText(r.formula.validFrom)}`,
      `Điểm tính tại địa phương: ${points(total.points)}/${points(total.max)}` +
        (total.notComputable > 0 ? ` (${notComputableNote(total.notComputable)})` : ''),
      officialLine(r.total.official, r.period),
      mapLine(r.map),
      asOfLine(r.asOf),
    ],
    unitName: scopeUnitName(r.scope),
    heading: 'Toàn phạm vi: điểm theo nhóm và chỉ tiêu',
    columns: [
      { header: 'Nhóm', width: 18 },
      { header: 'Chỉ tiêu', width: 34 },
      { header: 'Tỷ lệ', width: 9, kind: 'percent' },
      { header: 'Điểm', width: 8, kind: 'decimal' },
      { header: 'Tối đa', width: 8, kind: 'decimal' },
      { header: 'Tử số', width: 8, kind: 'number' },
      { header: 'Mẫu số', width: 8, kind: 'number' },
      { header: 'Ghi chú', width: 44 },
    ],
    rows: [
      ...scoreRows(total),
      [
        'Tổng cộng',
        'Điểm tính tại địa phương',
        null,
        total.points,
        total.max,
        null,
        null,
        notComputableNote(total.notComputable),
      ],
      [
        'Tổng cộng',
        'Điểm chính thức của Cổng Dịch vụ công quốc gia',
        null,
        r.total.official?.score ?? null,
        100,
        null,
        null,
        officialNote(r.total.official, r.period),
      ],
    ],
    sections: [
      {
        heading: 'Điểm theo cơ quan tiếp nhận',
        sheetName: 'Theo cơ quan',
        columns: [
          { header: 'Cơ quan tiếp nhận', width: 28 },
          { header: 'Đơn vị hành chính', width: 18 },
          ...groupColumns,
          { header: `Tổng điểm (${points(total.max)})`, width: 10, kind: 'decimal' },
          { header: 'Điểm chưa tính được', width: 10, kind: 'decimal' },
          { header: 'Điểm chính thức', width: 10, kind: 'decimal' },
        ],
        rows: r.rows.map((row) => [
          row.agency.name,
          row.agency.unitName,
          ...total.groups.map((g) => row.score.groups.find((x) => x.key === g.key)?.points ?? null),
          row.score.points,
          row.score.notComputable,
          row.official?.score ?? null,
        ]),
      },
    ],
    createdAt,
    sheetName: `chi-so-766-${compactDay(r.from)}-${compactDay(r.to)}`,
  };
}
