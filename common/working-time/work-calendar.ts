// A working calendar over a contiguous run of years, precomputed into one status byte per day so
// that "is this a working day, and if not, why?" is an array read.
import { civilFromDays, daysFromCivil, isoWeekday, parseDate } from './civil-date.ts';
import { validateCalendarYear } from './calendar-validation.ts';
import { WorkingTimeError } from './errors.ts';
import { defaultCalendarYear } from './holidays.ts';
import type { CalendarYear, HolidayKind, ValidationProblem } from './types.ts';

/** Status of a day in WorkCalendar.kinds. */
export const DAY_WORKING = 0;
export const DAY_MAKE_UP = 1;
export const DAY_WEEKEND = 2;
export const DAY_HOLIDAY = 3;

export const SATURDAY = 'Thứ Bảy';
export const SUNDAY = 'Chủ nhật';

export type DayInfo = {
  date: string;
  working: boolean;
  kind: 'working-day' | 'make-up-working-day' | 'weekend' | 'holiday';
  /** Why the day is off (holiday name, "Thứ Bảy", "Chủ nhật") or why a weekend day is worked; null otherwise. */
  reason: string | null;
  holidayKind?: HolidayKind;
  /** The day comes from a provisional (derived, not yet official) year. */
  provisional: boolean;
};

const DAY_INFO_KINDS = ['working-day', 'make-up-working-day', 'weekend', 'holiday'] as const;

export class WorkCalendar {
  readonly firstYear: number;
  readonly lastYear: number;
  readonly years: readonly CalendarYear[];
  /** Day number (days since 1970-01-01) of 1 January of firstYear. */
  readonly firstDay: number;
  readonly dayCount: number;
  /** One DAY_* status per day from firstDay. */
  readonly kinds: Uint8Array;
  /** Per day: holiday name, weekday name of a weekend day, make-up reason; '' for ordinary working days. */
  readonly reasons: readonly string[];
  readonly holidayKinds: readonly (HolidayKind | undefined)[];

  /** Use createWorkCalendar, which validates; this trusts its input. */
  constructor(years: readonly CalendarYear[]) {
    const sorted = [...years].sort((a, b) => a.year - b.year);
    this.years = sorted;
    this.firstYear = sorted[0]!.year;
    this.lastYear = sorted[sorted.length - 1]!.year;
    this.firstDay = daysFromCivil(this.firstYear, 1, 1);
    this.dayCount = daysFromCivil(this.lastYear + 1, 1, 1) - this.firstDay;
    const kinds = new Uint8Array(this.dayCount);
    const reasons: string[] = new Array<string>(this.dayCount).fill('');
    const holidayKinds: (HolidayKind | undefined)[] = new Array<HolidayKind | undefined>(this.dayCount).fill(
      undefined,
    );
    for (let i = 0; i < this.dayCount; i++) {
      const weekday = isoWeekday(this.firstDay + i);
      if (weekday >= 6) {
        kinds[i] = DAY_WEEKEND;
        reasons[i] = weekday === 6 ? SATURDAY : SUNDAY;
      }
    }
    for (const year of sorted) {
      for (const w of year.workingDays) {
        const i = parseDate(w.date)! - this.firstDay;
        kinds[i] = DAY_MAKE_UP;
        reasons[i] = w.reason.trim();
      }
      for (const h of year.holidays) {
        const i = parseDate(h.date)! - this.firstDay;
        kinds[i] = DAY_HOLIDAY;
        reasons[i] = h.name.trim();
        holidayKinds[i] = h.kind;
      }
    }
    this.kinds = kinds;
    this.reasons = reasons;
    this.holidayKinds = holidayKinds;
  }

  /** Index of a day number in the tables; throws CALENDAR_YEAR_MISSING outside the covered years. */
  indexOf(day: number): number {
    const i = day - this.firstDay;
    if (i < 0 || i >= this.dayCount) throw missingYear(civilFromDays(day).year, this);
    return i;
  }

