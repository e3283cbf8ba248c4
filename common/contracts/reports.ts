// The leader's overview of their units (GET /api/v1/reports/overview). Definitions of every figure:
// docs/domain/reports.md.
import { Type, type Static } from 'typebox';
import { AgencyCode, Closed, Nullable } from './common.ts';
import { DOSSIER_STATUS_VALUES } from './dossiers.ts';
import { MONTH_PATTERN } from '../reports/overview.ts';

const Count = Type.Integer({ minimum: 0 });

export const OverviewQuery = Closed({
  /** One agency the caller reaches, with what it reaches; default: the caller's own agencies. */
  agencyCode: Type.Optional(AgencyCode),
  /** `YYYY-MM` in Vietnamese civil time; default: this month. */
  month: Type.Optional(Type.String({ pattern: MONTH_PATTERN, maxLength: 7 })),
  /**
   * `today` (default): a closed agency's dossiers counted at the agency that took it over, so that
   * figures compare across a reorganisation; `then`: each dossier where it was received.
   */
  map: Type.Optional(Type.Enum(['then', 'today'])),
  /** `xlsx` or `pdf`: the per-agency table as a file. */
  format: Type.Optional(Type.Enum(['json', 'xlsx', 'pdf'])),
});
export type OverviewQuery = Static<typeof OverviewQuery>;

export const OverviewStatusCount = Closed({
  status: Type.Enum(DOSSIER_STATUS_VALUES),
  /** TrangThaiHoSo code on the national portal (1–10). */
  code: Type.Integer({ minimum: 1, maximum: 10 }),
  /** The national label, in Vietnamese. */
  label: Type.String(),
  count: Count,
});

export const OverviewFinished = Closed({
  /** Results in the month (status result-ready or returned, result_at in the month). */
  total: Count,
  /** On a civil day before the due day. */
  early: Count,
  /** On the due day, at or before the due time. */
  onTime: Count,
  /** After the original due time (an apology's new appointment does not change it). */
  late: Count,
  /** The procedure has no time limit: not judged. */
  noDueTime: Count,
});

export const OverviewFigures = Closed({
  /** Dossiers submitted in the month (every status). */
  inPeriod: Count,
  /** Dossiers submitted in the month by their status now, the ten national statuses in order. */
  byStatus: Type.Array(OverviewStatusCount),
  /** Now: clock running, due within the next working day. */
  dueSoon: Count,
  /** Now: clock running, due time passed. */
  overdue: Count,
  finished: OverviewFinished,
  /** (early + onTime) / (early + onTime + late); null when no result was judged. */
  onTimeRate: Nullable(Type.Number({ minimum: 0, maximum: 1 })),
  /** The applicants' ratings given in the month (docs/domain/ratings.md), by level. */
  satisfaction: Closed({ verySatisfied: Count, satisfied: Count, unsatisfied: Count }),
  /** (verySatisfied + satisfied) / all ratings in the month; null when there is none (QĐ 766). */
  satisfiedRate: Nullable(Type.Number({ minimum: 0, maximum: 1 })),
});
export type OverviewFigures = Static<typeof OverviewFigures>;

export const OverviewAgency = Closed({ code: AgencyCode, name: Type.String(), unitName: Type.String() });
export type OverviewAgency = Static<typeof OverviewAgency>;

export const OverviewAgencyRow = Closed({ agency: OverviewAgency, figures: OverviewFigures });
export type OverviewAgencyRow = Static<typeof OverviewAgencyRow>;

export const OverviewResponse = Closed({
  month: Type.String(),
  /** The month as instants: [from, to). */
  from: Type.String(),
  to: Type.String(),
  /** The "now" of dueSoon and overdue. */
  asOf: Type.String(),
  /** The agencies the overview starts from: the one asked for, or the caller's own. */
  scope: Type.Array(OverviewAgency),
  totals: OverviewFigures,
  /** Per receiving agency, every agency in reach with a figure that is not zero. */
  agencies: Type.Array(OverviewAgencyRow),
  /** Agencies in reach that have a one-stop desk. */
  agenciesWithDesk: Count,
  /** Of those, the ones that received no dossier in the month ("not using the system yet"). */
  agenciesWithoutDossiers: Type.Array(OverviewAgency),
});
export type OverviewResponse = Static<typeof OverviewResponse>;
