// The adoption monitor (GET /api/v1/reports/adoption), the reasons for a legitimate zero and the
// explanation requests (yêu cầu giải trình). Rules: common/reports/adoption.ts; definitions of every
// figure: docs/domain/reports.md, "Adoption monitor".
import { Type, type Static } from 'typebox';
import { AgencyCode, Closed, Nullable, PagedQuery } from './common.ts';
import { PlaceStep } from './org.ts';
import { CivilDate, ReportScopeQuery } from './report-ii06a.ts';
import { ADOPTION_VERDICTS, EXPLANATION_STATES, TREND_MONTHS } from '../reports/adoption.ts';

const Count = Type.Integer({ minimum: 0 });
const Trend = Type.Array(Count, { minItems: TREND_MONTHS, maxItems: TREND_MONTHS });

export const AdoptionQuery = Closed({
  ...ReportScopeQuery,
  /** `xlsx`, `pdf`: the report as a file to download (report tables, table-export.ts); default `json`. */
  format: Type.Optional(Type.Enum(['json', 'xlsx', 'pdf'])),
});
export type AdoptionQuery = Static<typeof AdoptionQuery>;

/** A number and the list behind it: an API address, or null where no list exists yet. */
export const AdoptionFigure = Closed({ value: Count, drill: Nullable(Type.String()) });
export type AdoptionFigure = Static<typeof AdoptionFigure>;

export const AdoptionAgencyBrief = Closed({ code: AgencyCode, name: Type.String(), unitName: Type.String() });
export type AdoptionAgencyBrief = Static<typeof AdoptionAgencyBrief>;

export const ZeroReasonView = Closed({
  agency: AdoptionAgencyBrief,
  from: Type.String(),
  to: Type.String(),
  reason: Type.String(),
  recordedBy: Type.String(),
  recordedAt: Type.String(),
});
export type ZeroReasonView = Static<typeof ZeroReasonView>;

export const ExplanationView = Closed({
  id: Type.String(),
  /** The agency asked: its leaders answer. */
  agency: AdoptionAgencyBrief,
  /** The period the agency is asked about, civil days, both included. */
  from: Type.String(),
  to: Type.String(),
  periodLabel: Type.String(),
  /** The last civil day to answer on (Vietnamese time): late from the next day. */
  dueOn: Type.String(),
  message: Type.String(),
  requestedBy: Type.String(),
  requestedAt: Type.String(),
  answer: Nullable(Closed({ text: Type.String(), by: Type.String(), at: Type.String() })),
  state: Type.Enum([...EXPLANATION_STATES]),
  /** Answered after the due day. */
  answeredLate: Type.Boolean(),
  /** The caller leads the agency asked and may answer now. */
  canAnswer: Type.Boolean(),
});
export type ExplanationView = Static<typeof ExplanationView>;

/**
 * Moved in from a legacy system (issue "Moving in", item 5): the applied imports (never a dry run) that
 * wrote dossiers received here, as of now whatever the period.
 */
export const MovedInView = Closed({
  /** The civil day the first of them wrote one. */
  since: Type.String(),
  /** The dossiers they wrote, all together. */
  dossiers: Count,
  /** The earliest civil day one of them was received (submitted, for one never received). */
  historyFrom: Type.String(),
});
export type MovedInView = Static<typeof MovedInView>;

export const AdoptionAgency = Closed({
  code: AgencyCode,
  name: Type.String(),
  verdict: Type.Enum([...ADOPTION_VERDICTS]),
  /** Received in the period (online and direct or postal). */
  received: AdoptionFigure,
  /** Resolved in the period: early, on time, late, withdrawn or stopped, without a time limit. */
  resolved: AdoptionFigure,
  /** Results handed to the applicant in the period (the return action). */
  returned: AdoptionFigure,
  staff: Closed({
    /** Active accounts holding a role at the agency. */
    total: Count,
    /** Of them, those who signed in during the period. */
    signedIn: Count,
    signIns: Count,
    /** Dossier actions they took in the period. */
    actions: Count,
    drill: Type.String(),
  }),
  procedures: Closed({
    /** Procedures the agency offers (catalogue offerings). */
    offered: Count,
    /** Of them, those with a dossier received or resolved in the period. */
    used: Count,
    /** used / offered; null when it offers none. */
    share: Nullable(Type.Number({ minimum: 0, maximum: 1 })),
    drill: Type.String(),
  }),
  /** The reason for a legitimate zero recorded for a period covering this one, if any. */
  zeroReason: Nullable(ZeroReasonView),
  /** Requests to explain about a period overlapping this one, oldest first. */
  explanations: Type.Array(ExplanationView),
  /** Received and resolved in each of the response's `months`. */
  trend: Closed({ received: Trend, resolved: Trend }),
  /**
   * Moved in, or null; `inPeriod`: the imported dossiers' receptions and resolutions that fall in the
   * period, left out of `received`, `resolved` and the verdict (a legacy system's work is not use).
   */
  movedIn: Nullable(
    Closed({ ...MovedInView.properties, inPeriod: Closed({ received: Count, resolved: Count }) }),
  ),
  /** The first civil day a dossier was received here in this system itself (imported ones left out); null: none yet. */
  firstReceivedOn: Nullable(Type.String()),
});
export type AdoptionAgency = Static<typeof AdoptionAgency>;

