// Data-quality flags an administrator must see on a procedure: what the published data leaves open
// (a number without a unit, "Miễn phí" where the province sets the fee, an agency we cannot place).
// Derived, never stored: they disappear as the administrator fills the gaps.
import {
  CHANNEL_LABELS,
  CHANNELS,
  type ChannelTimeLimits,
  type Procedure,
  type TimeLimitGap,
} from './procedure.ts';
import { foldVietnamese } from '../text/fold.ts';

export const ISSUE_CODES = [
  'time-unit-missing',
  'time-limit-missing',
  'no-time-limit',
  'fee-set-by-province',
  'fee-amount-missing',
  'agency-kind-unknown',
  'field-missing',
  'online-level-unknown',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export type ProcedureIssue = {
  code: IssueCode;
  /** warning: blocks a correct due time or fee; info: worth completing. */
  severity: 'warning' | 'info';
  /** Where in the Procedure, slash-separated: `timeLimits/online`, `cases/0/timeLimits/direct`. */
  path: string;
  message: string;
};

// "Không quy định" / "Không" say the law sets no limit (a tax declaration); anything else
// ("Không có thông tin", "Xem phần mô tả") says the number is unknown.
const NO_LIMIT_WORDING = new Set(['khong quy dinh', 'khong']);

/** Whether a channel's published wording says the law sets no time limit ("Không quy định"). */
export function saysNoLimit(gap: TimeLimitGap): boolean {
  return NO_LIMIT_WORDING.has(foldVietnamese(gap.text));
}

function limitIssues(
  limits: ChannelTimeLimits,
  gaps: TimeLimitGap[],
  prefix: string,
  covered: (channel: (typeof CHANNELS)[number]) => boolean,
): ProcedureIssue[] {
  const out: ProcedureIssue[] = [];
  for (const channel of CHANNELS) {
    const limit = limits[channel];
    const path = `${prefix}timeLimits/${channel}`;
    if (limit && limit.unit === null) {
      out.push({
        code: 'time-unit-missing',
        severity: 'warning',
        path,
        message: `Thời hạn kênh ${CHANNEL_LABELS[channel]} được công bố là “${limit.text}” nhưng không có đơn vị (ngày làm việc, ngày hay giờ): cần xác định đơn vị trước khi tính hạn trả kết quả`,
      });
    }
    const gap = gaps.find((g) => g.channel === channel);
    if (!limit && gap) {
      const none = saysNoLimit(gap);
      out.push({
        code: none ? 'no-time-limit' : 'time-limit-missing',
        severity: none ? 'info' : 'warning',
        path,
        message: none
          ? `Kênh ${CHANNEL_LABELS[channel]}: thủ tục không quy định thời hạn giải quyết (Cổng ghi “${gap.text}”)`
          : `Kênh ${CHANNEL_LABELS[channel]}: chưa có thời hạn giải quyết (Cổng ghi “${gap.text}”): cần nhập thời hạn`,
      });
    }
    if (!limit && !gap && covered(channel)) {
      out.push({
        code: 'time-limit-missing',
        severity: 'warning',
        path,
        message: `Kênh ${CHANNEL_LABELS[channel]}: chưa có thời hạn giải quyết: cần nhập thời hạn`,
      });
    }
  }
  return out;
}

/** Every open question about one procedure, in a stable order. */
export function procedureIssues(p: Procedure): ProcedureIssue[] {
  const issues: ProcedureIssue[] = [];
  // A published channel needs a limit, unless every case gives one for it.
  const coveredByCases = (ch: (typeof CHANNELS)[number]) =>
    p.cases.length > 0 && p.cases.every((c) => c.timeLimits[ch] !== null);
  issues.push(
    ...limitIssues(p.timeLimits, p.timeLimitGaps, '', (ch) => p.channels.includes(ch) && !coveredByCases(ch)),
  );
  p.cases.forEach((c, i) => {
    issues.push(...limitIssues(c.timeLimits, c.timeLimitGaps, `cases/${i}/`, () => false));
  });

  const allFees = [...p.fees, ...p.cases.flatMap((c) => c.fees)];
  const decidedBy = p.feePolicy?.decidedBy ?? null;
  if (decidedBy !== null && allFees.every((f) => f.amountVnd === null || f.amountVnd === 0)) {
    issues.push({
      code: 'fee-set-by-province',
      severity: 'warning',
      path: 'feePolicy',
      message: `Mức thu do ${decidedBy} quyết định; Cổng chỉ hiển thị “Miễn phí” hoặc không có số tiền: cần nhập mức thu theo nghị quyết của tỉnh`,
    });
  }
  p.fees.forEach((f, i) => {
    if (f.amountVnd === null && f.amountOther === null) {
      issues.push({
        code: 'fee-amount-missing',
        severity: 'info',
        path: `fees/${i}`,
        message: `Chưa có mức thu${f.channel ? ` cho kênh ${CHANNEL_LABELS[f.channel]}` : ''}${f.text ? ` (Cổng ghi “${f.text}”)` : ''}`,
      });
    }
  });

  if (p.competentAgency.kind === null) {
    issues.push({
      code: 'agency-kind-unknown',
      severity: 'warning',
      path: 'competentAgency',
      message:
        p.competentAgency.text === null
          ? 'Chưa có thông tin cơ quan có thẩm quyền: cần gán cơ quan giải quyết'
          : `Không xác định được loại cơ quan giải quyết từ “${p.competentAgency.text}”: cần gán cơ quan giải quyết`,
    });
  }
  if (p.field === null) {
    issues.push({
      code: 'field-missing',
      severity: 'warning',
      path: 'field',
      message: 'Chưa có lĩnh vực: cần gán lĩnh vực để thủ tục hiện đúng nhóm',
    });
  }
  if (p.onlineLevel === null) {
    issues.push({
      code: 'online-level-unknown',
      severity: 'info',
      path: 'onlineLevel',
      message: 'Nguồn không nêu mức độ dịch vụ công trực tuyến (toàn trình hay một phần)',
    });
  }
  return issues;
}
