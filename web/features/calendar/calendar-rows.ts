// The pure half of the calendar page and its editor: which year an address asks for, the rows
// as they are sent (sorted by date), and which row a problem of the server's names.
import type { HolidayKind, PutCalendarYearBody } from './calendar-api.ts';

export type HolidayRow = { id: string; date: string; name: string; kind: HolidayKind; removable?: boolean };
export type WorkingRow = { id: string; date: string; reason: string };
export type CalendarValues = {
  holidays: HolidayRow[];
  workingDays: WorkingRow[];
  confirmed: boolean;
  note: string;
};
export type CalendarList = 'holidays' | 'workingDays';

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

/** The PUT body for the form's values, read at `version`; names, reasons and the note trimmed. */
export function calendarBody(values: CalendarValues, version: number): PutCalendarYearBody {
  const note = values.note.trim();
  return {
    version,
    provisional: !values.confirmed,
    holidays: byDate(values.holidays).map(({ date, name, kind, removable }) =>
      removable === undefined
        ? { date, name: name.trim(), kind }
        : { date, name: name.trim(), kind, removable },
    ),
    workingDays: byDate(values.workingDays).map(({ date, reason }) => ({ date, reason: reason.trim() })),
    ...(note ? { note } : {}),
  };
}

/** `body/holidays/3/date` → the fourth row as sent, field `date` (the date when none is named). */
export function calendarDetailPlace(
  path: string,
): { list: CalendarList; index: number; field: string } | null {
  const [, list, index, field] = path.split('/');
  if (list !== 'holidays' && list !== 'workingDays') return null;
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
