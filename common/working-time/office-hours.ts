// Office hours of an agency: its morning and afternoon sessions, per weekday. They are per-unit data
// (legal-notes §4.1 r.8: e.g. 07:00/07:30–11:30, 13:30–17:00); the default is the usual
// 07:30–11:30 and 13:00–17:00, Monday to Friday (the civil servants' 5-day week, QĐ 188/1999/QĐ-TTg).
import { parseClock } from './civil-date.ts';
import { WorkingTimeError } from './errors.ts';
import type { IsoWeekdayKey, OfficeHours, Session, ValidationProblem } from './types.ts';

export const ISO_WEEKDAY_KEYS: readonly IsoWeekdayKey[] = ['1', '2', '3', '4', '5', '6', '7'];

export const WEEKDAY_NAMES: Record<IsoWeekdayKey, string> = {
  '1': 'Thứ Hai',
  '2': 'Thứ Ba',
  '3': 'Thứ Tư',
  '4': 'Thứ Năm',
  '5': 'Thứ Sáu',
  '6': 'Thứ Bảy',
  '7': 'Chủ nhật',
};

export function defaultOfficeHours(): OfficeHours {
  const day = (): Session[] => [
    { start: '07:30', end: '11:30' },
    { start: '13:00', end: '17:00' },
  ];
  return { sessions: { '1': day(), '2': day(), '3': day(), '4': day(), '5': day(), '6': [], '7': [] } };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function checkSessions(
  value: unknown,
  path: string,
  add: (path: string, code: string, message: string) => void,
): number {
  if (!Array.isArray(value)) {
    add(path, 'not-a-list', 'Danh sách phiên làm việc phải là một mảng (có thể rỗng).');
    return 0;
  }
  let total = 0;
  let previousEnd = -1;
  value.forEach((s: unknown, i) => {
    const p = `${path}/${i}`;
    if (!isRecord(s)) {
      add(p, 'not-an-object', 'Mỗi phiên phải có giờ bắt đầu và giờ kết thúc.');
      return;
    }
    const start = typeof s.start === 'string' ? parseClock(s.start) : -1;
    const end = typeof s.end === 'string' ? parseClock(s.end) : -1;
    if (start < 0 || start >= 1440)
      add(`${p}/start`, 'invalid-time', 'Giờ bắt đầu phải có dạng HH:MM (00:00–23:59).');
    if (end < 0) add(`${p}/end`, 'invalid-time', 'Giờ kết thúc phải có dạng HH:MM (00:00–24:00).');
    if (start < 0 || start >= 1440 || end < 0) return;
    if (end <= start) {
      add(`${p}/end`, 'end-before-start', 'Giờ kết thúc phải sau giờ bắt đầu.');
      return;
    }
    if (start < previousEnd) {
      add(
        `${p}/start`,
        'overlap-or-unordered',
        'Các phiên phải theo thứ tự thời gian và không chồng lấn nhau.',
      );
    }
    previousEnd = Math.max(previousEnd, end);
    total += end - start;
  });
  return total;
}

/** Every problem of an input meant as OfficeHours; an empty list means it is one. */
export function validateOfficeHours(input: unknown): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const add = (path: string, code: string, message: string): void => {
    problems.push({ path, code, message });
  };
  if (!isRecord(input)) {
    add('', 'not-an-object', 'Giờ làm việc phải là một đối tượng.');
    return problems;
  }
  if (!isRecord(input.sessions)) {
    add(
      'sessions',
      'not-an-object',
      'Cần danh sách phiên làm việc cho từng thứ trong tuần (1 = Thứ Hai … 7 = Chủ nhật).',
    );
  } else {
    let weekTotal = 0;
    for (const key of ISO_WEEKDAY_KEYS) {
      if (!(key in input.sessions)) {
        add(
          `sessions/${key}`,
          'missing-weekday',
          `Thiếu danh sách phiên làm việc của ${WEEKDAY_NAMES[key]}.`,
        );
        continue;
      }
      const total = checkSessions(input.sessions[key], `sessions/${key}`, add);
      if (key <= '5') weekTotal += total;
    }
    for (const key of Object.keys(input.sessions)) {
      if (!(ISO_WEEKDAY_KEYS as readonly string[]).includes(key)) {
        add(`sessions/${key}`, 'unknown-weekday', 'Thứ trong tuần phải là 1 (Thứ Hai) đến 7 (Chủ nhật).');
      }
    }
    if (weekTotal === 0 && problems.length === 0) {
      add('sessions', 'no-working-session', 'Phải có ít nhất một phiên làm việc từ Thứ Hai đến Thứ Sáu.');
    }
  }
  if (input.saturdayReceiving !== undefined) checkSessions(input.saturdayReceiving, 'saturdayReceiving', add);
  const dayMinutes = input.workingDayMinutes;
  if (
    dayMinutes !== undefined &&
    (!Number.isInteger(dayMinutes) || (dayMinutes as number) < 1 || (dayMinutes as number) > 1440)
  ) {
    add(
      'workingDayMinutes',
      'invalid-day-length',
      'Số phút của một ngày làm việc phải là số nguyên từ 1 đến 1440.',
    );
  }
  return problems;
}

/** Sessions as [start, end) minute pairs of the civil day, validated. */
export type CompiledOfficeHours = {
  /** Index 1–7 (ISO weekday): flat [start0, end0, start1, end1, …]. */
  weekday: readonly (readonly number[])[];
  /** Sessions of a weekend day the calendar makes a working day, index 6 and 7. */
  makeUp: readonly (readonly number[])[];
  saturdayReceiving: readonly number[];
  workingDayMinutes: number;
  /** A stable key: equal keys compile to equal tables. */
  key: string;
};

const flat = (sessions: readonly Session[]): number[] =>
  sessions.flatMap((s) => [parseClock(s.start), parseClock(s.end)]);

export function compileOfficeHours(hours: OfficeHours): CompiledOfficeHours {
  const problems = validateOfficeHours(hours);
  if (problems.length > 0) {
    throw new WorkingTimeError('INVALID_OFFICE_HOURS', 'Giờ làm việc không hợp lệ.', problems);
  }
  const weekday: number[][] = [[]];
  for (const key of ISO_WEEKDAY_KEYS) weekday.push(flat(hours.sessions[key]));
  const monday = weekday[1]!.length > 0 ? weekday[1]! : weekday.slice(1, 6).find((s) => s.length > 0)!;
  const makeUp = weekday.map((s) => (s.length > 0 ? s : monday));
  const total = (s: readonly number[]): number => {
    let t = 0;
    for (let i = 0; i < s.length; i += 2) t += s[i + 1]! - s[i]!;
    return t;
  };
  const workingDayMinutes = hours.workingDayMinutes ?? Math.max(...weekday.slice(1, 6).map(total));
  const saturdayReceiving = flat(hours.saturdayReceiving ?? []);
  const key = JSON.stringify([weekday, saturdayReceiving, workingDayMinutes]);
  return { weekday, makeUp, saturdayReceiving, workingDayMinutes, key };
}
