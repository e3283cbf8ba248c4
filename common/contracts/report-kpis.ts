// The KPIs against the province's targets (GET /api/v1/reports/kpis), the dossiers and procedures behind
// a figure (GET /api/v1/reports/kpis/dossiers, /kpis/procedures) and the targets themselves
// (GET/PUT /api/v1/provinces/:provinceCode/kpi-targets). Rules: common/reports/kpis.ts and
// docs/domain/reports.md, "KPIs".
import { Type, type Static } from 'typebox';
import { AgencyCode, Closed, Nullable } from './common.ts';
import { Ii06aDrillItem, ReportScopeQuery } from './report-ii06a.ts';
import { KPI_KEYS, type KpiKey } from '../reports/kpis.ts';

const Count = Type.Integer({ minimum: 0 });
const Share = Type.Number({ minimum: 0, maximum: 1 });

export const KpiFigure = Closed({
  /** numerator / denominator, 0..1; null with nothing to divide by, or no source (see `reason`). */
  value: Nullable(Share),
  numerator: Nullable(Count),
  denominator: Nullable(Count),
  target: Share,
  /** value ≥ target; null without a value. */
  met: Nullable(Type.Boolean()),
  /** Why there is no value, in Vietnamese; or a caveat (procedures of unknown level). */
  reason: Nullable(Type.String()),
  /**
   * `onlineProcedures`: the procedures offered whose online level the source does not state (counted
   * as not online; the caveat's number, for a reader that words it in another language); null for the
   * other KPIs and the months of the trend.
   */
  levelUnknown: Nullable(Count),
  /** What the numerator counts: a list of dossiers (or procedures); null where none can be listed. */
  drill: Nullable(Type.String()),
  /** The rest of the denominator (not synced, not paid online, late…). */
  drillRest: Nullable(Type.String()),
});
export type KpiFigure = Static<typeof KpiFigure>;

export const KpiFigures = Closed(
  Object.fromEntries(KPI_KEYS.map((k) => [k, KpiFigure])) as Record<KpiKey, typeof KpiFigure>,
);
export type KpiFigures = Static<typeof KpiFigures>;

export const KpiTargetValues = Closed(
  Object.fromEntries(KPI_KEYS.map((k) => [k, Type.Number({ minimum: 0, maximum: 1 })])) as Record<
    KpiKey,
    ReturnType<typeof Type.Number>
  >,
);
export type KpiTargetValues = Static<typeof KpiTargetValues>;

export const ReportAgency = Closed({ code: AgencyCode, name: Type.String(), unitName: Type.String() });

export const KpisQuery = Closed({
  ...ReportScopeQuery,
  /** `xlsx`, `pdf`: the report as a file to download (report tables, table-export.ts); default `json`. */
  format: Type.Optional(Type.Enum(['json', 'xlsx', 'pdf'])),
});
export type KpisQuery = Static<typeof KpisQuery>;

export const KpisResponse = Closed({
  from: Type.String(),
  to: Type.String(),
  asOf: Type.String(),
  map: Type.Enum(['then', 'today']),
  scope: Type.Array(ReportAgency),
  /** The province whose targets apply; null when the scope spans several (the defaults apply). */
  province: Nullable(Closed({ code: Type.String(), name: Type.String() })),
  targets: Closed({ source: Type.Enum(['default', 'province']), values: KpiTargetValues }),
  /** Each receiving agency with dossiers or ratings in the period. */
  rows: Type.Array(Closed({ agency: ReportAgency, figures: KpiFigures })),
  total: Closed({ figures: KpiFigures }),
  /** The scope's figures for each of the 12 months ending with the month of `to` (the last one to `to`). */
  trend: Type.Array(
    Closed({ month: Type.String(), from: Type.String(), to: Type.String(), figures: KpiFigures }),
  ),
});
export type KpisResponse = Static<typeof KpisResponse>;

