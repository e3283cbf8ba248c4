// Biểu số II.06a/VPCP/KSTT and II.06b (GET /api/v1/reports/ii06a, the contract) and the list of
// the dossiers behind a figure (GET /api/v1/reports/ii06a/dossiers). Rules: common/reports/ii06a.ts and
// docs/domain/reports.md.
import { Type, type Static } from 'typebox';
import { AgencyCode, Closed, Nullable } from './common.ts';
import { DATE_PATTERN, II06A_CELL_NAMES, II06A_GROUPS } from '../reports/ii06a.ts';

const Count = Type.Integer({ minimum: 0 });
export const CivilDate = Type.String({ pattern: DATE_PATTERN, maxLength: 10 });

/** Period and scope: shared by every report of issue "Steering by figures". */
export const ReportScopeQuery = {
  /** First civil day of the period (Vietnamese civil time), included. */
  from: CivilDate,
  /** Last civil day, included. */
  to: CivilDate,
  /** One agency the caller reaches, with what it reaches; default: the caller's own agencies. */
  agencyCode: Type.Optional(AgencyCode),
  /** `today` (default): a closed agency's dossiers at its successor; `then`: where they were received. */
  map: Type.Optional(Type.Enum(['then', 'today'])),
};

export const Ii06aQuery = Closed({
  ...ReportScopeQuery,
  /** Rows: per agency (default), per unit, per field, per procedure; `level` is Biểu II.06b. */
  groupBy: Type.Optional(Type.Enum([...II06A_GROUPS])),
  format: Type.Optional(Type.Enum(['json', 'xlsx', 'pdf'])),
  /** `time` (default): late after the due time; `day`: late on a later day only. */
  late: Type.Optional(Type.Enum(['time', 'day'])),
  /** `on-time` (default): withdrawals and stops resolved on time; `excluded`: not among the resolved. */
  withdrawn: Type.Optional(Type.Enum(['on-time', 'excluded'])),
});
export type Ii06aQuery = Static<typeof Ii06aQuery>;

export const Ii06aFiguresSchema = Closed({
  received: Closed({ total: Count, online: Count, directOrPostal: Count, carriedOver: Count }),
  resolved: Closed({ total: Count, early: Count, onTime: Count, late: Count }),
  inProgress: Closed({ total: Count, withinLimit: Count, overdue: Count }),
});

export const Ii06aRow = Closed({
  /** The row's key: an agency code, a unit code, a field's name, a procedure code or a level. */
  key: Type.String(),
  name: Type.String(),
  received: Ii06aFiguresSchema.properties.received,
  resolved: Ii06aFiguresSchema.properties.resolved,
  inProgress: Ii06aFiguresSchema.properties.inProgress,
  /** The dossiers behind a figure: this URL with `&cell=resolved.late` (any cell of the form). */
  drill: Type.String(),
});
export type Ii06aRow = Static<typeof Ii06aRow>;

export const Ii06aResponse = Closed({
  from: Type.String(),
  to: Type.String(),
  /** When the figures were read (the cut-off): an ISO instant. */
  asOf: Type.String(),
  /** "Quý IV năm 2026", as the form's title block names the period. */
  periodLabel: Type.String(),
  groupBy: Type.Enum([...II06A_GROUPS]),
  /** The agencies the report covers: the one asked for, or the caller's own. */
  scope: Type.Array(Closed({ code: AgencyCode, name: Type.String(), unitName: Type.String() })),
  rules: Closed({ late: Type.Enum(['time', 'day']), withdrawn: Type.Enum(['on-time', 'excluded']) }),
  map: Type.Enum(['then', 'today']),
  rows: Type.Array(Ii06aRow),
  total: Closed({
    received: Ii06aFiguresSchema.properties.received,
    resolved: Ii06aFiguresSchema.properties.resolved,
    inProgress: Ii06aFiguresSchema.properties.inProgress,
    drill: Type.String(),
  }),
});
export type Ii06aResponse = Static<typeof Ii06aResponse>;

export const Ii06aDrillQuery = Closed({
  ...ReportScopeQuery,
  groupBy: Type.Optional(Type.Enum([...II06A_GROUPS])),
  /** The row's key; absent: the total row. */
  key: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  /** A cell of the form, or `received.inPeriod`: columns (4) + (5), received in the period. */
  cell: Type.Enum([...II06A_CELL_NAMES, 'received.inPeriod']),
  late: Type.Optional(Type.Enum(['time', 'day'])),
  withdrawn: Type.Optional(Type.Enum(['on-time', 'excluded'])),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
});
export type Ii06aDrillQuery = Static<typeof Ii06aDrillQuery>;

export const Ii06aDrillItem = Closed({
  code: Type.String(),
  procedureCode: Type.String(),
  procedureName: Type.String(),
  applicantName: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  channel: Type.String(),
  receivedAt: Type.String(),
  dueAt: Nullable(Type.String()),
  resolvedAt: Nullable(Type.String()),
  agencyCode: Type.String(),
  agencyName: Type.String(),
});
export type Ii06aDrillItem = Static<typeof Ii06aDrillItem>;

export const Ii06aDrillResponse = Closed({
  cell: Type.String(),
  /** The column of the form (3–13) and its Vietnamese heading; null for received.inPeriod (4 + 5). */
  column: Nullable(Type.Integer()),
  label: Type.String(),
  total: Count,
  page: Type.Integer(),
  pageSize: Type.Integer(),
  items: Type.Array(Ii06aDrillItem),
});
export type Ii06aDrillResponse = Static<typeof Ii06aDrillResponse>;
