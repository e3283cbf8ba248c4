// The service-quality index of Decision 766/QĐ-TTg (23/6/2022) as the national portal scores it: six
// groups, 100 points (legal-notes §5 D2; docs/domain/reports.md, "Decision 766 index"). The weights and
// caps are data (index_766_formula_versions, one row per version, migration 20261210040000); this module
// applies a version to the facts of a unit and period. Isomorphic: the web names groups with it.
import { resultsOf, type CountFacts, type ProcedureFacts, type Share } from './kpis.ts';

export const GROUP_766_KEYS = [
  'transparency',
  'progress',
  'online',
  'payment',
  'satisfaction',
  'digitisation',
] as const;
export type Group766Key = (typeof GROUP_766_KEYS)[number];

/** What an indicator scores when there is nothing to divide by: 0, its maximum, or nothing (null). */
export const IF_NONE = ['zero', 'full', 'none'] as const;
export type IfNone = (typeof IF_NONE)[number];

export type Indicator766Formula = {
  key: string;
  name: string;
  max: number;
  /** The rate at which the indicator earns its maximum: points = min(max, max × rate / fullAt). */
  fullAt: number;
  ifNone: IfNone;
};

export type Group766Formula = {
  key: Group766Key;
  name: string;
  /** The group's points never exceed it (the sum of its indicators may). */
  max: number;
  indicators: Indicator766Formula[];
};

/** One version of the formulas: the JSON of index_766_formula_versions.formulas. */
export type Formula766 = { groups: Group766Formula[] };

/**
 * How an indicator's points came about: `data` from the system's figures; `no-data` nothing to divide
 * by in the period; `rule-if-none` the index's own rule for that case; `no-source` motcua keeps no data
 * for it yet.
 */
export const INDICATOR_BASES = ['data', 'no-data', 'rule-if-none', 'no-source'] as const;
export type IndicatorBasis = (typeof INDICATOR_BASES)[number];

export type Indicator766Score = {
  key: string;
  name: string;
  rate: number | null;
  points: number | null;
  max: number;
  numerator: number | null;
  denominator: number | null;
  basis: IndicatorBasis;
  reason: string | null;
};

export type Group766Score = {
  key: Group766Key;
  name: string;
  /** Points of the indicators that could be computed, capped at the group's maximum. */
  points: number;
  max: number;
  /** The points of the indicators that could not be computed (null points). */
  notComputable: number;
  indicators: Indicator766Score[];
};

export type Score766 = { points: number; max: number; notComputable: number; groups: Group766Score[] };

/** Why motcua cannot compute an indicator yet (no data source in the system). */
export const NO_SOURCE_REASONS: Readonly<Record<string, string>> = {
  PUBLISH_ON_TIME:
    'Hệ thống chưa lưu ngày quyết định công bố thủ tục và ngày cập nhật lên Cơ sở dữ liệu quốc gia, nên chưa tính được tỷ lệ công bố đúng hạn.',
  PUBLIC_UPDATE_ON_TIME:
    'Hệ thống chưa lưu thời điểm cập nhật, công khai thủ tục so với thời hạn, nên chưa tính được.',
  PUBLIC_CONTENT_FULL:
    'Hệ thống chưa có tiêu chí công khai đầy đủ theo cách Cổng Dịch vụ công quốc gia chấm, nên chưa tính được.',
  PETITION_PROCESSING_ON_TIME:
    'Số liệu phản ánh, kiến nghị (PAKN) không được đọc ở đây (xem chỉ số 766 của đơn vị); theo quy tắc của chỉ số, không có PAKN thì đạt đủ điểm.',
  PETITION_HANDLING_SATISFACTION:
    'Số liệu phản ánh, kiến nghị (PAKN) không được đọc ở đây (xem chỉ số 766 của đơn vị); theo quy tắc của chỉ số, không có PAKN thì đạt đủ điểm.',
  ELECTRONIC_CERTIFIED_COPY: 'Hệ thống chưa có chức năng chứng thực bản sao điện tử từ bản chính.',
  REUSED_DIGITIZED_DATA: 'Hệ thống chưa đếm riêng hồ sơ tái sử dụng dữ liệu đã số hóa theo cách chỉ số tính.',
  SYNCED_WITH_DVCQG_PERSONAL_STORAGE:
    'Hệ thống chưa kết nối Kho quản lý dữ liệu điện tử của tổ chức, cá nhân trên Cổng Dịch vụ công quốc gia.',
  CITIZEN_DATA_CONNECTED_DOSSIER: 'Hệ thống chưa kết nối Cơ sở dữ liệu quốc gia về dân cư.',
  CITIZEN_DATA_CONNECTED_FORMALITY: 'Hệ thống chưa kết nối Cơ sở dữ liệu quốc gia về dân cư.',
};

