// Checks an administrator's CalendarYear before it replaces a year: every problem, with its path.
import { isoWeekday, parseDate } from './civil-date.ts';
import { HOLIDAY_KINDS } from './types.ts';
import type { CalendarYear, ValidationProblem } from './types.ts';

export const CALENDAR_MIN_YEAR = 1900;
export const CALENDAR_MAX_YEAR = 2199;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

/** Every problem of an input meant as a CalendarYear; an empty list means it is one. */
export function validateCalendarYear(input: unknown): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const add = (path: string, code: string, message: string): void => {
    problems.push({ path, code, message });
  };
  if (!isRecord(input)) {
    add('', 'not-an-object', 'Lịch năm phải là một đối tượng.');
    return problems;
  }
  const year = input.year;
  const yearOk =
    Number.isInteger(year) && (year as number) >= CALENDAR_MIN_YEAR && (year as number) <= CALENDAR_MAX_YEAR;
  if (!yearOk)
    add('year', 'invalid-year', `Năm phải là số nguyên từ ${CALENDAR_MIN_YEAR} đến ${CALENDAR_MAX_YEAR}.`);
  if (!Number.isInteger(input.version) || (input.version as number) < 0) {
    add('version', 'invalid-version', 'Phiên bản phải là số nguyên không âm.');
  }
  if (typeof input.provisional !== 'boolean') {
    add('provisional', 'invalid-provisional', 'Trường "provisional" phải là true hoặc false.');
  }

  // Dates seen so far → the path that used them, for duplicate and conflict messages.
  const holidayDates = new Map<number, string>();
  const checkDate = (value: unknown, path: string, what: string): number | undefined => {
    const day = typeof value === 'string' ? parseDate(value) : undefined;
    if (day === undefined) {
      add(path, 'invalid-date', `${what}: ngày phải có dạng YYYY-MM-DD và là ngày có thật.`);
      return undefined;
    }
    if (yearOk && (value as string).slice(0, 4) !== String(year)) {
      add(path, 'date-outside-year', `${what}: ngày ${String(value)} không thuộc năm ${String(year)}.`);
      return undefined;
    }
    return day;
  };

  /** Checks that a field is a list of objects, then each entry with `check`; `noun` names an entry. */
  const eachEntry = (
    field: 'holidays' | 'workingDays',
    noun: string,
    check: (entry: Record<string, unknown>, path: string) => void,
  ): void => {
    const list = input[field];
    if (!Array.isArray(list)) {
      add(field, 'not-a-list', `Danh sách ${noun} phải là một mảng.`);
      return;
    }
    list.forEach((entry: unknown, i) => {
      const path = `${field}/${i}`;
      if (isRecord(entry)) check(entry, path);
      else add(path, 'not-an-object', `Mỗi ${noun} phải là một đối tượng.`);
    });
  };

  eachEntry('holidays', 'ngày nghỉ', (h, path) => {
    const day = checkDate(h.date, `${path}/date`, 'Ngày nghỉ');
    if (day !== undefined) {
      const first = holidayDates.get(day);
      if (first !== undefined) {
        add(`${path}/date`, 'duplicate-date', `Ngày nghỉ ${String(h.date)} bị trùng với ${first}.`);
      } else {
        holidayDates.set(day, path);
      }
      if ((h.kind === 'compensatory' || h.kind === 'extra-day-off') && isoWeekday(day) >= 6) {
        add(
          `${path}/date`,
          'day-off-on-weekend',
          `Ngày nghỉ bù hoặc hoán đổi ${String(h.date)} phải là ngày trong tuần.`,
        );
      }
    }
    if (!isText(h.name)) add(`${path}/name`, 'empty-name', 'Tên ngày nghỉ không được để trống.');
    if (!HOLIDAY_KINDS.includes(h.kind as never)) {
      add(`${path}/kind`, 'invalid-kind', `Loại ngày nghỉ phải là một trong: ${HOLIDAY_KINDS.join(', ')}.`);
    }
    if (h.removable !== undefined && typeof h.removable !== 'boolean') {
      add(`${path}/removable`, 'invalid-removable', 'Trường "removable" phải là true hoặc false.');
    }
  });

  const seen = new Map<number, string>();
  eachEntry('workingDays', 'ngày làm bù', (w, path) => {
    const day = checkDate(w.date, `${path}/date`, 'Ngày làm bù');
    if (day !== undefined) {
      const first = seen.get(day);
      const holiday = holidayDates.get(day);
      if (first !== undefined) {
        add(`${path}/date`, 'duplicate-date', `Ngày làm bù ${String(w.date)} bị trùng với ${first}.`);
      } else {
        seen.set(day, path);
      }
      if (holiday !== undefined) {
        add(
          `${path}/date`,
          'working-day-is-holiday',
          `Ngày ${String(w.date)} vừa là ngày làm bù vừa là ngày nghỉ (${holiday}).`,
        );
      }
      if (isoWeekday(day) < 6) {
        add(
          `${path}/date`,
          'working-day-not-weekend',
          `Ngày làm bù ${String(w.date)} phải là Thứ Bảy hoặc Chủ nhật.`,
        );
      }
    }
    if (!isText(w.reason)) add(`${path}/reason`, 'empty-reason', 'Lý do làm bù không được để trống.');
  });
  return problems;
}

/** Type guard over validateCalendarYear. */
export function isCalendarYear(input: unknown): input is CalendarYear {
  return validateCalendarYear(input).length === 0;
}
