// The agency registry (issue #16.2): the administrators' create, rename, re-code, move and close of
// agencies and their receiving points (desks), and the import of a province's electronic agency codes
// (mã định danh điện tử, QĐ 20/2020/QĐ-TTg or QCVN 102:2016) from a spreadsheet or CSV.
import { Type, type Static } from 'typebox';
import { AGENCY_CODE_FORMS } from '../org/agency-code.ts';
import { AGENCY_KINDS } from './org.ts';
import { AgencyCode, Closed, IsoDate, Nullable, UnitCode } from './common.ts';

/** The agencies table's own limit. */
export const AGENCY_NAME_MAX = 300;
export const DESK_NAME_MAX = 300;
/** An uploaded code list: CSV (UTF-8 or UTF-16) or XLSX, at most 5 MB (server/modules/org/agency-import.ts). */
export const AGENCY_IMPORT_FILE_MAX_BYTES = 5 * 1024 * 1024;
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const AGENCY_IMPORT_MEDIA_TYPES = ['text/csv', XLSX_MEDIA_TYPE] as const;

const Name = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const Id = Type.String({ pattern: '^[1-9][0-9]{0,17}$' });

export const AgencyKindName = Type.Enum(AGENCY_KINDS);

export const CreateAgencyBody = Closed({
  /** Either legal form; its level-1 part is the province's (the People's Committee's code). */
  code: AgencyCode,
  name: Name(AGENCY_NAME_MAX),
  /** `public-administration-centre`: the province's or a commune's centre (Nghị định 118/2025/NĐ-CP). */
  kind: AgencyKindName,
  /** The administrative unit in force today that the agency belongs to. */
  unitCode: UnitCode,
  /** The agency it answers to, open today, in the same province. */
  parentCode: AgencyCode,
  /** Give it a receiving point (bộ phận tiếp nhận và trả kết quả) at once. */
  hasDesk: Type.Boolean(),
});
export type CreateAgencyBody = Static<typeof CreateAgencyBody>;

/** Any of the three: a new name, a new code (re-code), a new parent (move). */
export const UpdateAgencyBody = Closed(
  {
    name: Type.Optional(Name(AGENCY_NAME_MAX)),
    code: Type.Optional(AgencyCode),
    parentCode: Type.Optional(AgencyCode),
  },
  { minProperties: 1 },
);
export type UpdateAgencyBody = Static<typeof UpdateAgencyBody>;

export const AgencyClosureBody = Closed({
  /** The first day without the agency (its last day is the day before); today or earlier. */
  closedOn: IsoDate,
});
export type AgencyClosureBody = Static<typeof AgencyClosureBody>;

export const AgencyParams = Closed({ code: AgencyCode });
export const DeskParams = Closed({ id: Id });
export const DeskBody = Closed({ name: Name(DESK_NAME_MAX) });
export type DeskBody = Static<typeof DeskBody>;

export const DeskView = Closed({ id: Type.String(), name: Type.String() });
export type DeskView = Static<typeof DeskView>;
export const DeskList = Closed({ agencyCode: Type.String(), items: Type.Array(DeskView) });
export type DeskList = Static<typeof DeskList>;

const Ref = Closed({ code: Type.String(), name: Type.String() });

/** What the caller may change of an agency (the server checks again on every change). */
export const AgencyPermissions = Closed({
  /** Rename it and manage its desks: unit and province administrators reaching it. */
  rename: Type.Boolean(),
  desks: Type.Boolean(),
  /** Re-code, move, close: province administrators of its province. */
  recode: Type.Boolean(),
  move: Type.Boolean(),
  close: Type.Boolean(),
});
export type AgencyPermissions = Static<typeof AgencyPermissions>;

export const AgencyDetail = Closed({
  code: Type.String(),
  /** The legal form of the code: QCVN 102:2016 or QĐ 20/2020 (null for a code of neither, as stored long ago). */
  form: Nullable(Type.Enum(AGENCY_CODE_FORMS)),
  /** The level the code says (1 for a province's People's Committee). */
  level: Nullable(Type.Integer()),
  name: Type.String(),
  kind: Type.String(),
  unit: Ref,
  parent: Nullable(Ref),
  validFrom: Nullable(Type.String()),
  /** The last day it existed; null while open. */
  validTo: Nullable(Type.String()),
  /** Agencies open today directly under it. */
  children: Type.Integer({ minimum: 0 }),
  /** Staff holding the desk-officer role at it. */
  deskOfficers: Type.Integer({ minimum: 0 }),
  desks: Type.Array(DeskView),
  may: AgencyPermissions,
});
export type AgencyDetail = Static<typeof AgencyDetail>;

// ── Import ──────────────────────────────────────────────────────────────────────────────────────

export const AGENCY_IMPORT_OUTCOMES = ['create', 'recode', 'move', 'rename', 'unchanged', 'error'] as const;
export type AgencyImportOutcome = (typeof AGENCY_IMPORT_OUTCOMES)[number];

export const AgencyImportQuery = Closed({
  /** The province (its unit code), when the caller administers more than one. */
  provinceCode: Type.Optional(UnitCode),
});
export type AgencyImportQuery = Static<typeof AgencyImportQuery>;

export const ImportProblemView = Closed({
  /** `file`, `header`, `rows`, or the failing field of a row: `rows[3].code` (rows counted from 0). */
  path: Type.String(),
  row: Nullable(Type.Integer()),
  /** The file's line (CSV) or the sheet's row (XLSX) a person can look up. */
  line: Nullable(Type.Integer()),
  code: Type.String(),
  /** Vietnamese. */
  message: Type.String(),
  en: Type.String(),
});
export type ImportProblemView = Static<typeof ImportProblemView>;

export const ImportItemView = Closed({
  row: Type.Integer(),
  line: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  level: Nullable(Type.Integer()),
  /** The parent the code names. */
  parentCode: Nullable(Type.String()),
  outcome: Type.Enum(AGENCY_IMPORT_OUTCOMES),
  /** The agency as it is today, when the row is about one. */
  current: Nullable(
    Closed({ code: Type.String(), name: Type.String(), parentCode: Nullable(Type.String()) }),
  ),
  changes: Type.Array(Type.Enum(['code', 'parent', 'name'])),
  /** For a new agency: the kind and the unit it gets. */
  kind: Nullable(Type.String()),
  unitCode: Nullable(Type.String()),
  problems: Type.Array(ImportProblemView),
});
export type ImportItemView = Static<typeof ImportItemView>;

export const AgencyImportPlanView = Closed({
  /** No problem anywhere: the list may be applied, as a whole. */
  ok: Type.Boolean(),
  /** Whether this answer applied it (POST …/import) or only planned it (…/dry-run). */
  applied: Type.Boolean(),
  provinceCode: Type.String(),
  /** The province's level-1 code (H26): every code of the list is under it. */
  level1: Type.String(),
  /** The day the plan was made for (Vietnam). */
  asOf: Type.String(),
  format: Nullable(Type.Enum(['csv', 'xlsx'])),
  totals: Closed({
    create: Type.Integer(),
    recode: Type.Integer(),
    move: Type.Integer(),
    rename: Type.Integer(),
    unchanged: Type.Integer(),
    error: Type.Integer(),
  }),
  items: Type.Array(ImportItemView),
  /** Every problem: the file's own, then each row's in row order. */
  problems: Type.Array(ImportProblemView),
});
export type AgencyImportPlanView = Static<typeof AgencyImportPlanView>;