export const AdoptionGroup = Closed({
  unit: Closed({ code: Type.String(), name: Type.String() }),
  /** The unit's ancestors and itself, province first (the map of the day the figures are read on). */
  trail: Type.Array(PlaceStep),
  agencies: Type.Array(AdoptionAgency),
  /** Its agencies' moving in together: the first import's day, all their dossiers, the earliest; or null. */
  movedIn: Nullable(MovedInView),
  /** The first of its agencies' first receptions in this system, or null. */
  firstReceivedOn: Nullable(Type.String()),
});
export type AdoptionGroup = Static<typeof AdoptionGroup>;

export const AdoptionResponse = Closed({
  from: Type.String(),
  to: Type.String(),
  periodLabel: Type.String(),
  /** When the figures were read: an ISO instant; `today` its Vietnamese civil day (lateness). */
  asOf: Type.String(),
  today: Type.String(),
  map: Type.Enum(['then', 'today']),
  scope: Type.Array(AdoptionAgencyBrief),
  /** The trend's months (`YYYY-MM`), oldest first, ending with the month of `to`. */
  months: Type.Array(Type.String(), { minItems: TREND_MONTHS, maxItems: TREND_MONTHS }),
  totals: Closed({
    agencies: Count,
    using: Count,
    notUsing: Count,
    zeroExplained: Count,
    received: Count,
    resolved: Count,
    returned: Count,
    /** Requests to explain about a period overlapping this one; of them, those answered and those late. */
    requests: Count,
    answered: Count,
    late: Count,
    trend: Closed({ received: Trend, resolved: Trend }),
    /** Agencies that have moved in, and of them those not using the system in the period. */
    movedIn: Count,
    movedInNotUsing: Count,
  }),
  /** Agencies with a one-stop desk, by administrative unit in the order of the tree. */
  groups: Type.Array(AdoptionGroup),
});
export type AdoptionResponse = Static<typeof AdoptionResponse>;

const Reason = Type.String({ minLength: 1, maxLength: 1000 });

export const ZeroReasonBody = Closed({
  agencyCode: AgencyCode,
  from: CivilDate,
  to: CivilDate,
  /** E.g. "Không phát sinh hồ sơ": why nothing was received nor resolved. */
  reason: Reason,
});
export type ZeroReasonBody = Static<typeof ZeroReasonBody>;

export const ZeroReasonKey = Closed({ agencyCode: AgencyCode, from: CivilDate, to: CivilDate });
export type ZeroReasonKey = Static<typeof ZeroReasonKey>;

export const ExplanationBody = Closed({
  agencyCode: AgencyCode,
  from: CivilDate,
  to: CivilDate,
  /** The last day to answer on: today or later. */
  dueOn: CivilDate,
  message: Type.String({ minLength: 1, maxLength: 2000 }),
});
export type ExplanationBody = Static<typeof ExplanationBody>;

export const ExplanationAnswerBody = Closed({ text: Type.String({ minLength: 1, maxLength: 4000 }) });
export type ExplanationAnswerBody = Static<typeof ExplanationAnswerBody>;

export const ExplanationParams = Closed({ id: Type.String({ pattern: '^[1-9][0-9]{0,17}$' }) });

export const IdempotencyHeaders = Type.Object(
  { 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 200 })) },
  { additionalProperties: true },
);

export const ExplanationsQuery = PagedQuery({
  /** Requests to this agency (and those it reaches), within the caller's reach. */
  agencyCode: Type.Optional(AgencyCode),
  state: Type.Optional(Type.Enum([...EXPLANATION_STATES])),
});
export type ExplanationsQuery = Static<typeof ExplanationsQuery>;

export const ExplanationList = Closed({ items: Type.Array(ExplanationView), total: Count });
export type ExplanationList = Static<typeof ExplanationList>;
