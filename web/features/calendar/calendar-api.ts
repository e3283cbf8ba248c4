// The calendar endpoints as the web app uses them. Reading is public; the national schedule ships
// with the release; a province's own days are for that province's administrator, office hours for
// the agency's administrators (the server decides).
import type { Static } from 'typebox';
import type {
  SUPPORTED_CALENDAR_YEARS,
  CalendarYearResponse,
  DueResponse,
  OfficeHoursResponse,
  OfficeHoursView,
  ProvinceCalendarResponse,
  PutProvinceCalendarBody,
  PutProvinceCalendarResponse,
} from '../../../common/contracts/calendar.ts';
import { apiGet, apiPut } from '../../app/http.ts';
import { featureQueries } from '../../app/query.ts';

/** The years the server keeps (the contract's constant, restated: importing it would bundle TypeBox). */
export const CALENDAR_YEARS: typeof SUPPORTED_CALENDAR_YEARS = { min: 2015, max: 2035 };

export type CalendarYearView = Static<typeof CalendarYearResponse>;
export type HolidayView = CalendarYearView['holidays'][number];
export type WorkingDayView = CalendarYearView['workingDays'][number];
export type HolidayKind = HolidayView['kind'];
export type ProvinceCalendarView = Static<typeof ProvinceCalendarResponse>;
export type ProvinceDayView = ProvinceCalendarView['daysOff'][number];
export type SavedProvinceCalendar = Static<typeof PutProvinceCalendarResponse>;
export type DueView = Static<typeof DueResponse>;
export type ExplanationSpan = DueView['explanation'][number];
export type OfficeHoursResult = Static<typeof OfficeHoursResponse>;
export type OfficeHours = Static<typeof OfficeHoursView>;
export type DurationUnit = 'working-day' | 'working-hour' | 'calendar-day' | 'same-day';
export type { PutProvinceCalendarBody };

export const HOLIDAY_KINDS: readonly HolidayKind[] = [
  'public-holiday',
  'compensatory',
  'extra-day-off',
  'observance-day-off',
  'province-day-off',
];
export const DURATION_UNITS: readonly DurationUnit[] = [
  'working-day',
  'working-hour',
  'calendar-day',
  'same-day',
];

export function getCalendarYear(year: number, signal?: AbortSignal): Promise<CalendarYearView> {
  return apiGet(`/api/v1/calendars/${year}`, undefined, signal);
}

export function getProvinceCalendar(
  provinceCode: string,
  year: number,
  signal?: AbortSignal,
): Promise<ProvinceCalendarView> {
  return apiGet(`/api/v1/provinces/${encodeURIComponent(provinceCode)}/calendars/${year}`, undefined, signal);
}

export function putProvinceCalendar(
  at: { provinceCode: string; year: number },
  body: PutProvinceCalendarBody,
): Promise<SavedProvinceCalendar> {
  return apiPut(`/api/v1/provinces/${encodeURIComponent(at.provinceCode)}/calendars/${at.year}`, body);
}

export type DueQuery = { start: string; value: number; unit: DurationUnit; agencyCode?: string | undefined };

export function computeDue(query: DueQuery, signal?: AbortSignal): Promise<DueView> {
  return apiGet('/api/v1/calendar/due', query, signal);
}

export function getOfficeHours(agencyCode: string, signal?: AbortSignal): Promise<OfficeHoursResult> {
  return apiGet(`/api/v1/agencies/${encodeURIComponent(agencyCode)}/office-hours`, undefined, signal);
}

export function putOfficeHours(
  agencyCode: string,
  body: { version: number; hours: OfficeHours },
): Promise<OfficeHoursResult> {
  return apiPut(`/api/v1/agencies/${encodeURIComponent(agencyCode)}/office-hours`, body);
}

const read = featureQueries('calendar');

/** The calendar reads as queries (keys `['calendar', ...]`; app/query.ts). */
export const calendarQueries = {
  all: ['calendar'] as const,
  year: (year: number) => read('year', { year }, (signal) => getCalendarYear(year, signal)),
  province: (provinceCode: string, year: number) =>
    read('province', { provinceCode, year }, (signal) => getProvinceCalendar(provinceCode, year, signal)),
  officeHours: (agencyCode: string) =>
    read('office-hours', { agencyCode }, (signal) => getOfficeHours(agencyCode, signal)),
};
