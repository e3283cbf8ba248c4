// What the catalogue import screen works out by itself (tested in catalogue-import-rules.test.ts): a
// chosen file read as a catalogue (JSON with its `procedures`, or the province's published list as
// .xlsx), the names of its records (the JSON report carries codes only; the list's report names its rows
// and lines), the report's rows for the table and its filters, and what applying the file will do.
import type { Static } from 'typebox';
import type { Flag, ImportReport, PublishedListReport } from '../../../common/contracts/catalog.ts';
import type { Channel } from '../../../common/catalog/procedure.ts';
import type { Messages } from '../../app/i18n/vi.ts';
import { XLSX_TYPE } from '../org-admin/registry-rules.ts';

/** A JSON catalogue's report, or the published list's (the same, with each row's line and name). */
export type CatalogueImportReport = Static<typeof ImportReport> &
  Partial<Pick<Static<typeof PublishedListReport>, 'rows'>>;
export type ReportFlag = Static<typeof Flag>;
export type ReportReason = { path: string; message: string };

/** The outcomes of a record (catalog-import.service.ts). */
export const OUTCOMES = ['created', 'updated', 'unchanged', 'drafted', 'rejected'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Why a chosen file is not sent: not JSON at all, JSON of another shape, or no record in it. */
export type FileProblem = 'not-json' | 'not-catalogue' | 'empty' | 'unknown-type';

/** A chosen file ready to send: its body and type, and each record's name where the file gives it. */
export type CatalogueFile = { body: string | Blob; contentType: string; names: (string | null)[] };

/** A file the screen will not send, and why (the field says it). */
export class CatalogueFileError extends Error {
  readonly problem: FileProblem;
  constructor(problem: FileProblem) {
    super(problem);
    this.name = 'CatalogueFileError';
    this.problem = problem;
  }
}

/** Which kind of file a name says it is: the province's published list (.xlsx) or JSON. */
export function catalogueFileKind(fileName: string): 'xlsx' | 'json' | null {
  const name = fileName.trim().toLowerCase();
  if (name.endsWith('.xlsx')) return 'xlsx';
  if (name.endsWith('.json')) return 'json';
  return null;
}

/**
 * A JSON catalogue's text as the body to send (without a byte-order mark, which JSON does not allow)
 * and the names of its records, or the problem that keeps it from being sent. The server checks every
 * record; here only the file's shape: an object with a non-empty `procedures` array.
 */
export function readCatalogueText(text: string): CatalogueFile {
  const body = text.replace(/^\uFEFF/, '');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new CatalogueFileError('not-json');
  }
  const procedures =
    typeof json === 'object' && json !== null && !Array.isArray(json)
      ? (json as { procedures?: unknown }).procedures
      : undefined;
  if (!Array.isArray(procedures)) throw new CatalogueFileError('not-catalogue');
  if (procedures.length === 0) throw new CatalogueFileError('empty');
  const names = procedures.map((p: unknown) => {
    const name = typeof p === 'object' && p !== null ? (p as { name?: unknown }).name : undefined;
    return typeof name === 'string' && name.trim() !== '' ? name.trim() : null;
  });
  return { body, contentType: 'application/json', names };
}

/** A chosen file as what is sent: JSON read and checked here, a workbook sent as its bytes. */
export async function readCatalogueFile(file: Blob & { name: string }): Promise<CatalogueFile> {
  const kind = catalogueFileKind(file.name);
  if (kind === 'xlsx') return { body: file, contentType: XLSX_TYPE, names: [] };
  if (kind === null) throw new CatalogueFileError('unknown-type');
  return readCatalogueText(await file.text());
}

export type ReportRow = {
  index: number;
  /** The record's number in the file (from 1), or the list's row in its sheet. */
  line: number;
  code: string;
  name: string | null;
  outcome: Outcome;
  version: number | null;
  flags: ReportFlag[];
  reasons: ReportReason[];
};

const isOutcome = (x: string): x is Outcome => (OUTCOMES as readonly string[]).includes(x);

/**
 * The report's records in the file's order, each with its line, its name (from the file, or as the
 * list's report names it) and its reasons.
 */
export function reportRows(report: CatalogueImportReport, names: readonly (string | null)[]): ReportRow[] {
  const reasons = new Map(report.rejected.map((r) => [r.index, r.reasons]));
  const listed = new Map((report.rows ?? []).map((r) => [r.index, r]));
  return report.items
    .filter((i) => i.index >= 0)
    .map((i) => ({
      index: i.index,
      line: listed.get(i.index)?.line ?? i.index + 1,
      code: i.code,
      name: names[i.index] ?? listed.get(i.index)?.name ?? null,
      outcome: isOutcome(i.result) ? i.result : 'rejected',
      version: i.version ?? null,
      flags: i.flags ?? [],
      reasons: reasons.get(i.index) ?? [],
    }));
}

/** How many records had each outcome (the file's own problems are not a record). */
export function outcomeCounts(report: CatalogueImportReport): Record<Outcome, number> {
  const rejected = report.items.filter((i) => i.result === 'rejected' && i.index >= 0).length;
  const { created, updated, unchanged, drafted } = report;
  return { created, updated, unchanged, drafted, rejected };
}

/** The problems of the file itself (not of one record): the server's rejection at index -1. */
export function fileReasons(report: CatalogueImportReport): ReportReason[] {
  return report.rejected.filter((r) => r.index < 0).flatMap((r) => r.reasons);
}

export const ROW_FILTERS = ['all', 'drafted', 'rejected', 'created', 'updated', 'unchanged'] as const;
export type RowFilter = (typeof ROW_FILTERS)[number];

export function filterRows(rows: readonly ReportRow[], filter: RowFilter): ReportRow[] {
  return filter === 'all' ? [...rows] : rows.filter((r) => r.outcome === filter);
}

/** What applying the file writes, as the trial found it: null when it would write nothing. */
export function applyCounts(
  report: CatalogueImportReport,
): { created: number; updated: number; drafted: number } | null {
  if (!report.dryRun) return null;
  const { created, updated, drafted } = report;
  return created + updated + drafted > 0 ? { created, updated, drafted } : null;
}

/** A flag in words, with its channel when it is one channel's time limit: "thời hạn … (kênh trực tiếp)". */
export function flagText(t: Messages, flag: ReportFlag): string {
  const m = t.catalogAdmin.import;
  const name = m.flags[flag.code] ?? m.flagOther;
  const channel = /(?:^|\/)timeLimits\/(direct|online|postal)(?:\/|$)/.exec(flag.path)?.[1] as
    Channel | undefined;
  return channel ? m.onChannel(name, t.catalog.channels[channel]) : name;
}
