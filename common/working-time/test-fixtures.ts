// Shared by the working-time tests (never imported by the engine).
import { officialCalendarYear } from './official-calendar-years.ts';
import { createWorkCalendar, withDefaultYears } from './work-calendar.ts';
import type { WorkCalendar } from './work-calendar.ts';
import type { CalendarYear, Pause, PausePolicy } from './types.ts';

/** Official 2024–2026 schedules, provisional 2023 and 2027–2028. */
export function testCalendar(): WorkCalendar {
  const official = [2024, 2025, 2026].map((y) => officialCalendarYear(y)!);
  return createWorkCalendar(withDefaultYears(official, 2023, 2028));
}

/** Vietnamese civil time `YYYY-MM-DD HH:MM` → ISO instant with +07:00. */
export const vn = (text: string): string => `${text.replace(' ', 'T')}:00+07:00`;

/** A pause between two Vietnamese civil times `YYYY-MM-DD HH:MM`. */
export const pause = (from: string, to: string, policy: PausePolicy, reason: string): Pause => ({
  from: vn(from),
  to: vn(to),
  policy,
  reason,
});

/** ISO UTC → Vietnamese civil `YYYY-MM-DD HH:MM`, for readable assertions. */
export function local(iso: string): string {
  const d = new Date(Date.parse(iso) + 7 * 3600_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

export const datesOf = (year: CalendarYear): string[] => year.holidays.map((h) => h.date);
