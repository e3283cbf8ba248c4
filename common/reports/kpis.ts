// The province's KPIs against its targets (issue "Steering by figures", item 3; docs/domain/reports.md,
// "KPIs"): each a share of counted dossiers, results, ratings or procedures, from the report counts
// (report_days/report_months) and the catalogue. Isomorphic: the server computes with it, the web shows
// the names, the defaults and the months with it.

/** The eight KPIs, in the order they are shown. */
export const KPI_KEYS = [
  'sync',
  'onlineProcedures',
  'onlineDossiers',
  'paidOnline',
  'electronicResults',
  'digitised',
  'onTime',
  'satisfaction',
] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

export const KPI_LABELS: Readonly<Record<KpiKey, string>> = {
  sync: 'Hồ sơ đồng bộ lên Cổng Dịch vụ công quốc gia',
  onlineProcedures: 'Thủ tục cung cấp dịch vụ công trực tuyến (toàn trình, một phần)',
  onlineDossiers: 'Hồ sơ tiếp nhận trực tuyến',
  paidOnline: 'Hồ sơ có phí, lệ phí được thanh toán trực tuyến',
  electronicResults: 'Kết quả giải quyết cấp bản điện tử có ký số',
  digitised: 'Hồ sơ được số hóa thành phần',
  onTime: 'Hồ sơ giải quyết trước hạn, đúng hạn',
  satisfaction: 'Đánh giá hài lòng, rất hài lòng',
};

/**
 * The targets a province starts with until its administrator sets its own (docs/domain/reports.md,
 * "KPIs", says where each comes from). Shares, 0..1.
 */
export const DEFAULT_KPI_TARGETS: Readonly<Record<KpiKey, number>> = {
  sync: 1,
  onlineProcedures: 0.5,
  onlineDossiers: 0.5,
  paidOnline: 0.5,
  electronicResults: 1,
  digitised: 1,
  onTime: 0.95,
  satisfaction: 0.9,
};

/** Counts of one agency (or a scope) over a period, summed from the report counts. */
export type CountFacts = {
  /** Received in the period (on the day received), online or not. */
  received: number;
  receivedOnline: number;
  synced: number;
  digitised: number;
  feeBearing: number;
  paidOnline: number;
  /** Resolved in the period with a result (not a withdrawal or stop): judged against the due time… */
  early: number;
  onTime: number;
  late: number;
  /** …or without a due time (not judged). */
  noDue: number;
  resultsElectronic: number;
  /** Withdrawals and stops closed in the period. */
  withdrawn: number;
  /** Received before the period and not resolved before it (Biểu II.06a column 6). */
  carriedOver: number;
  verySatisfied: number;
  satisfied: number;
  unsatisfied: number;
};

export const COUNT_FACT_KEYS = [
  'received',
  'receivedOnline',
  'synced',
  'digitised',
  'feeBearing',
  'paidOnline',
  'early',
  'onTime',
  'late',
  'noDue',
  'resultsElectronic',
  'withdrawn',
  'carriedOver',
  'verySatisfied',
  'satisfied',
  'unsatisfied',
] as const satisfies readonly (keyof CountFacts)[];

export const zeroCounts = (): CountFacts =>
  Object.fromEntries(COUNT_FACT_KEYS.map((k) => [k, 0])) as CountFacts;

export function addCounts(a: CountFacts, b: CountFacts): CountFacts {
  return Object.fromEntries(COUNT_FACT_KEYS.map((k) => [k, a[k] + b[k]])) as CountFacts;
}

/** Results (not withdrawals or stops) in the period. */
export const resultsOf = (c: CountFacts): number => c.early + c.onTime + c.late + c.noDue;

/**
 * The procedures offered by an agency (procedure_offerings, the latest published version of each), or
 * by a scope (distinct procedures), with what happened to them in the period.
 */
export type ProcedureFacts = {
  offered: number;
  /** Offered with online service toàn trình or một phần (procedure_versions.online_level). */
  online: number;
  /** Of `online`, those with at least one dossier received online in the period. */
  onlineUsed: number;
  /** Offered with a fee or charge published (data.fees, or a case's fees). */
  fee: number;
  /** Of `fee`, those with at least one dossier paid online in the period. */
  feePaidOnline: number;
  /** Of `fee`, those with at least one dossier received in the period. */
  feeUsed: number;
  /** Offered without a stated online level (the catalogue's source is silent; counted as not online). */
  levelUnknown: number;
};

