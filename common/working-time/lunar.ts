// The Vietnamese lunar calendar (âm lịch), for Tết and Giỗ Tổ Hùng Vương. It is computed for the
// meridian of UTC+7, which is why some years differ from the Chinese calendar (UTC+8): Tết 1985 fell
// on 21/1 in Vietnam and 20/2 in China, Tết 2007 on 17/2 in Vietnam and 18/2 in China.
// @dqcai/vn-lunar carries Hồ Ngọc Đức's tables (the algorithm the legal notes' §4.2 dates were
// computed with; before 1968 they follow the calendar then in use, computed for UTC+8). This module
// guards its two gaps: years outside its tables return zeros, and asking for a leap month the year
// does not have silently returns the regular month.
import * as vnLunar from '@dqcai/vn-lunar';
import { daysFromCivil, formatDate, parseDate } from './civil-date.ts';
import { WorkingTimeError } from './errors.ts';

// The package's own .d.ts re-exports extensionless paths that ESM resolution cannot follow, so its
// types arrive unresolved: state the two functions used.
type SolarDate = { day: number; month: number; year: number };
type VnLunar = {
  getSolarDate: (day: number, month: number, year: number, leap?: boolean) => SolarDate;
  getLunarDate: (day: number, month: number, year: number) => SolarDate & { leap: boolean };
};
const { getLunarDate, getSolarDate } = vnLunar as unknown as VnLunar;

export const LUNAR_MIN_YEAR = 1900;
export const LUNAR_MAX_YEAR = 2199;

export type LunarDate = { day: number; month: number; year: number; leap: boolean };

function unsupported(year: number): WorkingTimeError {
  return new WorkingTimeError(
    'UNSUPPORTED_YEAR',
    `Chỉ chuyển đổi âm lịch cho các năm ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR} (năm ${year}).`,
  );
}

/** The solar date (YYYY-MM-DD) of a Vietnamese lunar date; throws if that date does not exist. */
export function lunarToSolar(day: number, month: number, year: number, leap = false): string {
  if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) throw unsupported(year);
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1 || day > 30) {
    throw new WorkingTimeError('INVALID_DATE', `Ngày âm lịch ${day}/${month}/${year} không hợp lệ.`);
  }
  const solar = getSolarDate(day, month, year, leap);
  const date = formatDate(daysFromCivil(solar.year, solar.month, solar.day));
  const back = solar.year === 0 ? undefined : solarToLunar(date);
  if (back?.day !== day || back.month !== month || back.year !== year || back.leap !== leap) {
    const label = `${day}/${month}${leap ? ' nhuận' : ''}/${year}`;
    throw new WorkingTimeError('INVALID_DATE', `Không có ngày âm lịch ${label}.`);
  }
  return date;
}

/** The Vietnamese lunar date of a solar date (YYYY-MM-DD). */
export function solarToLunar(date: string): LunarDate {
  const days = parseDate(date);
  if (days === undefined) throw new WorkingTimeError('INVALID_DATE', `Ngày "${date}" không hợp lệ.`);
  const year = Number(date.slice(0, 4));
  if (year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) throw unsupported(year);
  const lunar = getLunarDate(Number(date.slice(8, 10)), Number(date.slice(5, 7)), year);
  return { day: lunar.day, month: lunar.month, year: lunar.year, leap: lunar.leap };
}

/** Mùng 1 Tết of the lunar year that starts in the given Gregorian year. */
export function tetDate(year: number): string {
  return lunarToSolar(1, 1, year);
}

/** Giỗ Tổ Hùng Vương, 10/3 âm lịch (the regular third month, never a leap one). */
export function hungKingsDate(year: number): string {
  return lunarToSolar(10, 3, year);
}

/** The leap month (1–12) of a lunar year, or 0 when it has none. */
export function leapMonthOf(year: number): number {
  const start = parseDate(tetDate(year))!;
  const end = parseDate(tetDate(year + 1))!;
  // Every lunar month starts within 30 days of the previous one: sample each 29th day.
  for (let d = start; d < end; d += 29) {
    const lunar = solarToLunar(formatDate(d));
    if (lunar.leap) return lunar.month;
  }
  return 0;
}
