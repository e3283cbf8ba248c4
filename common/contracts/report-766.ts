// The Decision 766 index (GET /api/v1/reports/index-766), its formula versions
// (GET /api/v1/reports/index-766/formulas), the national portal's official score recorded beside it
// (PUT /api/v1/reports/index-766/official) and the public dashboard (GET /api/v1/public/dashboard).
// Rules: common/reports/index-766.ts and docs/domain/reports.md.
import { Type, type Static } from 'typebox';
import { AgencyCode, Closed, Nullable } from './common.ts';
import { ReportScopeQuery } from './report-ii06a.ts';
import { ReportAgency } from './report-kpis.ts';
import { GROUP_766_KEYS, IF_NONE, INDICATOR_BASES, PERIOD_766_PATTERN } from '../reports/index-766.ts';
import { MONTH_PATTERN } from '../reports/overview.ts';

const Count = Type.Integer({ minimum: 0 });
const Points = Type.Number({ minimum: 0 });

export const Indicator766 = Closed({
  key: Type.String(),
  name: Type.String(),
  rate: Nullable(Type.Number({ minimum: 0 })),
  /** null: not computable (see `reason`). */
  points: Nullable(Points),
  max: Points,
  numerator: Nullable(Count),
  denominator: Nullable(Count),
  basis: Type.Enum([...INDICATOR_BASES]),
  reason: Nullable(Type.String()),
  /** The dossiers or procedures the numerator counts; null where none can be listed. */
  drill: Nullable(Type.String()),
});
export type Indicator766 = Static<typeof Indicator766>;

export const Group766 = Closed({
  key: Type.Enum([...GROUP_766_KEYS]),
  name: Type.String(),
  points: Points,
  max: Points,
  /** Points of indicators that cannot be computed. */
  notComputable: Points,
  indicators: Type.Array(Indicator766),
});

export const Score766Schema = Closed({
  points: Points,
  max: Points,
  notComputable: Points,
  groups: Type.Array(Group766),
});
export type Score766Schema = Static<typeof Score766Schema>;

export const Official766 = Closed({
  period: Type.String(),
  score: Type.Number({ minimum: 0, maximum: 100 }),
  sourceNote: Type.String(),
  recordedAt: Type.String(),
  recordedBy: Type.String(),
});
export type Official766 = Static<typeof Official766>;

export const Formula766Ref = Closed({
  version: Type.String(),
  validFrom: Type.String(),
  source: Type.String(),
});

export const Index766Query = Closed({
  ...ReportScopeQuery,
  /** `xlsx`, `pdf`: the report as a file to download (report tables, table-export.ts); default `json`. */
  format: Type.Optional(Type.Enum(['json', 'xlsx', 'pdf'])),
});
export type Index766Query = Static<typeof Index766Query>;

export const Index766Response = Closed({
  from: Type.String(),
  to: Type.String(),
  asOf: Type.String(),
  map: Type.Enum(['then', 'today']),
  scope: Type.Array(ReportAgency),
  /** The version in force on the period's first day. */
  formula: Formula766Ref,
  /** The official score's period when `from`–`to` is exactly a month, a quarter or a year; else null. */
  period: Nullable(Type.String()),
  /** May the caller record official scores (a province-admin). */
  canRecordOfficial: Type.Boolean(),
  rows: Type.Array(Closed({ agency: ReportAgency, score: Score766Schema, official: Nullable(Official766) })),
  /**
   * The scope's own score; `official` is that of the one agency the scope starts from (a province's
   * people's committee for the province).
   */
  total: Closed({ score: Score766Schema, official: Nullable(Official766) }),
});
export type Index766Response = Static<typeof Index766Response>;

const IndicatorFormula = Closed({
  key: Type.String({ pattern: '^[A-Z0-9_]{1,60}$' }),
  name: Type.String({ minLength: 1 }),
  max: Type.Number({ minimum: 0, maximum: 100 }),
  fullAt: Type.Number({ exclusiveMinimum: 0, maximum: 1 }),
  ifNone: Type.Enum([...IF_NONE]),
});

/** The JSON of a formula version (index_766_formula_versions.formulas), checked when read. */
export const Formula766Schema = Closed({
  groups: Type.Array(
    Closed({
      key: Type.Enum([...GROUP_766_KEYS]),
      name: Type.String({ minLength: 1 }),
      max: Type.Number({ minimum: 0, maximum: 100 }),
      indicators: Type.Array(IndicatorFormula),
    }),
  ),
});

export const Formula766List = Closed({
  items: Type.Array(
    Closed({
      version: Type.String(),
      validFrom: Type.String(),
      source: Type.String(),
      formulas: Formula766Schema,
    }),
  ),
});
export type Formula766List = Static<typeof Formula766List>;

export const PutOfficial766Body = Closed({
  agencyCode: AgencyCode,
  /** 2026, 2026-Q4 or 2026-11. */
  period: Type.String({ pattern: PERIOD_766_PATTERN, maxLength: 7 }),
  score: Type.Number({ minimum: 0, maximum: 100 }),
  /** Where the figure was read (the portal's page, a report), and when. */
  sourceNote: Type.String({ minLength: 1, maxLength: 500 }),
});
export type PutOfficial766Body = Static<typeof PutOfficial766Body>;

export const PublicDashboardQuery = Closed({
  /** The province's code (the first segment of its unit path: 01 = Hà Nội). */
  province: Type.String({ pattern: '^[0-9]{2}$', maxLength: 2 }),
  /** YYYY-MM; default: this month. */
  month: Type.Optional(Type.String({ pattern: MONTH_PATTERN, maxLength: 7 })),
});
export type PublicDashboardQuery = Static<typeof PublicDashboardQuery>;

const PublicRate = Closed({
  value: Nullable(Type.Number({ minimum: 0, maximum: 1 })),
  numerator: Count,
  denominator: Count,
});

export const PublicUnit = Closed({
  code: Type.String(),
  name: Type.String(),
  /** province: a provincial agency (department, centre, the committee); commune: a commune's. */
  level: Type.Enum(['province', 'commune']),
  onTime: PublicRate,
  online: PublicRate,
  satisfaction: PublicRate,
  /** The 766 group scores; null for a month before the first formula version. */
  index766: Nullable(
    Closed({
      points: Points,
      max: Points,
      notComputable: Points,
      groups: Type.Array(
        Closed({
          key: Type.Enum([...GROUP_766_KEYS]),
          name: Type.String(),
          points: Points,
          max: Points,
          notComputable: Points,
        }),
      ),
    }),
  ),
});
export type PublicUnit = Static<typeof PublicUnit>;

export const PublicDashboardResponse = Closed({
  province: Closed({ code: Type.String(), name: Type.String() }),
  month: Type.String(),
  from: Type.String(),
  to: Type.String(),
  asOf: Type.String(),
  formulaVersion: Nullable(Type.String()),
  total: PublicUnit,
  /** Each agency of the province with dossiers or ratings in the month. */
  units: Type.Array(PublicUnit),
});
export type PublicDashboardResponse = Static<typeof PublicDashboardResponse>;
