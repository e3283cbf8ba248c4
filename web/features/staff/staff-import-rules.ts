// The staff list's report as the import section shows it (#17): totals in words, the accounts kept by
// the filter (all, refused, changed) 50 a page, each problem in the interface's language, and the
// report as a CSV an administrator downloads (UTF-8 with BOM, so that Excel reads the diacritics).
import type { StaffImportItem, StaffImportReport } from '../../../common/contracts/staff-import.ts';
import type { Messages } from '../../app/i18n/vi.ts';

export const REPORT_PAGE_SIZE = 50;
export const REPORT_FILTERS = ['all', 'refused', 'changed'] as const;
export type ReportFilter = (typeof REPORT_FILTERS)[number];

const OUTCOMES = ['create', 'add-grants', 'unchanged', 'refused'] as const;

export function reportTotals(t: Messages, r: StaffImportReport): string {
  const m = t.staff.import;
  const counts = {
    create: r.created,
    'add-grants': r.grantsAdded,
    unchanged: r.unchanged,
    refused: r.refused,
  };
  const parts = OUTCOMES.filter((o) => counts[o] > 0).map(
    (o) => `${m.outcomes[o].toLowerCase()} ${counts[o]}`,
  );
  return m.totals(r.rows, r.items.length, parts.join(', '));
}

export function reportRows(items: readonly StaffImportItem[], filter: ReportFilter): StaffImportItem[] {
  if (filter === 'refused') return items.filter((i) => i.outcome === 'refused');
  if (filter === 'changed') return items.filter((i) => i.outcome === 'create' || i.outcome === 'add-grants');
  return [...items];
}

export function pageOf<T>(rows: readonly T[], page: number): { rows: T[]; pages: number } {
  const pages = Math.max(1, Math.ceil(rows.length / REPORT_PAGE_SIZE));
  const at = Math.min(Math.max(1, page), pages);
  return { rows: rows.slice((at - 1) * REPORT_PAGE_SIZE, at * REPORT_PAGE_SIZE), pages };
}

/** A role given, at its agency (and the closed agency the file named, when it went to its successor). */
export function grantWords(t: Messages, g: StaffImportItem['grantsAdded'][number]): string {
  return t.staff.import.grantAt(t.roles[g.role], g.agencyCode, g.namedCode);
}

/** A problem in the interface's language: the server's Vietnamese, or its English beside it. */
export function problemWords(t: Messages, p: { message: string; en: string }): string {
  return t.lang === 'en' ? p.en : p.message;
}

const csvCell = (text: string): string => (/[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** The report as CSV: one line per account, its lines in the file, what was done, the roles and why. */
export function reportCsv(t: Messages, r: StaffImportReport): string {
  const m = t.staff.import;
  const head = [
    m.columns.lines,
    m.columns.username,
    m.columns.name,
    m.columns.outcome,
    m.columns.grants,
    m.columns.problems,
  ];
  const lines = r.items.map((i) =>
    [
      i.lines.join(' '),
      i.username,
      i.fullName,
      m.outcomes[i.outcome],
      i.grantsAdded.map((g) => grantWords(t, g)).join('; '),
      i.problems.map((p) => `${m.line(p.line)}: ${problemWords(t, p)}`).join(' | '),
    ]
      .map(csvCell)
      .join(','),
  );
  return `\uFEFF${[head.map(csvCell).join(','), ...lines].join('\r\n')}\r\n`;
}