/** The reason given for an indicator the version names that this code has no source for. */
export const UNKNOWN_INDICATOR_REASON = 'Phiên bản công thức có chỉ tiêu hệ thống chưa có nguồn số liệu.';

/** Why an indicator with data has nothing to divide by in the period. */
export const NO_DATA_REASONS: Readonly<Record<string, string>> = {
  DOSSIER_SYNC: 'Không có hồ sơ tiếp nhận trong kỳ.',
  DOSSIER_ON_TIME: 'Không có hồ sơ trong kỳ (tiếp nhận mới hoặc từ kỳ trước chuyển sang).',
  ONLINE_PROCEDURES: 'Cơ quan không cung cấp thủ tục nào trong danh mục.',
  ONLINE_PROCEDURES_USED: 'Không có thủ tục cung cấp dịch vụ công trực tuyến.',
  ONLINE_DOSSIERS: 'Không có hồ sơ tiếp nhận trong kỳ.',
  PAID_ONLINE_DOSSIERS: 'Không có hồ sơ có phí, lệ phí trong kỳ.',
  PAID_ONLINE_PROCEDURES: 'Không có thủ tục có phí, lệ phí.',
  FEE_PROCEDURES_USED: 'Không có thủ tục có phí, lệ phí.',
  DOSSIER_RECEIVING_SATISFACTION: 'Không có đánh giá nào trong kỳ: 0 điểm theo quy tắc của chỉ số.',
  ORIGINAL_RESULT_AVAILABLE: 'Không có kết quả giải quyết trong kỳ.',
  SO_HOA_GIAY_TO_GIAI_QUYET: 'Không có hồ sơ tiếp nhận trong kỳ.',
  PETITION_PROCESSING_ON_TIME:
    'Không có phản ánh, kiến nghị (PAKN) đến hạn hoặc đã trả lời trong kỳ: đạt đủ điểm theo quy tắc của chỉ số.',
  PETITION_HANDLING_SATISFACTION:
    'Không có đánh giá câu trả lời phản ánh, kiến nghị (PAKN) trong kỳ: đạt đủ điểm theo quy tắc của chỉ số.',
};

/**
 * The PAKN of a unit and period (server/modules/feedback, docs/domain/feedback.md "Counted"): answered
 * on time, answered late, open past the due time, and the senders' ratings of the answers.
 */
export type PetitionShareFacts = {
  answeredOnTime: number;
  answeredLate: number;
  openOverdue: number;
  verySatisfied: number;
  satisfied: number;
  unsatisfied: number;
};

/**
 * The numerator and denominator of each indicator motcua has a source for, from the facts of a unit
 * and period (docs/domain/reports.md, "Decision 766 index", says what each counts).
 */
export function indicatorShares(
  c: CountFacts,
  p: ProcedureFacts,
  petitions?: PetitionShareFacts,
): Record<string, Share> {
  return {
    ...(petitions
      ? {
          PETITION_PROCESSING_ON_TIME: {
            numerator: petitions.answeredOnTime,
            denominator: petitions.answeredOnTime + petitions.answeredLate + petitions.openOverdue,
          },
          PETITION_HANDLING_SATISFACTION: {
            numerator: petitions.verySatisfied + petitions.satisfied,
            denominator: petitions.verySatisfied + petitions.satisfied + petitions.unsatisfied,
          },
        }
      : {}),
    DOSSIER_SYNC: { numerator: c.synced, denominator: c.received },
    // Biểu II.06a (8) + (9) over (3): withdrawals and results without a due time count on time there.
    DOSSIER_ON_TIME: {
      numerator: c.early + c.onTime + c.noDue + c.withdrawn,
      denominator: c.received + c.carriedOver,
    },
    ONLINE_PROCEDURES: { numerator: p.online, denominator: p.offered },
    ONLINE_PROCEDURES_USED: { numerator: p.onlineUsed, denominator: p.online },
    ONLINE_DOSSIERS: { numerator: c.receivedOnline, denominator: c.received },
    PAID_ONLINE_DOSSIERS: { numerator: c.paidOnline, denominator: c.feeBearing },
    PAID_ONLINE_PROCEDURES: { numerator: p.feePaidOnline, denominator: p.fee },
    FEE_PROCEDURES_USED: { numerator: p.feeUsed, denominator: p.fee },
    DOSSIER_RECEIVING_SATISFACTION: {
      numerator: c.verySatisfied + c.satisfied,
      denominator: c.verySatisfied + c.satisfied + c.unsatisfied,
    },
    ORIGINAL_RESULT_AVAILABLE: { numerator: c.resultsElectronic, denominator: resultsOf(c) },
    SO_HOA_GIAY_TO_GIAI_QUYET: { numerator: c.digitised, denominator: c.received },
  };
}

