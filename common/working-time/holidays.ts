// The provisional calendar of a year, derived from the rules. The Prime Minister fixes the Tết days
// and the Quốc khánh adjacent day every year (Labour Code 2019 art. 112 k3) and the Ministry of Home
// Affairs publishes the civil servants' schedule with its swaps: an administrator replaces the
// derived year with that schedule when it is published (legal-notes §4.1 r.3–4, §4.4).
import { daysFromCivil, formatDate, isoWeekday, parseDate } from './civil-date.ts';
import { WorkingTimeError } from './errors.ts';
import { hungKingsDate, tetDate } from './lunar.ts';
import type { CalendarHoliday, CalendarYear } from './types.ts';

export const DEFAULT_CALENDAR_MIN_YEAR = 2014;
export const DEFAULT_CALENDAR_MAX_YEAR = 2199;

export const HOLIDAY_NAMES = {
  newYear: 'Tết Dương lịch',
  tet: 'Tết Nguyên đán',
  hungKings: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
  victory: 'Ngày Chiến thắng (30/4)',
  labour: 'Ngày Quốc tế Lao động (1/5)',
  nationalDay: 'Quốc khánh (2/9)',
  nationalDayAdjacent: 'Quốc khánh (ngày liền kề)',
  cultureDay: 'Ngày Văn hóa Việt Nam (24/11)',
} as const;

/** First year of the Quốc khánh adjacent day: Labour Code 2019 (45/2019/QH14), in force 1/1/2021. */
const ADJACENT_NATIONAL_DAY_FROM = 2021;
/** Ngày Văn hóa Việt Nam, from 1/7/2026 (reported as NQ 28/2026/QH16; legal-notes §4.1 r.3, tag [3P]). */
const CULTURE_DAY_FROM = 2026;

/**
 * The Tết days off of a year, by the default rule: the five days of art. 112 k1 điểm b are the last day
 * of the lunar year and mùng 1–3, plus one more day — mùng 4 when mùng 1 is a Tuesday (so the five days
 * are Monday–Friday, as the 2019, 2022 and 2026 schedules did), otherwise the day before the last day
 * (2 + 3, as in 2017–2018, 2020–2021 and 2023–2025). The government's notice replaces this.
 */
export function defaultTetDays(year: number): string[] {
  const tet = parseDate(tetDate(year))!;
  const before = isoWeekday(tet) === 2 ? 1 : 2;
  const days: string[] = [];
  for (let d = tet - before; d < tet - before + 5; d++) days.push(formatDate(d));
  return days;
}

/**
 * The Quốc khánh adjacent day (art. 112 k1 điểm đ: "ngày 02/9 và 01 ngày liền kề trước hoặc sau"):
 * 3/9 when 2/9 is a Monday or a Thursday (so the days off join a weekend: 2021, 2024), otherwise 1/9
 * (2022, 2023, 2025, 2026).
 */
export function defaultNationalDayAdjacent(year: number): string {
  const weekday = isoWeekday(daysFromCivil(year, 9, 2));
  return formatDate(daysFromCivil(year, 9, weekday === 1 || weekday === 4 ? 3 : 1));
}

/**
 * Compensatory days off (nghỉ bù) for holidays that fall on the weekly rest days: "the next working
 * day" (Labour Code 2019 art. 111 k3; the civil servants' weekly rest is Saturday and Sunday). Holidays
 * are handled in date order, so a block of several holidays on a weekend pushes its compensatory days
 * past the block (Tết 2024: Saturday and Sunday → Tuesday and Wednesday after Monday mùng 3).
 * Returns only the compensatory days; `removable` carries over from the holiday.
 */
export function deriveCompensatoryDays(holidays: readonly CalendarHoliday[]): CalendarHoliday[] {
  const taken = new Set<number>();
  for (const h of holidays) taken.add(parseDate(h.date)!);
  const sorted = [...holidays]
    .filter((h) => h.kind === 'public-holiday' || h.kind === 'observance-day-off')
    .sort((a, b) => (a.date < b.date ? -1 : 1));
  const result: CalendarHoliday[] = [];
  for (const h of sorted) {
    const day = parseDate(h.date)!;
    if (isoWeekday(day) < 6) continue;
    let d = day + 1;
    while (isoWeekday(d) >= 6 || taken.has(d)) d++;
    taken.add(d);
    const comp: CalendarHoliday = { date: formatDate(d), name: `Nghỉ bù ${h.name}`, kind: 'compensatory' };
    if (h.removable === true) comp.removable = true;
    result.push(comp);
  }
  return result;
}

/**
 * The provisional calendar of a year (2014–2199) from the rules: Labour Code 2019 art. 112 k1 (from
 * 2021; Labour Code 2012 art. 115 k1 before, without the Quốc khánh adjacent day), the default Tết and
 * adjacent-day choices above, compensatory days, and Ngày Văn hóa Việt Nam from 2026 (removable: its
 * basis is a third-party report). No make-up days: those exist only in a published schedule.
 */
export function defaultCalendarYear(year: number): CalendarYear {
  if (!Number.isInteger(year) || year < DEFAULT_CALENDAR_MIN_YEAR || year > DEFAULT_CALENDAR_MAX_YEAR) {
    throw new WorkingTimeError(
      'UNSUPPORTED_YEAR',
      `Chỉ suy ra lịch nghỉ cho các năm ${DEFAULT_CALENDAR_MIN_YEAR}–${DEFAULT_CALENDAR_MAX_YEAR} (năm ${year}).`,
    );
  }
  const on = (month: number, day: number): string => formatDate(daysFromCivil(year, month, day));
  const holidays: CalendarHoliday[] = [
    { date: on(1, 1), name: HOLIDAY_NAMES.newYear, kind: 'public-holiday' },
    ...defaultTetDays(year).map((date): CalendarHoliday => ({
      date,
      name: HOLIDAY_NAMES.tet,
      kind: 'public-holiday',
    })),
    { date: hungKingsDate(year), name: HOLIDAY_NAMES.hungKings, kind: 'public-holiday' },
    { date: on(4, 30), name: HOLIDAY_NAMES.victory, kind: 'public-holiday' },
    { date: on(5, 1), name: HOLIDAY_NAMES.labour, kind: 'public-holiday' },
    { date: on(9, 2), name: HOLIDAY_NAMES.nationalDay, kind: 'public-holiday' },
  ];
  if (year >= ADJACENT_NATIONAL_DAY_FROM) {
    holidays.push({
      date: defaultNationalDayAdjacent(year),
      name: HOLIDAY_NAMES.nationalDayAdjacent,
      kind: 'public-holiday',
    });
  }
  if (year >= CULTURE_DAY_FROM) {
    holidays.push({
      date: on(11, 24),
      name: HOLIDAY_NAMES.cultureDay,
      kind: 'observance-day-off',
      removable: true,
    });
  }
  holidays.push(...deriveCompensatoryDays(holidays));
  holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { year, version: 1, provisional: true, holidays, workingDays: [] };
}
