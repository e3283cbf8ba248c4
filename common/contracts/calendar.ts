import { Type, type Static } from 'typebox';
import { AgencyCode, Closed, Nullable } from './common.ts';

export const SUPPORTED_CALENDAR_YEARS = { min: 2015, max: 2035 } as const;

/** An ISO-8601 instant with an explicit zone: a zone-less time is ambiguous and refused. */
export const IsoInstant = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})$',
  maxLength: 40,
});

export const DURATION_UNITS = ['working-day', 'working-hour', 'calendar-day', 'same-day'] as const;

export const DueQuery = Closed({
  start: IsoInstant,
  value: Type.Number({ minimum: 0, maximum: 3650 }),
  unit: Type.Enum(DURATION_UNITS),
  agencyCode: Type.Optional(AgencyCode),
  calendarVersion: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
});
export type DueQuery = Static<typeof DueQuery>;

export const ExplanationSpanView = Closed({
  from: Type.String(),
  to: Type.String(),
  kind: Type.String(),
  reason: Type.String(),
});

export const DueResponse = Closed({
  dueAt: Type.String(),
  countedFrom: Type.String(),
  calendarVersion: Type.Integer(),
  /** The province whose own days were counted (the agency's), or null: the national schedule alone. */
  provinceCode: Nullable(Type.String()),
  provisional: Type.Boolean(),
  explanation: Type.Array(ExplanationSpanView),
});

export const RecomputeResponse = Closed({
  issued: Type.Object({ dueAt: Type.String(), calendarVersion: Type.Integer() }),
  current: Type.Object({ dueAt: Type.String(), calendarVersion: Type.Integer() }),
  changed: Type.Boolean(),
  explanation: Type.Array(ExplanationSpanView),
});

export const HOLIDAY_KIND_VALUES = [
  'public-holiday',
  'compensatory',
  'extra-day-off',
  'observance-day-off',
  'province-day-off',
] as const;

const DateText = Type.String({ maxLength: 10 });
export const HolidayView = Closed({
  date: DateText,
  name: Type.String({ minLength: 1, maxLength: 200 }),
  kind: Type.Enum(HOLIDAY_KIND_VALUES),
  removable: Type.Optional(Type.Boolean()),
});
export const WorkingDayView = Closed({
  date: DateText,
  reason: Type.String({ minLength: 1, maxLength: 200 }),
});

export const YearParams = Closed({
  year: Type.Integer({ minimum: SUPPORTED_CALENDAR_YEARS.min, maximum: SUPPORTED_CALENDAR_YEARS.max }),
});

export const CalendarYearResponse = Closed({
  year: Type.Integer(),
  version: Type.Integer(),
  provisional: Type.Boolean(),
  holidays: Type.Array(HolidayView),
  workingDays: Type.Array(WorkingDayView),
  calendarVersion: Type.Integer(),
});

/** A province's code: its GSO code, the first segment of its units' paths ('01' Hà Nội, '79' TP.HCM). */
export const ProvinceCode = Type.String({ pattern: '^[0-9]{2}$', maxLength: 2 });

export const ProvinceYearParams = Closed({
  provinceCode: ProvinceCode,
  year: Type.Integer({ minimum: SUPPORTED_CALENDAR_YEARS.min, maximum: SUPPORTED_CALENDAR_YEARS.max }),
});

export const ProvinceDayView = Closed({
  date: DateText,
  reason: Type.String({ minLength: 1, maxLength: 200 }),
});

/** A province's own days of a year, added to the national schedule for its agencies. */
export const ProvinceCalendarResponse = Closed({
  provinceCode: Type.String(),
  provinceName: Type.String(),
  year: Type.Integer(),
  /** 0 while the province has added nothing to the year. */
  version: Type.Integer(),
  daysOff: Type.Array(ProvinceDayView),
  workingDays: Type.Array(ProvinceDayView),
  calendarVersion: Type.Integer(),
});

export const PutProvinceCalendarBody = Closed({
  version: Type.Integer({ minimum: 0 }),
  daysOff: Type.Array(ProvinceDayView, { maxItems: 60 }),
  workingDays: Type.Array(ProvinceDayView, { maxItems: 60 }),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});
export type PutProvinceCalendarBody = Static<typeof PutProvinceCalendarBody>;

const DayChange = Closed({ date: Type.String(), name: Type.String() });
export const PutProvinceCalendarResponse = Closed({
  calendar: ProvinceCalendarResponse,
  changes: Closed({
    daysOffAdded: Type.Array(DayChange),
    daysOffRemoved: Type.Array(DayChange),
    workingDaysAdded: Type.Array(DayChange),
    workingDaysRemoved: Type.Array(DayChange),
  }),
});

const SessionView = Closed({
  start: Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', maxLength: 5 }),
  end: Type.String({ pattern: '^(([01]\\d|2[0-3]):[0-5]\\d|24:00)$', maxLength: 5 }),
});
const Sessions = Type.Array(SessionView, { maxItems: 6 });
export const OfficeHoursView = Closed({
  sessions: Closed({
    '1': Sessions,
    '2': Sessions,
    '3': Sessions,
    '4': Sessions,
    '5': Sessions,
    '6': Sessions,
    '7': Sessions,
  }),
  saturdayReceiving: Type.Optional(Sessions),
  workingDayMinutes: Type.Optional(Type.Integer({ minimum: 60, maximum: 1440 })),
});

export const AgencyParams = Closed({ code: AgencyCode });

export const OfficeHoursResponse = Closed({
  agencyCode: Type.String(),
  version: Type.Integer(),
  isDefault: Type.Boolean(),
  hours: OfficeHoursView,
});
export const PutOfficeHoursBody = Closed({ version: Type.Integer({ minimum: 0 }), hours: OfficeHoursView });
export type PutOfficeHoursBody = Static<typeof PutOfficeHoursBody>;