/** The dossiers a KPI figure counts (the numerator) or leaves out (the rest of the denominator). */
export const KPI_DOSSIER_FIGURES = [
  'received',
  'synced',
  'notSynced',
  'digitised',
  'notDigitised',
  'feeBearing',
  'paidOnline',
  'notPaidOnline',
  'results',
  'resultsElectronic',
  'resultsNotElectronic',
  /** Results with a file but without a valid signature of the deciding agency (not counted as electronic). */
  'resultsUnsigned',
  'onTime',
  'late',
  'resolvedInTime',
  'rated',
  'satisfied',
  'unsatisfied',
] as const;
export type KpiDossierFigure = (typeof KPI_DOSSIER_FIGURES)[number];

const Paging = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
};

export const KpiDrillQuery = Closed({
  ...ReportScopeQuery,
  figure: Type.Enum([...KPI_DOSSIER_FIGURES]),
  /** One receiving agency's row (its code); absent: the whole scope. */
  key: Type.Optional(AgencyCode),
  ...Paging,
});
export type KpiDrillQuery = Static<typeof KpiDrillQuery>;

export const KpiDrillResponse = Closed({
  figure: Type.String(),
  label: Type.String(),
  total: Count,
  page: Type.Integer(),
  pageSize: Type.Integer(),
  items: Type.Array(Ii06aDrillItem),
});
export type KpiDrillResponse = Static<typeof KpiDrillResponse>;

/** The procedures behind a procedure figure (KPIs and the 766 groups "online" and "payment"). */
export const KPI_PROCEDURE_FIGURES = [
  'offered',
  'online',
  'notOnline',
  'onlineUsed',
  'fee',
  'feePaidOnline',
  'feeUsed',
] as const;
export type KpiProcedureFigure = (typeof KPI_PROCEDURE_FIGURES)[number];

export const KpiProceduresQuery = Closed({
  ...ReportScopeQuery,
  figure: Type.Enum([...KPI_PROCEDURE_FIGURES]),
  key: Type.Optional(AgencyCode),
  ...Paging,
});
export type KpiProceduresQuery = Static<typeof KpiProceduresQuery>;

export const KpiProcedureItem = Closed({
  code: Type.String(),
  name: Type.String(),
  /** full, partial, none; null: the catalogue's source does not say. */
  onlineLevel: Nullable(Type.String()),
  hasFee: Type.Boolean(),
  /** Agencies in scope offering it. */
  agencies: Count,
  /** In the period, in scope: dossiers received, received online, paid online. */
  received: Count,
  receivedOnline: Count,
  paidOnline: Count,
});
export type KpiProcedureItem = Static<typeof KpiProcedureItem>;

export const KpiProceduresResponse = Closed({
  figure: Type.String(),
  label: Type.String(),
  total: Count,
  page: Type.Integer(),
  pageSize: Type.Integer(),
  items: Type.Array(KpiProcedureItem),
});
export type KpiProceduresResponse = Static<typeof KpiProceduresResponse>;

export const ProvinceParams = Closed({ provinceCode: Type.String({ pattern: '^[0-9]{2}$', maxLength: 2 }) });

export const KpiTargetsResponse = Closed({
  provinceCode: Type.String(),
  provinceName: Type.String(),
  /** 0: the defaults, never set; else the number of changes. */
  version: Type.Integer({ minimum: 0 }),
  source: Type.Enum(['default', 'province']),
  targets: KpiTargetValues,
  defaults: KpiTargetValues,
  note: Nullable(Type.String()),
  setAt: Nullable(Type.String()),
  /** May the caller change them (a province-admin of this province). */
  canEdit: Type.Boolean(),
});
export type KpiTargetsResponse = Static<typeof KpiTargetsResponse>;

export const PutKpiTargetsBody = Closed({
  /** The version read (0 before the first change). */
  version: Type.Integer({ minimum: 0 }),
  targets: KpiTargetValues,
  note: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
});
export type PutKpiTargetsBody = Static<typeof PutKpiTargetsBody>;
