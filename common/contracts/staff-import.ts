// Importing staff accounts from a spreadsheet or CSV (issue #17 "Moving in", item 4; the one staff
// import, POST /api/v1/staff/import): one row per role at an agency (username, full name, role, agency
// code); an account's rows are taken together.
// Passwords are never imported: a new account has none, and its first sign-in is after an
// administrator's password reset (a temporary password, changed at that sign-in).
import { Type, type Static } from 'typebox';
import { Closed } from './common.ts';
import { RoleName } from './auth.ts';

/** An uploaded staff list: CSV (UTF-8 or UTF-16) or XLSX, at most 5 MB. */
export const STAFF_IMPORT_FILE_MAX_BYTES = 5 * 1024 * 1024;
export const STAFF_IMPORT_MAX_ROWS = 20_000;

export const StaffImportQuery = Closed({
  /** A dry run (the default) reports what each row would do and writes nothing. */
  dryRun: Type.Boolean({ default: true }),
});
export type StaffImportQuery = Static<typeof StaffImportQuery>;

export const STAFF_IMPORT_OUTCOMES = ['create', 'add-grants', 'unchanged', 'refused'] as const;
export type StaffImportOutcome = (typeof STAFF_IMPORT_OUTCOMES)[number];

export const StaffImportProblem = Closed({
  /** `rows[3].agencyCode`, `rows[3].role` … (index into the rows, from 0), or `file`/`header`. */
  path: Type.String(),
  line: Type.Union([Type.Integer(), Type.Null()]),
  code: Type.String(),
  message: Type.String(),
  en: Type.String(),
});
export type StaffImportProblem = Static<typeof StaffImportProblem>;

export const StaffImportItem = Closed({
  /** The lines of the file (CSV) or rows of the sheet (XLSX) that hold this account's roles. */
  lines: Type.Array(Type.Integer()),
  username: Type.String(),
  fullName: Type.String(),
  outcome: Type.Enum(STAFF_IMPORT_OUTCOMES),
  /**
   * The roles the account would get (or got) that it does not hold yet, at agencies in force; when the
   * file named an agency closed by a reorganisation, `namedCode` is that code and `agencyCode` its
   * successor's.
   */
  grantsAdded: Type.Array(
    Closed({ role: RoleName, agencyCode: Type.String(), namedCode: Type.Optional(Type.String()) }),
  ),
  /** Why the account is refused (every reason), or a note on an account kept as it is. */
  problems: Type.Array(StaffImportProblem),
});
export type StaffImportItem = Static<typeof StaffImportItem>;

export const StaffImportReport = Closed({
  dryRun: Type.Boolean(),
  rows: Type.Integer(),
  created: Type.Integer(),
  grantsAdded: Type.Integer(),
  unchanged: Type.Integer(),
  refused: Type.Integer(),
  items: Type.Array(StaffImportItem),
});
export type StaffImportReport = Static<typeof StaffImportReport>;
