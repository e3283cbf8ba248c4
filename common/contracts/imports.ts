// Imports from the systems being replaced (issue #17, items 3–4): a file posted as the request body,
// run as a job (a dry run by default) whose progress and per-record report the screen and the CLI read.
import { Type, type Static } from 'typebox';
import { Closed, Nullable, Page } from './common.ts';

export const DOSSIER_IMPORT_FORMATS = ['dvcqg', 'opencps', 'xlsx'] as const;
export type DossierImportFormat = (typeof DOSSIER_IMPORT_FORMATS)[number];
export const IMPORT_FORMATS = [...DOSSIER_IMPORT_FORMATS, 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const IMPORT_STATES = ['running', 'done', 'failed'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

/** `dryRun` is true unless the request says false: nothing is written but the report. */
export const DossierImportQuery = Closed({
  dryRun: Type.Optional(Type.Enum(['true', 'false'], { default: 'true' })),
  format: Type.Optional(Type.Enum([...DOSSIER_IMPORT_FORMATS], { default: 'dvcqg' })),
  fileName: Type.Optional(Type.String({ maxLength: 300 })),
});

export const ImportCreated = Closed({ id: Type.String() });

export const ImportParams = Closed({ id: Type.String({ pattern: '^[0-9]{1,18}$' }) });

export const ImportQuery = Closed({
  page: Type.Optional(Page),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
  /** Only the refused records (what an administrator fixes). */
  outcome: Type.Optional(Type.Enum(['accepted', 'refused'])),
});

export const ImportReportLine = Closed({
  line: Type.Integer({ minimum: 1 }),
  code: Nullable(Type.String()),
  outcome: Type.Enum(['accepted', 'refused']),
  reason: Type.Optional(Type.String()),
});

export const ImportView = Closed({
  id: Type.String(),
  kind: Type.Enum(['dossiers', 'staff']),
  format: Type.Enum([...IMPORT_FORMATS]),
  state: Type.Enum([...IMPORT_STATES]),
  dryRun: Type.Boolean(),
  fileName: Nullable(Type.String()),
  /** Records in the file (non-empty lines, spreadsheet rows). */
  total: Type.Integer({ minimum: 0 }),
  processed: Type.Integer({ minimum: 0 }),
  accepted: Type.Integer({ minimum: 0 }),
  refused: Type.Integer({ minimum: 0 }),
  /** Accepted records that were already imported with the same content: nothing written for them. */
  unchanged: Type.Integer({ minimum: 0 }),
  /** Over the current run (a resumed run counts from its resumption). */
  rowsPerSecond: Type.Number({ minimum: 0 }),
  /** At the current pace; null before a pace is known and once done. */
  secondsLeft: Nullable(Type.Integer({ minimum: 0 })),
  startedAt: Type.String({ format: 'date-time' }),
  finishedAt: Nullable(Type.String({ format: 'date-time' })),
  /** Why a failed run stopped. */
  error: Nullable(Type.String()),
  report: Type.Array(ImportReportLine),
  /** The report's paging: the lines of this page of `reportTotal`. */
  page: Type.Integer({ minimum: 1 }),
  pageSize: Type.Integer({ minimum: 1 }),
  reportTotal: Type.Integer({ minimum: 0 }),
  /** The downloadable summary (CSV, UTF-8 with BOM for spreadsheets). */
  summaryUrl: Type.String(),
});
export type ImportView = Static<typeof ImportView>;

export const ImportList = Closed({
  items: Type.Array(Type.Omit(ImportView, ['report', 'page', 'pageSize', 'reportTotal'])),
});