export const zeroProcedures = (): ProcedureFacts => ({
  offered: 0,
  online: 0,
  onlineUsed: 0,
  fee: 0,
  feePaidOnline: 0,
  feeUsed: 0,
  levelUnknown: 0,
});

/** A figure's parts: how many of how many; null when the system has no source for it. */
export type Share = { numerator: number; denominator: number } | null;

/** The numerator and denominator of each KPI. `procedures` null: the catalogue keeps no history. */
export function kpiShares(c: CountFacts, procedures: ProcedureFacts | null): Record<KpiKey, Share> {
  return {
    sync: { numerator: c.synced, denominator: c.received },
    onlineProcedures: procedures ? { numerator: procedures.online, denominator: procedures.offered } : null,
    onlineDossiers: { numerator: c.receivedOnline, denominator: c.received },
    paidOnline: { numerator: c.paidOnline, denominator: c.feeBearing },
    electronicResults: { numerator: c.resultsElectronic, denominator: resultsOf(c) },
    digitised: { numerator: c.digitised, denominator: c.received },
    onTime: { numerator: c.early + c.onTime, denominator: c.early + c.onTime + c.late },
    satisfaction: {
      numerator: c.verySatisfied + c.satisfied,
      denominator: c.verySatisfied + c.satisfied + c.unsatisfied,
    },
  };
}

/** Why a KPI has no value: nothing to divide by in the period. */
export const KPI_EMPTY_REASONS: Readonly<Record<KpiKey, string>> = {
  sync: 'Không có hồ sơ tiếp nhận trong kỳ.',
  onlineProcedures: 'Cơ quan không cung cấp thủ tục nào trong danh mục.',
  onlineDossiers: 'Không có hồ sơ tiếp nhận trong kỳ.',
  paidOnline: 'Không có hồ sơ có phí, lệ phí tiếp nhận trong kỳ.',
  electronicResults: 'Không có kết quả giải quyết trong kỳ.',
  digitised: 'Không có hồ sơ tiếp nhận trong kỳ.',
  onTime: 'Không có kết quả giải quyết có hạn trả trong kỳ.',
  satisfaction: 'Không có đánh giá nào trong kỳ.',
};

/** The caveat of the procedure share when the source does not state some procedures' online level. */
export const levelUnknownReason = (procedures: number): string =>
  `${procedures} thủ tục chưa rõ mức độ dịch vụ công trực tuyến (nguồn không nêu), được tính là chưa cung cấp trực tuyến.`;

/** Why the procedure share has no value in a month of the trend. */
export const NO_CATALOGUE_HISTORY =
  'Danh mục thủ tục không lưu lịch sử cung cấp trực tuyến theo tháng; chỉ có số liệu hiện tại.';

/** numerator / denominator, or null when there is nothing to divide by. */
export const shareValue = (s: Share): number | null =>
  s === null || s.denominator === 0 ? null : s.numerator / s.denominator;

/**
 * Whether a share reaches its target (exact in integers: numerator ≥ target × denominator, within a
 * rounding of the target's decimals); null without a value.
 */
export function meetsTarget(s: Share, target: number): boolean | null {
  if (s === null || s.denominator === 0) return null;
  return s.numerator + 1e-9 >= target * s.denominator;
}

/** `YYYY-MM` of a civil date. */
export const monthOfDate = (date: string): string => date.slice(0, 7);

/** The month `n` months after `month` (`YYYY-MM`; n may be negative). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The last civil day of a month. */
export function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** Months in a trend. */
export const TREND_MONTHS = 12;

/**
 * The `count` months ending with the month of `to`, each as a period: from its first day to its last,
 * the last one to `to`.
 */
export function trendMonths(to: string, count = TREND_MONTHS): { month: string; from: string; to: string }[] {
  const last = monthOfDate(to);
  return Array.from({ length: count }, (_, i) => {
    const month = addMonths(last, i - count + 1);
    return { month, from: `${month}-01`, to: month === last ? to : lastDayOfMonth(month) };
  });
}
