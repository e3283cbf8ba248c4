// The adoption monitor (GET /api/v1/reports/adoption?format=xlsx|pdf) as a report table: every agency
// with a one-stop desk, by administrative unit in the order of the tree (the unit named on each row, a
// filter in Excel), with what it received, resolved and returned, its staff's sign-ins and actions, its
// procedures used of those offered, the verdict in Vietnamese and where its explanation stands, whether
// it moved its history in from a legacy system (from which day, how many dossiers, from how far back)
// and its first dossier received in the system itself; the total; then the twelve months of the trend
// on their own sheet (under their own heading in the PDF).
import type { AdoptionAgency, AdoptionResponse } from '../../../common/contracts/report-adoption.ts';
import type { AdoptionVerdict, ExplanationState } from '../../../common/reports/adoption.ts';
import {
  asOfLine,
  civilText,
  compactDay,
  mapLine,
  periodLine,
  scopeUnitName,
  type ReportCell,
  type ReportTable,
} from '../reports/index.ts';

export const VERDICT_TEXT: Readonly<Record<AdoptionVerdict, string>> = {
  using: 'Đang sử dụng',
  'not-using': 'Chưa sử dụng hệ thống',
  'zero-explained': 'Không phát sinh (đã giải trình lý do)',
};

const STATE_TEXT: Readonly<Record<ExplanationState, string>> = {
  awaiting: 'Chờ trả lời',
  late: 'Quá hạn trả lời',
  answered: 'Đã trả lời',
};

/** The reason for a legitimate zero, and the latest request to explain: its state and due day. */
export function explanationText(a: Pick<AdoptionAgency, 'zeroReason' | 'explanations'>): string {
  const parts: string[] = [];
  if (a.zeroReason) parts.push(`Lý do không phát sinh: ${a.zeroReason.reason}`);
  const last = a.explanations.at(-1);
  if (last) {
    const late = last.answeredLate ? ' (trả lời sau hạn)' : '';
    parts.push(`${STATE_TEXT[last.state]}, hạn ${civilText(last.dueOn)}${late}`);
  } else {
    parts.push('Chưa yêu cầu');
  }
  return parts.join('; ');
}

function agencyRow(unitName: string, a: AdoptionAgency): ReportCell[] {
  return [
    unitName,
    a.name,
    VERDICT_TEXT[a.verdict],
    a.received.value,
    a.resolved.value,
    a.returned.value,
    a.staff.total,
    a.staff.signedIn,
    a.staff.signIns,
    a.staff.actions,
    a.procedures.used,
    a.procedures.offered,
    explanationText(a),
    a.movedIn ? civilText(a.movedIn.since) : 'Chưa chuyển',
    a.movedIn?.dossiers ?? null,
    a.movedIn ? civilText(a.movedIn.historyFrom) : '',
    a.firstReceivedOn ? civilText(a.firstReceivedOn) : 'Chưa có',
  ];
}

/** `2026-11` → `11/2026`. */
const monthText = (month: string): string => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

export function adoptionTable(r: AdoptionResponse, createdAt: Date): ReportTable {
  const n = r.totals;
  const named = !r.periodLabel.startsWith('Từ ngày');
  const all = r.groups.flatMap((g) => g.agencies);
  return {
    title: 'Theo dõi sử dụng hệ thống thông tin một cửa điện tử',
    lines: [
      named ? `${r.periodLabel} (${periodLine(r.from, r.to).toLocaleLowerCase('vi-VN')})` : r.periodLabel,
      `Cơ quan có bộ phận một cửa: ${n.agencies}; đang sử dụng: ${n.using}; chưa sử dụng hệ thống: ${n.notUsing}; không phát sinh (đã giải trình lý do): ${n.zeroExplained}`,
      `Yêu cầu giải trình: ${n.requests}; đã trả lời: ${n.answered}; quá hạn trả lời: ${n.late}`,
      `Đã chuyển dữ liệu từ hệ thống cũ: ${n.movedIn} cơ quan, trong đó chưa sử dụng hệ thống: ${n.movedInNotUsing}; hồ sơ nhập từ hệ thống cũ không tính là sử dụng hệ thống`,
      mapLine(r.map),
      asOfLine(r.asOf),
    ],
    unitName: scopeUnitName(r.scope),
    heading: 'Theo đơn vị hành chính và cơ quan',
    columns: [
      { header: 'Đơn vị hành chính', width: 15 },
      { header: 'Cơ quan', width: 22 },
      { header: 'Tình trạng', width: 28 },
      { header: 'Hồ sơ tiếp nhận', width: 7, kind: 'number' },
      { header: 'Hồ sơ đã giải quyết', width: 7, kind: 'number' },
      { header: 'Trả kết quả', width: 7, kind: 'number' },
      { header: 'Số cán bộ', width: 7, kind: 'number' },
      { header: 'Cán bộ đã đăng nhập', width: 7, kind: 'number' },
      { header: 'Lượt đăng nhập', width: 7, kind: 'number' },
      { header: 'Lượt xử lý hồ sơ', width: 7, kind: 'number' },
      { header: 'Thủ tục có hồ sơ', width: 7, kind: 'number' },
      { header: 'Thủ tục cung cấp', width: 7, kind: 'number' },
      { header: 'Giải trình', width: 18 },
      { header: 'Chuyển dữ liệu từ hệ thống cũ từ ngày', width: 16 },
      { header: 'Hồ sơ đã chuyển', width: 7, kind: 'number' },
      { header: 'Lịch sử từ ngày', width: 16 },
      { header: 'Hồ sơ đầu tiên tiếp nhận trên hệ thống', width: 16 },
    ],
    rows: [
      ...r.groups.flatMap((g) => g.agencies.map((a) => agencyRow(g.unit.name, a))),
      // Staff and procedures are not summed: one account or procedure may count at several agencies.
      [
        'Tổng cộng',
        `${n.agencies} cơ quan`,
        '',
        n.received,
        n.resolved,
        n.returned,
        null,
        null,
        null,
        null,
        null,
        null,
        '',
        `${n.movedIn} cơ quan`,
        all.reduce((sum, a) => sum + (a.movedIn?.dossiers ?? 0), 0),
        '',
        '',
      ],
    ],
    sections: [
      {
        heading: 'Xu hướng 12 tháng (toàn phạm vi)',
        sheetName: 'Xu hướng 12 tháng',
        columns: [
          { header: 'Tháng', width: 10 },
          { header: 'Hồ sơ tiếp nhận', width: 14, kind: 'number' },
          { header: 'Hồ sơ đã giải quyết', width: 14, kind: 'number' },
        ],
        rows: r.months.map((m, i) => [
          monthText(m),
          n.trend.received[i] ?? null,
          n.trend.resolved[i] ?? null,
        ]),
      },
    ],
    createdAt,
    sheetName: `su-dung-${compactDay(r.from)}-${compactDay(r.to)}`,
  };
}
