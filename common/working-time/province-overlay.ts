// A province's own days on top of the national schedule (docs/adr/0013-province-calendars.md): extra
// days off (a weekday the nation works) and make-up working days (a weekend day the nation rests,
// not a holiday). The national schedule — the Labour Code's holidays, Tết and the government's swaps —
// is the same for every province; the overlay only adds to it.
import { isoWeekday, parseDate } from './civil-date.ts';
import type { CalendarYear, ValidationProblem } from './types.ts';

/** One day of a province's overlay: a civil date (YYYY-MM-DD) and why. */
export type ProvinceDay = { date: string; reason: string };

/** A province's extra days off and make-up working days of one year. */
export type ProvinceOverlay = { daysOff: ProvinceDay[]; workingDays: ProvinceDay[] };

export const EMPTY_OVERLAY: ProvinceOverlay = { daysOff: [], workingDays: [] };

const byDate = <T extends { date: string }>(a: T, b: T): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : 0;

/**
 * The calendar year a province's agencies work by: the national year with the province's days added.
 * A day the national schedule already settles (a national day off, a national make-up day) keeps the
 * national meaning, so the result is always a valid year even when the national schedule changed after
 * the overlay was saved.
 */
export function applyProvinceOverlay(national: CalendarYear, overlay: ProvinceOverlay): CalendarYear {
  if (overlay.daysOff.length === 0 && overlay.workingDays.length === 0) return national;
  const off = new Set(national.holidays.map((h) => h.date));
  const worked = new Set(national.workingDays.map((w) => w.date));
  const weekday = (date: string) => {
    const day = parseDate(date);
    return day === undefined ? 0 : isoWeekday(day);
  };
  const daysOff = overlay.daysOff.filter((d) => {
    const wd = weekday(d.date);
    return wd >= 1 && wd <= 5 && !off.has(d.date) && d.date.startsWith(`${national.year}-`);
  });
  for (const d of daysOff) off.add(d.date);
  const workingDays = overlay.workingDays.filter(
    (d) =>
      weekday(d.date) >= 6 &&
      !off.has(d.date) &&
      !worked.has(d.date) &&
      d.date.startsWith(`${national.year}-`),
  );
  return {
    ...national,
    holidays: [
      ...national.holidays,
      ...daysOff.map((d) => ({ date: d.date, name: d.reason, kind: 'province-day-off' as const })),
    ].sort(byDate),
    workingDays: [...national.workingDays, ...workingDays].sort(byDate),
  };
}

/**
 * Every problem of a province's overlay for `national.year`, with its path (`daysOff/2/date`) and a
 * Vietnamese message: a day off must be a weekday the nation works, a make-up day a weekend day the
 * nation rests (not a holiday, not already a make-up day); no date twice; every day with its reason.
 */
export function validateProvinceOverlay(
  national: CalendarYear,
  overlay: ProvinceOverlay,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const add = (path: string, code: string, message: string) => problems.push({ path, code, message });
  const holidays = new Map(national.holidays.map((h) => [h.date, h.name]));
  const nationalWork = new Set(national.workingDays.map((w) => w.date));
  const seen = new Map<string, string>();
  const check = (list: 'daysOff' | 'workingDays', d: ProvinceDay, i: number): number | undefined => {
    const path = `${list}/${i}`;
    if (d.reason.trim().length === 0) add(`${path}/reason`, 'empty-reason', 'Lý do không được để trống.');
    const day = parseDate(d.date);
    if (day === undefined) {
      add(`${path}/date`, 'invalid-date', 'Ngày phải có dạng YYYY-MM-DD và là ngày có thật.');
      return undefined;
    }
    if (!d.date.startsWith(`${national.year}-`)) {
      add(`${path}/date`, 'date-outside-year', `Ngày ${d.date} không thuộc năm ${national.year}.`);
      return undefined;
    }
    const first = seen.get(d.date);
    if (first !== undefined) {
      add(`${path}/date`, 'duplicate-date', `Ngày ${d.date} đã có ở ${first}.`);
      return undefined;
    }
    seen.set(d.date, path);
    return day;
  };
  overlay.daysOff.forEach((d, i) => {
    const day = check('daysOff', d, i);
    if (day === undefined) return;
    const holiday = holidays.get(d.date);
    if (holiday !== undefined)
      add(
        `daysOff/${i}/date`,
        'already-day-off',
        `Ngày ${d.date} đã là ngày nghỉ chung cả nước (${holiday}).`,
      );
    else if (isoWeekday(day) >= 6)
      add(`daysOff/${i}/date`, 'day-off-on-weekend', `Ngày nghỉ thêm ${d.date} phải là ngày trong tuần.`);
  });
  overlay.workingDays.forEach((d, i) => {
    const day = check('workingDays', d, i);
    if (day === undefined) return;
    const holiday = holidays.get(d.date);
    if (holiday !== undefined)
      add(
        `workingDays/${i}/date`,
        'working-day-is-holiday',
        `Ngày ${d.date} là ngày nghỉ chung cả nước (${holiday}); tỉnh không được làm bù vào ngày này.`,
      );
    else if (isoWeekday(day) < 6)
      add(
        `workingDays/${i}/date`,
        'working-day-not-weekend',
        `Ngày làm bù ${d.date} phải là Thứ Bảy hoặc Chủ nhật.`,
      );
    else if (nationalWork.has(d.date))
      add(`workingDays/${i}/date`, 'already-working-day', `Ngày ${d.date} đã là ngày làm bù chung cả nước.`);
  });
  return problems;
}
