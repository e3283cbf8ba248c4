// The working-time engine: calendars, office hours and due-time arithmetic in Vietnamese civil time.
// Isomorphic (server and browser). See docs/domain/working-time.md.
export type {
  AddWorkingTimeOptions,
  CalendarHoliday,
  CalendarWorkingDay,
  CalendarYear,
  DueTime,
  Duration,
  DurationUnit,
  ExplanationKind,
  ExplanationSpan,
  HolidayKind,
  InstantInput,
  IsoWeekdayKey,
  OfficeHours,
  Pause,
  PausePolicy,
  Session,
  ValidationProblem,
} from './types.ts';
export { HOLIDAY_KINDS } from './types.ts';
export { WorkingTimeError } from './errors.ts';
export type { WorkingTimeErrorCode } from './errors.ts';
export {
  LUNAR_MAX_YEAR,
  LUNAR_MIN_YEAR,
  hungKingsDate,
  leapMonthOf,
  lunarToSolar,
  solarToLunar,
  tetDate,
} from './lunar.ts';
export type { LunarDate } from './lunar.ts';
export {
  DEFAULT_CALENDAR_MAX_YEAR,
  DEFAULT_CALENDAR_MIN_YEAR,
  HOLIDAY_NAMES,
  defaultCalendarYear,
  defaultNationalDayAdjacent,
  defaultTetDays,
  deriveCompensatoryDays,
} from './holidays.ts';
export { OFFICIAL_CALENDAR_YEARS, officialCalendarYear } from './official-calendar-years.ts';
export { isCalendarYear, validateCalendarYear } from './calendar-validation.ts';
export { EMPTY_OVERLAY, applyProvinceOverlay, validateProvinceOverlay } from './province-overlay.ts';
export type { ProvinceDay, ProvinceOverlay } from './province-overlay.ts';
export { ISO_WEEKDAY_KEYS, WEEKDAY_NAMES, defaultOfficeHours, validateOfficeHours } from './office-hours.ts';
export { WorkCalendar, createWorkCalendar, withDefaultYears } from './work-calendar.ts';
export type { DayInfo } from './work-calendar.ts';
export { EXPLANATION_REASONS, addWorkingTime, durationMinutes } from './add-working-time.ts';
export {
  formatWorkingDuration,
  isReceivingTime,
  remainingWorkingTime,
  splitWorkingMinutes,
  workingDayMinutesOf,
  workingMinutesBetween,
} from './remaining.ts';
export type { RemainingWorkingTime, WorkingDurationParts } from './remaining.ts';
export { allocateStepShares, validateStepShares } from './step-shares.ts';
