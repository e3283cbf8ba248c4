// Civil dates as day numbers and instants as minute numbers, in Vietnamese civil time.
// Asia/Ho_Chi_Minh is UTC+7 with no daylight saving since 1975, so the offset is a constant and the
// code never asks the host's Intl/timezone database (this module also runs in the browser).
import { WorkingTimeError } from './errors.ts';
import type { InstantInput } from './types.ts';

import { VN_OFFSET_MINUTES } from '../time/vn-time.ts';

export { VN_OFFSET_MINUTES };
export const MINUTES_PER_DAY = 1440;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export type CivilDate = { year: number; month: number; day: number };

export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(days: number): number {
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

export function formatDate(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** Day number of a strict `YYYY-MM-DD` that names a real date, else undefined. */
export function parseDate(text: string): number | undefined {
  if (text.length !== 10 || text[4] !== '-' || text[7] !== '-') return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
}

function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Minutes since midnight of a strict `HH:MM` (00:00–24:00), else -1. */
export function parseClock(text: string): number {
  if (text.length !== 5 || text[2] !== ':') return -1;
  const h = digits(text, 0, 2);
  const m = digits(text, 3, 5);
  if (h < 0 || m < 0 || m > 59 || h > 24 || (h === 24 && m !== 0)) return -1;
  return h * 60 + m;
}

export function formatClock(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

// ISO-8601 with a date, a time and an explicit offset: without one, Date.parse would read the
// host's local time zone.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** Epoch milliseconds of an ISO-8601 instant with an offset (or a valid Date); throws otherwise. */
export function parseInstant(input: InstantInput, path = 'instant'): number {
  const ms = typeof input === 'string' ? (INSTANT.test(input) ? Date.parse(input) : NaN) : input.getTime();
  if (!Number.isFinite(ms)) {
    throw new WorkingTimeError('INVALID_INSTANT', 'Thời điểm không hợp lệ: cần ISO-8601 có múi giờ.', [
      {
        path,
        code: 'invalid-instant',
        message: `Thời điểm "${String(input)}" không hợp lệ: cần dạng ISO-8601 có múi giờ, ví dụ 2026-02-13T09:00:00+07:00.`,
      },
    ]);
  }
  return ms;
}

/**
 * Whole UTC minute at or after an instant. The engine counts in whole minutes; rounding up never
 * counts time before the receipt.
 */
export function ceilMinute(ms: number): number {
  return Math.ceil(ms / 60000);
}

/** Vietnamese day number of a UTC minute. */
export function localDayOfMinute(minute: number): number {
  return Math.floor((minute + VN_OFFSET_MINUTES) / MINUTES_PER_DAY);
}

/** UTC minute of local midnight starting a Vietnamese day. */
export function minuteOfLocalMidnight(days: number): number {
  return days * MINUTES_PER_DAY - VN_OFFSET_MINUTES;
}

const TIME_SUFFIX: string[] = [];
for (let m = 0; m < MINUTES_PER_DAY; m++) TIME_SUFFIX.push(`T${formatClock(m)}:00.000Z`);
const UTC_DATE_CACHE = new Map<number, string>();

/** ISO-8601 UTC (`…Z`) of a whole UTC minute; cached per day, as it sits on the hot path. */
export function formatInstant(minute: number): string {
  const day = Math.floor(minute / MINUTES_PER_DAY);
  let date = UTC_DATE_CACHE.get(day);
  if (date === undefined) {
    date = formatDate(day);
    if (UTC_DATE_CACHE.size < 200_000) UTC_DATE_CACHE.set(day, date);
  }
  return date + TIME_SUFFIX[minute - day * MINUTES_PER_DAY]!;
}
