// What the agency registry's page works out by itself (tested in registry-rules.test.ts): the content
// type of a chosen code list, the changes an edit asks for, the refusal of a form field by field, and
// the rows of a plan a table shows.
import type {
  AgencyImportOutcome,
  AgencyImportPlanView,
  ImportItemView,
  ImportProblemView,
  UpdateAgencyBody,
} from '../../../common/contracts/org-registry.ts';
import { detailField, detailText, errorText } from '../../app/errors.ts';
import { ApiError } from '../../app/http.ts';
import type { Messages } from '../../app/i18n/vi.ts';

/**
 * The kinds of agency (AGENCY_KINDS of the org contract, which a test holds equal), in the order a new
 * agency's form offers them.
 */
export const AGENCY_KIND_CHOICES = [
  'people-committee',
  'public-administration-centre',
  'justice',
  'natural-resources',
  'labour',
  'finance-planning',
  'urban-management',
  'police',
] as const;

/** The .xlsx media type (the contract's XLSX_MEDIA_TYPE; kept here so the page does not load TypeBox). */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The content type a chosen file is sent with: .xlsx as a workbook, anything else as CSV. The server
 * reads the bytes, not the name, and says what a file that is neither is (an .xls, a PDF).
 */
export function importMediaType(fileName: string): string {
  return /\.xlsx$/i.test(fileName.trim()) ? XLSX_TYPE : 'text/csv';
}

export type AgencyNow = { code: string; name: string; parentCode: string | null };
export type EditValues = { name: string; code: string; parentCode: string | null };

/** The fields an edit changes (name, code, parent), trimmed; null when it changes nothing. */
export function agencyChanges(now: AgencyNow, values: EditValues): UpdateAgencyBody | null {
  const body: UpdateAgencyBody = {};
  const name = values.name.replace(/\s+/g, ' ').trim();
  const code = values.code.trim();
  if (name !== now.name) body.name = name;
  if (code !== now.code) body.code = code;
  if (values.parentCode !== null && values.parentCode !== now.parentCode) body.parentCode = values.parentCode;
  return Object.keys(body).length > 0 ? body : null;
}

export type FormFailure<F extends string> = { fields: Partial<Record<F, string>>; general: string[] };

/**
 * A refused form: each detail naming one of `fields` (`body/code`) beside it, the others (and the
 * error itself when no detail names a field) in the summary.
 */
export function formFailure<F extends string>(
  t: Messages,
  error: unknown,
  fields: readonly F[],
): FormFailure<F> {
  const out: FormFailure<F> = { fields: {}, general: [] };
  const details = error instanceof ApiError ? error.details : [];
  for (const d of details) {
    const field = detailField(d);
    if ((fields as readonly string[]).includes(field)) out.fields[field as F] ??= detailText(t, d);
    else out.general.push(detailText(t, d));
  }
  if (Object.keys(out.fields).length === 0) out.general.unshift(errorText(t, error));
  return out;
}

export const ROW_FILTERS = ['all', 'problems', 'changes'] as const;
export type RowFilter = (typeof ROW_FILTERS)[number];

const CHANGES: readonly AgencyImportOutcome[] = ['create', 'recode', 'move', 'rename'];

/** The rows a filter keeps, in the file's order. */
export function planRows(plan: AgencyImportPlanView, filter: RowFilter): ImportItemView[] {
  if (filter === 'problems') return plan.items.filter((i) => i.outcome === 'error');
  if (filter === 'changes') return plan.items.filter((i) => CHANGES.includes(i.outcome));
  return plan.items;
}

/** A problem of the list in the interface's language (the server writes both). */
export function problemText(t: Messages, p: Pick<ImportProblemView, 'message' | 'en'>): string {
  return t.lang === 'vi' ? p.message : p.en;
}

/** The problems of the file itself (no header, not UTF-8 …), before any row. */
export const fileProblems = (plan: AgencyImportPlanView): ImportProblemView[] =>
  plan.problems.filter((p) => p.row === null);
