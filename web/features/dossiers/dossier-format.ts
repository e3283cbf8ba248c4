// How the dossier page names things: a dossier code's shape, a status and an action in the
// interface's language (common/dossiers: statuses and actions are the domain's own lists).
import {
  DOSSIER_ACTIONS,
  DOSSIER_STATUSES,
  type ActionKind,
  type DossierStatus,
} from '../../../common/dossiers/index.ts';
import type { Messages } from '../../app/i18n/vi.ts';
import { DOSSIER_REF } from '../../../common/org/code-patterns.ts';

/** `000.12.22.H26-261120-0001`: the agency's code, the date, the number of the day. */
/** A code a dossier may carry (its own, or a legacy code kept on import). */
export const isDossierCode = (code: string): boolean => DOSSIER_REF.test(code);

export function statusLabel(t: Messages, status: string): string {
  const info = DOSSIER_STATUSES[status as DossierStatus] as
    (typeof DOSSIER_STATUSES)[DossierStatus] | undefined;
  if (!info) return status;
  return t.lang === 'vi' ? info.label : info.englishLabel;
}

/** An action's name in the interface's language; `fallback` (the server's label, or the kind) otherwise. */
export function actionLabel(t: Messages, kind: string, fallback?: string): string {
  const known = (DOSSIER_ACTIONS[kind as ActionKind] as { label: string } | undefined)?.label;
  const named = (t.dossierTerms.actions as Partial<Record<string, string>>)[kind];
  return named ?? fallback ?? known ?? kind;
}

type Remaining = { overdue: boolean; workingMinutes: number; days: number; hours: number; minutes: number };

/** "Còn 2 ngày 3 giờ làm việc" / "2 working days 3 hours left", "Quá hạn …" / "… overdue", "Đến hạn" / "Due now". */
export function remainingLabel(t: Messages, r: Remaining): string {
  const w = t.dossierTerms.remaining;
  if (r.workingMinutes === 0) return r.overdue ? w.overdueNow : w.dueNow;
  const duration = w.duration(r);
  return r.overdue ? w.overdue(duration) : w.left(duration);
}

/** "Đã tiếp nhận", or "Đã tiếp nhận → Đang xử lý" when the action moved the dossier on. */
export function statusChange(t: Messages, from: string, to: string): string {
  return from === to ? statusLabel(t, to) : `${statusLabel(t, from)} → ${statusLabel(t, to)}`;
}

/** The applicant as the dossier keeps them (an open record): what the page shows, blanks as null. */
export function applicantFacts(applicant: object): {
  name: string;
  organisation: boolean;
  idNumber: string | null;
  phone: string | null;
  email: string | null;
} {
  const a = applicant as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
  return {
    name: text(a.fullName) ?? '',
    organisation: a.kind === 'organisation',
    idNumber: text(a.idNumber),
    phone: text(a.phone),
    email: text(a.email),
  };
}

/** "Lê Thị Mai Anh (Cán bộ một cửa)": a person by name, with the roles they acted in. */
export function personWithRoles(t: Messages, name: string, roles: readonly string[]): string {
  const labels = roles.map((r) =>
    r === 'applicant'
      ? t.dossiers.columns.applicant
      : ((t.roles as Record<string, string | undefined>)[r] ?? r),
  );
  return labels.length === 0 ? name : `${name} (${labels.join(', ')})`;
}

/** What a browser shows inside the page: PDFs in a frame, JPEG and PNG as images. */
export const previewKind = (mediaType: string): 'frame' | 'image' | null =>
  mediaType === 'application/pdf'
    ? 'frame'
    : mediaType === 'image/jpeg' || mediaType === 'image/png'
      ? 'image'
      : null;

/** The summary an import keeps as the declaration (`trichYeu`, server/modules/imports), when that is all it holds. */
export function legacySummaryOf(formData: object): string | null {
  const keys = Object.keys(formData);
  const summary = (formData as { trichYeu?: unknown }).trichYeu;
  return keys.length === 1 && typeof summary === 'string' && summary.trim() !== '' ? summary : null;
}
