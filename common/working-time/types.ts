// Data shapes of the working-time engine. CalendarYear and OfficeHours are stored by the server and
// returned by the HTTP API as they are: keep the field names stable.

/**
 * Why a day is off.
 * - `public-holiday`: a day of Labour Code 2019 art. 112 k1 (ngày nghỉ lễ, tết).
 * - `compensatory`: nghỉ bù for a holiday that fell on the weekly rest day (Labour Code 2019 art. 111 k3).
 * - `extra-day-off`: a weekday given off in exchange for a make-up Saturday (hoán đổi ngày làm việc).
 * - `observance-day-off`: a day off outside art. 112 (Ngày Văn hóa Việt Nam 24/11 from 2026).
 * - `province-day-off`: a day off a province gives its own agencies on top of the national schedule
 *   (province-overlay.ts; docs/adr/0013-province-calendars.md).
 */
export type HolidayKind =
  'public-holiday' | 'compensatory' | 'extra-day-off' | 'observance-day-off' | 'province-day-off';

export const HOLIDAY_KINDS: readonly HolidayKind[] = [
  'public-holiday',
  'compensatory',
  'extra-day-off',
  'observance-day-off',
  'province-day-off',
];

export type CalendarHoliday = {
  /** YYYY-MM-DD, a civil date in Vietnam. */
  date: string;
  /** Vietnamese, shown to desks and citizens. */
  name: string;
  kind: HolidayKind;
  /** An administrator may drop this day (its legal basis is not verified, see docs/domain/working-time.md). */
  removable?: boolean;
};

/** A weekend day worked in exchange for a day off (ngày làm bù). */
export type CalendarWorkingDay = { date: string; reason: string };

/** The days off and make-up days of one Gregorian year. */
export type CalendarYear = {
  year: number;
  /** Bumped by the server on every replacement, so a due time can say which schedule it used. */
  version: number;
  /** True while the year is derived from the rules, before the official schedule is entered. */
  provisional: boolean;
  holidays: CalendarHoliday[];
  /** Make-up working days on weekends. */
  workingDays: CalendarWorkingDay[];
};

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export type IsoWeekdayKey = '1' | '2' | '3' | '4' | '5' | '6' | '7';

/** A session in Vietnamese civil time, `HH:MM` (end may be `24:00`), start < end. */
export type Session = { start: string; end: string };

export type OfficeHours = {
  /**
   * Working sessions per ISO weekday. '6' and '7' are used only when the calendar makes that Saturday
   * or Sunday a make-up working day; left empty, such a day has the sessions of Monday (a normal day).
   */
  sessions: Record<IsoWeekdayKey, Session[]>;
  /**
   * Desk receiving hours on ordinary Saturdays (tiếp nhận ngày Thứ Bảy). Receiving only: the time limit
   * does not run on these hours; a dossier received then counts from the next working session.
   */
  saturdayReceiving?: Session[];
  /**
   * Working minutes in one working day, used to turn working days into working time and back.
   * Default: the longest Monday–Friday daily total (480 for the default hours: 1 working day = 8
   * working hours, legal-notes §4.1 r.8).
   */
  workingDayMinutes?: number;
};

export type DurationUnit = 'working-day' | 'working-hour' | 'calendar-day' | 'same-day';

/**
 * A legal time limit. `working-day` values may be fractional (0.5 day) as long as they are a whole
 * number of minutes; `same-day` (giải quyết trong ngày) ignores `value`.
 */
export type Duration = { value: number; unit: DurationUnit };

export type PausePolicy = 'suspend' | 'restart';

/**
 * A period during which the clock does not run, as ISO-8601 instants, `[from, to)`.
 * `suspend`: the clock stops and resumes with the time left (waiting for a supplement or a payment,
 * legal-notes §4.1 r.9). `restart`: the count starts over from the end of the pause.
 */
export type Pause = { from: string; to: string; policy: PausePolicy; reason: string };

export type ExplanationKind =
  'counted' | 'weekend' | 'holiday' | 'outside-office-hours' | 'pause' | 'make-up-working-day';

export type ExplanationSpan = {
  /** ISO-8601 UTC. */
  from: string;
  to: string;
  kind: ExplanationKind;
  /** Vietnamese. */
  reason: string;
};

export type DueTime = {
  /** ISO-8601 UTC with Z. */
  dueAt: string;
  /** Where the count started (after the last restart), ISO-8601 UTC. */
  countedFrom: string;
  /** Contiguous spans from the receipt to dueAt; adjacent spans never share kind and reason. */
  explanation: ExplanationSpan[];
};

export type AddWorkingTimeOptions = {
  /** The agency's office hours. */
  hours: OfficeHours;
  pauses?: readonly Pause[];
  /**
   * `HH:MM`: a start (receipt or restart) at or after this time on a working day counts from the next
   * working day (the 15:00 rule, legal-notes §4.1 r.5). Default: none, except `'15:00'` for `same-day`.
   */
  cutoff?: string;
  /** False skips the explanation (returns an empty list), for bulk recomputation. Default true. */
  explain?: boolean;
};

/** One problem in an administrator's input; `path` like `holidays/3/date`, message in Vietnamese. */
export type ValidationProblem = { path: string; message: string; code: string };

export type InstantInput = string | Date;
