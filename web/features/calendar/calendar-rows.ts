// The pure half of the calendar page and the province's editor: which year an address asks for, the
// rows as they are sent (sorted by date), and which row a problem of the server's names.
import type { PutProvinceCalendarBody } from './calendar-api.ts';

/** A row of the province's days: a date and why (a day off or a make-up working day). */
export type DayRow = { id: string; date: string; reason: string };
export type ProvinceValues = { daysOff: DayRow[]; workingDays: DayRow[]; note: string };
export type CalendarList = 'daysOff' | 'workingDays';

/** The year of `/lich-lam-viec/<year>` (this year when absent), or null outside `min`–`max`. */
export function parseYear(
  text: string | null,
  current: number,
  range: { min: number; max: number },
): number | null {
  if (text === null) return current;
  if (!/^\d{4}$/.test(text)) return null;
  const year = Number(text);
  return year >= range.min && year <= range.max ? year : null;
}

/** Rows by date, rows without a date last (the order the server wants them in). */
export function byDate<T extends { date: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => (a.date || '9999').localeCompare(b.date || '9999'));
}

/** The PUT body for the form's values, read at `version`; reasons and the note trimmed. */
export function provinceBody(values: ProvinceValues, version: number): PutProvinceCalendarBody {
  const note = values.note.trim();
  const rows = (list: DayRow[]) => byDate(list).map(({ date, reason }) => ({ date, reason: reason.trim() }));
  return {
    version,
    daysOff: rows(values.daysOff),
    workingDays: rows(values.workingDays),
    ...(note ? { note } : {}),
  };
}

/** `body/daysOff/3/date` → the fourth row as sent, field `date` (the date when none is named). */
export function calendarDetailPlace(
  path: string,
): { list: CalendarList; index: number; field: string } | null {
  const [, list, index, field] = path.split('/');
  if (list !== 'daysOff' && list !== 'workingDays') return null;
  if (index === undefined || !/^\d+$/.test(index)) return null;
  return { list, index: Number(index), field: field ?? 'date' };
}

/**
 * The rows to draw: the field array's rows (up to date as soon as a row is added, moved or
 * removed) with the values typed into them (the watched values, which follow a render later).
 */
export function currentRows<R extends { id: string }>(
  fields: readonly R[],
  watched: readonly R[] | undefined,
): R[] {
  const typed = new Map((watched ?? []).map((r) => [r.id, r]));
  return fields.map((f) => typed.get(f.id) ?? f);
}
