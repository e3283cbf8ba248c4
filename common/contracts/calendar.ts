import { Type, type Static } from 'typebox';
import { AgencyCode } from './common.ts';

export const SUPPORTED_CALENDAR_YEARS = { min: 2015, max: 2035 } as const;

/** An ISO-8601 instant with an explicit zone: a zone-less time is ambiguous and refused. */
export const IsoInstant = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})$',
  maxLength: 40,
});

export const DURATION_UNITS = ['working-day', 'working-hour', 'calendar-day', 'same-day'] as const;

export const DueQuery = Type.Object(
  {
    start: IsoInstant,
    value: Type.Number({ minimum: 0, maximum: 3650 }),
    unit: Type.Enum(DURATION_UNITS),
    agencyCode: Type.Optional(AgencyCode),
    calendarVersion: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  },
  { additionalProperties: false },
);
export type DueQuery = Static<typeof DueQuery>;

export const ExplanationSpanView = Type.Object(
  {
    from: Type.String(),
    to: Type.String(),
    kind: Type.String(),
    reason: Type.String(),
  },
  { additionalProperties: false },
);

export const DueResponse = Type.Object(
  {
    dueAt: Type.String(),
    countedFrom: Type.String(),
    calendarVersion: Type.Integer(),
    provisional: Type.Boolean(),
    explanation: Type.Array(ExplanationSpanView),
  },
  { additionalProperties: false },
);

export const RecomputeResponse = Type.Object(
  {
    issued: Type.Object({ dueAt: Type.String(), calendarVersion: Type.Integer() }),
    current: Type.Object({ dueAt: Type.String(), calendarVersion: Type.Integer() }),
    changed: Type.Boolean(),
    explanation: Type.Array(ExplanationSpanView),
  },
  { additionalProperties: false },
);

export const HOLIDAY_KIND_VALUES = [
  'public-holiday',
  'compensatory',
  'extra-day-off',
  'observance-day-off',
] as const;

const DateText = Type.String({ maxLength: 10 });
export const HolidayView = Type.Object(
  {
    date: DateText,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    kind: Type.Enum(HOLIDAY_KIND_VALUES),
    removable: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const WorkingDayView = Type.Object(
  { date: DateText, reason: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

export const YearParams = Type.Object(
  { year: Type.Integer({ minimum: SUPPORTED_CALENDAR_YEARS.min, maximum: SUPPORTED_CALENDAR_YEARS.max }) },
  { additionalProperties: false },
);

export const CalendarYearResponse = Type.Object(
  {
    year: Type.Integer(),
    version: Type.Integer(),
    provisional: Type.Boolean(),
    holidays: Type.Array(HolidayView),
    workingDays: Type.Array(WorkingDayView),
    calendarVersion: Type.Integer(),
  },
  { additionalProperties: false },
);

export const PutCalendarYearBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    provisional: Type.Optional(Type.Boolean()),
    holidays: Type.Array(HolidayView, { maxItems: 120 }),
    workingDays: Type.Array(WorkingDayView, { maxItems: 60 }),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type PutCalendarYearBody = Static<typeof PutCalendarYearBody>;

const DayChange = Type.Object({ date: Type.String(), name: Type.String() }, { additionalProperties: false });
export const PutCalendarYearResponse = Type.Object(
  {
    calendar: CalendarYearResponse,
    changes: Type.Object(
      {
        daysOffAdded: Type.Array(DayChange),
        daysOffRemoved: Type.Array(DayChange),
        workingDaysAdded: Type.Array(DayChange),
        workingDaysRemoved: Type.Array(DayChange),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

const SessionView = Type.Object(
  {
    start: Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', maxLength: 5 }),
    end: Type.String({ pattern: '^(([01]\\d|2[0-3]):[0-5]\\d|24:00)$', maxLength: 5 }),
  },
  { additionalProperties: false },
);
const Sessions = Type.Array(SessionView, { maxItems: 6 });
export const OfficeHoursView = Type.Object(
  {
    sessions: Type.Object(
      {
        '1': Sessions,
        '2': Sessions,
        '3': Sessions,
        '4': Sessions,
        '5': Sessions,
        '6': Sessions,
        '7': Sessions,
      },
      { additionalProperties: false },
    ),
    saturdayReceiving: Type.Optional(Sessions),
    workingDayMinutes: Type.Optional(Type.Integer({ minimum: 60, maximum: 1440 })),
  },
  { additionalProperties: false },
);

export const AgencyParams = Type.Object({ code: AgencyCode }, { additionalProperties: false });

export const OfficeHoursResponse = Type.Object(
  { agencyCode: Type.String(), version: Type.Integer(), isDefault: Type.Boolean(), hours: OfficeHoursView },
  { additionalProperties: false },
);
export const PutOfficeHoursBody = Type.Object(
  { version: Type.Integer({ minimum: 0 }), hours: OfficeHoursView },
  { additionalProperties: false },
);
export type PutOfficeHoursBody = Static<typeof PutOfficeHoursBody>;