  covers(date: string): boolean {
    const day = parseDate(date);
    return day !== undefined && day >= this.firstDay && day < this.firstDay + this.dayCount;
  }

  isWorkingDay(date: string): boolean {
    return this.kinds[this.indexOf(dateToDay(date))]! <= DAY_MAKE_UP;
  }

  dayInfo(date: string): DayInfo {
    const i = this.indexOf(dateToDay(date));
    const kind = this.kinds[i]!;
    const info: DayInfo = {
      date,
      working: kind <= DAY_MAKE_UP,
      kind: DAY_INFO_KINDS[kind]!,
      reason: this.reasons[i] === '' ? null : this.reasons[i]!,
      provisional: this.years[Number(date.slice(0, 4)) - this.firstYear]!.provisional,
    };
    const holidayKind = this.holidayKinds[i];
    if (holidayKind !== undefined) info.holidayKind = holidayKind;
    return info;
  }

  /** The CalendarYear a year's days come from. */
  yearOf(year: number): CalendarYear | undefined {
    return this.years[year - this.firstYear];
  }
}

function dateToDay(date: string): number {
  const day = parseDate(date);
  if (day === undefined) {
    throw new WorkingTimeError('INVALID_DATE', `Ngày "${date}" không hợp lệ (cần dạng YYYY-MM-DD).`, [
      { path: 'date', code: 'invalid-date', message: `Ngày "${date}" không hợp lệ (cần dạng YYYY-MM-DD).` },
    ]);
  }
  return day;
}

export function missingYear(year: number, calendar: WorkCalendar): WorkingTimeError {
  const message = `Chưa có lịch làm việc năm ${year} (lịch hiện có: ${calendar.firstYear}–${calendar.lastYear}): không thể tính thời hạn.`;
  return new WorkingTimeError('CALENDAR_YEAR_MISSING', message, [
    { path: '', code: 'calendar-year-missing', message },
  ]);
}

/**
 * A WorkCalendar over CalendarYears that must form a contiguous run of years, each valid. Fails
 * closed: a year the caller has no schedule for is an error, never a silent default (legal-notes
 * §4.4); use withDefaultYears to fill gaps with provisional years on purpose.
 */
export function createWorkCalendar(years: readonly CalendarYear[]): WorkCalendar {
  const problems: ValidationProblem[] = [];
  if (years.length === 0) {
    problems.push({ path: '', code: 'no-years', message: 'Cần ít nhất một năm lịch làm việc.' });
  }
  const seen = new Map<number, number>();
  years.forEach((y, i) => {
    for (const p of validateCalendarYear(y))
      problems.push({ ...p, path: `${i}/${p.path}`.replace(/\/$/, '') });
    const first = seen.get(y.year);
    if (first !== undefined) {
      problems.push({
        path: `${i}/year`,
        code: 'duplicate-year',
        message: `Năm ${y.year} bị trùng với mục ${first}.`,
      });
    }
    seen.set(y.year, i);
  });
  if (problems.length === 0) {
    const numbers = [...seen.keys()].sort((a, b) => a - b);
    for (let y = numbers[0]!; y <= numbers[numbers.length - 1]!; y++) {
      if (!seen.has(y)) problems.push({ path: '', code: 'missing-year', message: `Thiếu lịch năm ${y}.` });
    }
  }
  if (problems.length > 0)
    throw new WorkingTimeError('INVALID_CALENDAR', 'Lịch làm việc không hợp lệ.', problems);
  return new WorkCalendar(years);
}

/** The given years plus defaultCalendarYear for every missing year of [fromYear, toYear]. */
export function withDefaultYears(
  years: readonly CalendarYear[],
  fromYear: number,
  toYear: number,
): CalendarYear[] {
  const have = new Set(years.map((y) => y.year));
  const result = [...years];
  for (let y = fromYear; y <= toYear; y++) if (!have.has(y)) result.push(defaultCalendarYear(y));
  return result.sort((a, b) => a.year - b.year);
}
