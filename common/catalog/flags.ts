// Flags: the gaps that keep a procedure version from citizens (issue #17). A version with a flag is
// imported as a draft and cannot be published until the data no longer raises it; they are computed
// from the version's data (and the day, for a decision not yet in force) every time it is written or
// published, never set by hand. They are a subset of what procedureIssues shows, plus what only the
// national catalogue's records can say (an inferred unit, a weak source). docs/domain/catalog.md, "Flags".
import { CHANNEL_LABELS, CHANNELS, type ChannelTimeLimits, type Procedure } from './procedure.ts';
import { procedureIssues } from './issues.ts';

export const FLAG_CODES = [
  'time-unit-missing',
  'time-limit-missing',
  'time-unit-inferred',
  'fee-basis-missing',
  'source-unverified',
  'not-yet-in-force',
] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

export type ProcedureFlag = {
  code: FlagCode;
  /** Where in the Procedure, slash-separated, as procedureIssues paths. */
  path: string;
  /** Vietnamese, for the administrator: what is missing and what to do. */
  message: string;
};

function inferredUnits(limits: ChannelTimeLimits, prefix: string): ProcedureFlag[] {
  const out: ProcedureFlag[] = [];
  for (const channel of CHANNELS) {
    const limit = limits[channel];
    if (limit?.unitInferred !== true || limit.unit === null) continue;
    out.push({
      code: 'time-unit-inferred',
      path: `${prefix}timeLimits/${channel}`,
      message: `Thời hạn kênh ${CHANNEL_LABELS[channel]}: Cổng chỉ hiển thị “${limit.text}”, đơn vị được suy ra từ các trường hợp của thủ tục: cần xác nhận đơn vị theo quyết định công bố`,
    });
  }
  return out;
}

/**
 * Every flag of `p` on `today` (ISO day, Asia/Ho_Chi_Minh), in a stable order: time limits (missing
 * unit, missing number, inferred unit), fee basis, source, effective date.
 */
export function procedureFlags(p: Procedure, today: string): ProcedureFlag[] {
  const flags: ProcedureFlag[] = [];
  for (const issue of procedureIssues(p)) {
    // A limit without unit or number on a channel in use leaves the due time uncomputable. "Không quy
    // định" (no-time-limit) is the law's answer, not a gap.
    if (
      issue.code === 'time-unit-missing' ||
      (issue.code === 'time-limit-missing' && issue.severity === 'warning')
    ) {
      flags.push({ code: issue.code, path: issue.path, message: issue.message });
    }
  }
  flags.push(...inferredUnits(p.timeLimits, ''));
  p.cases.forEach((c, i) => flags.push(...inferredUnits(c.timeLimits, `cases/${i}/`)));

  const decidedBy = p.feePolicy?.decidedBy ?? null;
  const amounts = [...p.fees, ...p.cases.flatMap((c) => c.fees)];
  const noAmount = amounts.every(
    (f) => (f.amountVnd === null || f.amountVnd === 0) && f.amountOther === null,
  );
  if (decidedBy !== null && noAmount && !p.feePolicy?.basis) {
    flags.push({
      code: 'fee-basis-missing',
      path: 'feePolicy/basis',
      message: `Mức thu do ${decidedBy} quyết định nhưng dữ liệu không có số tiền: cần nhập mức thu và nghị quyết của tỉnh (kể cả khi miễn thu)`,
    });
  }
  if (p.national?.unverified === true) {
    flags.push({
      code: 'source-unverified',
      path: 'national/unverified',
      message:
        'Bản ghi lấy từ trang Cổng cũ (nguồn A), không có trong dữ liệu API tháng 7/2026: thành phần hồ sơ, phí và căn cứ pháp lý được tách tự động, thủ tục có thể đã bị bãi bỏ: cần đối chiếu với quyết định công bố',
    });
  }
  if (p.decisionDate !== undefined && p.decisionDate > today) {
    flags.push({
      code: 'not-yet-in-force',
      path: 'decisionDate',
      message: `Quyết định công bố có hiệu lực từ ngày ${p.decisionDate.split('-').reverse().join('/')}: chưa được công bố trước ngày đó`,
    });
  }
  return flags;
}