/** Points as shown and summed: two decimals. */
export const roundPoints = (x: number): number => Math.round(x * 100) / 100;

/** One indicator scored with its formula; `share` undefined: no source in the system. */
export function scoreIndicator(f: Indicator766Formula, share: Share | undefined): Indicator766Score {
  const base = { key: f.key, name: f.name, max: f.max };
  if (share === undefined || share === null) {
    const reason = NO_SOURCE_REASONS[f.key] ?? UNKNOWN_INDICATOR_REASON;
    if (f.ifNone === 'full') {
      return {
        ...base,
        rate: null,
        points: f.max,
        numerator: null,
        denominator: null,
        basis: 'rule-if-none',
        reason,
      };
    }
    return {
      ...base,
      rate: null,
      points: null,
      numerator: null,
      denominator: null,
      basis: 'no-source',
      reason,
    };
  }
  const { numerator, denominator } = share;
  if (denominator === 0) {
    const points = f.ifNone === 'zero' ? 0 : f.ifNone === 'full' ? f.max : null;
    return {
      ...base,
      rate: null,
      points,
      numerator,
      denominator,
      basis: f.ifNone === 'full' ? 'rule-if-none' : 'no-data',
      reason: NO_DATA_REASONS[f.key] ?? null,
    };
  }
  const rate = numerator / denominator;
  const points = roundPoints(Math.min(f.max, (f.max * rate) / f.fullAt));
  return { ...base, rate, points, numerator, denominator, basis: 'data', reason: null };
}

/** A unit's index for a period under one version of the formulas. */
export function score766(formula: Formula766, shares: Record<string, Share>): Score766 {
  const groups = formula.groups.map((g): Group766Score => {
    const indicators = g.indicators.map((i) => scoreIndicator(i, shares[i.key]));
    const sum = indicators.reduce((s, i) => s + (i.points ?? 0), 0);
    const notComputable = indicators.reduce((s, i) => s + (i.points === null ? i.max : 0), 0);
    return {
      key: g.key,
      name: g.name,
      points: roundPoints(Math.min(g.max, sum)),
      max: g.max,
      notComputable: roundPoints(notComputable),
      indicators,
    };
  });
  return {
    points: roundPoints(groups.reduce((s, g) => s + g.points, 0)),
    max: roundPoints(groups.reduce((s, g) => s + g.max, 0)),
    notComputable: roundPoints(groups.reduce((s, g) => s + g.notComputable, 0)),
    groups,
  };
}

/** An official score's period: a year `2026`, a quarter `2026-Q4` or a month `2026-11`. */
export const PERIOD_766_PATTERN = '^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$';

/** The civil days of a period key. */
export function periodDays(period: string): { from: string; to: string } {
  const year = Number(period.slice(0, 4));
  const pad = (n: number) => String(n).padStart(2, '0');
  const last = (month: number) =>
    `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
  if (period.length === 4) return { from: `${year}-01-01`, to: `${year}-12-31` };
  if (period[5] === 'Q') {
    const q = Number(period.slice(6));
    return { from: `${year}-${pad(q * 3 - 2)}-01`, to: last(q * 3) };
  }
  const m = Number(period.slice(5));
  return { from: `${year}-${pad(m)}-01`, to: last(m) };
}

/** The period key of exactly `from`–`to` when it is a month, a quarter or a year; else null. */
export function periodKeyOf(from: string, to: string): string | null {
  const year = from.slice(0, 4);
  const candidates = [
    year,
    ...[1, 2, 3, 4].map((q) => `${year}-Q${q}`),
    ...Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`),
  ];
  return (
    candidates.find((p) => {
      const d = periodDays(p);
      return d.from === from && d.to === to;
    }) ?? null
  );
}
