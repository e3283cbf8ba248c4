// The pure half of the office-hours page and its editor: the days as the editor holds them, the
// hours as they are sent, and which session a problem of the server's names.
import type { Messages } from '../../app/i18n/vi.ts';
import type { OfficeHours } from './calendar-api.ts';
import { AGENCY_CODE } from '../../../common/org/code-patterns.ts';

/** An agency code as the catalogue writes it: `000.00.31.H26`. */
export { AGENCY_CODE };

export const WEEKDAY_KEYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];
export type Day = WeekdayKey | 'saturdayReceiving';
export const DAYS: readonly Day[] = [...WEEKDAY_KEYS, 'saturdayReceiving'];

/** ISO weekday (1 = Monday) → JavaScript day number (0 = Sunday), for the dictionary's names. */
export const jsDay = (key: WeekdayKey): number => Number(key) % 7;

export type Session = { start: string; end: string };
export type SessionRow = Session & { id: string };
/** The editor's values: one entry a day in DAYS order (an array: RHF reads digits as indexes). */
export type HoursValues = { days: { day: Day; rows: SessionRow[] }[] };

export function sessionsText(t: Messages, sessions: readonly Session[]): string {
  return sessions.length === 0 ? t.officeHours.closed : sessions.map((s) => `${s.start}–${s.end}`).join(', ');
}

export function hoursValues(hours: OfficeHours, nextId: () => string): HoursValues {
  const rows = (sessions: readonly Session[]) => sessions.map((s) => ({ id: nextId(), ...s }));
  return {
    days: DAYS.map((day) => ({
      day,
      rows: rows(day === 'saturdayReceiving' ? (hours.saturdayReceiving ?? []) : hours.sessions[day]),
    })),
  };
}

/** The hours to send: the edited sessions, with what the editor does not show kept from `base`. */
export function officeHoursBody(values: HoursValues, base: OfficeHours): OfficeHours {
  const of = (day: Day): Session[] =>
    (values.days.find((d) => d.day === day)?.rows ?? []).map(({ start, end }) => ({ start, end }));
  const saturday = of('saturdayReceiving');
  return {
    sessions: {
      '1': of('1'),
      '2': of('2'),
      '3': of('3'),
      '4': of('4'),
      '5': of('5'),
      '6': of('6'),
      '7': of('7'),
    },
    ...(saturday.length > 0 ? { saturdayReceiving: saturday } : {}),
    ...(base.workingDayMinutes !== undefined ? { workingDayMinutes: base.workingDayMinutes } : {}),
  };
}

/** `body/hours/sessions/1/0/end`, `body/hours/saturdayReceiving/0/start` → day, row, field. */
export function officeHoursDetailPlace(path: string): { day: Day; index: number; field: string } | null {
  const parts = path.split('/').slice(2);
  const [day, index, field] = parts[0] === 'sessions' ? parts.slice(1) : parts;
  if (!day || !(DAYS as readonly string[]).includes(day) || !field) return null;
  if (index === undefined || !/^\d+$/.test(index)) return null;
  return { day: day as Day, index: Number(index), field };
}

/** The agencies of a user's roles, once each, in the order of the roles. */
export function agenciesOf(roles: readonly { agencyCode: string; agencyName: string }[]): {
  code: string;
  name: string;
}[] {
  return [...new Map(roles.map((r) => [r.agencyCode, r.agencyName])).entries()].map(([code, name]) => ({
    code,
    name,
  }));
}
