// The procedure picker's words and when it searches (procedure-picker.tsx), apart from React so that
// they are tested.
import type { Messages } from '../../app/i18n/vi.ts';

/** Fewer characters list nothing: two letters already narrow two thousand procedures. */
export const MIN_SEARCH_LENGTH = 2;

/** How a chosen procedure reads in the field: "1.001193 – Thủ tục đăng ký khai sinh". */
export const procedureText = (p: { code: string; name: string }): string => `${p.code} – ${p.name}`;

/** What to search for, or null: nothing while the field shows the chosen procedure or is too short. */
export function searchText(text: string, chosen: { code: string; name: string } | null): string | null {
  if (chosen !== null && text === procedureText(chosen)) return null;
  const query = text.trim();
  return query.length < MIN_SEARCH_LENGTH ? null : query;
}

/** The picker's status line (role="status"), what a screen reader says as the suggestions change. */
export function pickerStatus(
  t: Messages,
  read: {
    /** The name of the procedure chosen, while the field shows it. */
    chosen: string | null;
    searching: boolean;
    fetching: boolean;
    failed: boolean;
    found: number | null;
  },
): string {
  if (read.chosen !== null) return t.dossiers.intake.procedureChosen(read.chosen);
  if (!read.searching) return '';
  if (read.fetching) return t.loading;
  if (read.failed) return t.errors.generic;
  if (read.found === null) return '';
  return read.found === 0 ? t.dossiers.intake.noProcedure : t.dossiers.intake.suggestions(read.found);
}
