// Working time between two instants, for "due in 2 days 3 hours" and "late by 1 day".
import { ceilMinute, isoWeekday, parseInstant } from './civil-date.ts';
import { DAY_WEEKEND } from './work-calendar.ts';
import type { WorkCalendar } from './work-calendar.ts';
import { dayBase, dayIndexOf, getTimeline, isInSession, workingMinutesAt } from './timeline.ts';
import type { InstantInput, OfficeHours } from './types.ts';

/** Working minutes in [from, to): negative when to is before from. */
export function workingMinutesBetween(
  from: InstantInput,
  to: InstantInput,
  calendar: WorkCalendar,
  hours: OfficeHours,
): number {
  const tl = getTimeline(calendar, hours);
  const a = ceilMinute(parseInstant(from, 'from'));
  const b = ceilMinute(parseInstant(to, 'to'));
  return workingMinutesAt(tl, b) - workingMinutesAt(tl, a);
}

/** Length of one working day of these office hours, in working minutes. */
export function workingDayMinutesOf(calendar: WorkCalendar, hours: OfficeHours): number {
  return getTimeline(calendar, hours).dayMinutes;
}

export type WorkingDurationParts = { days: number; hours: number; minutes: number };

/** |minutes| as whole working days (of workingDayMinutes), hours and minutes. */
export function splitWorkingMinutes(minutes: number, workingDayMinutes: number): WorkingDurationParts {
  const total = Math.abs(minutes);
  const days = Math.floor(total / workingDayMinutes);
  const rest = total - days * workingDayMinutes;
  return { days, hours: Math.floor(rest / 60), minutes: rest % 60 };
}

/** "2 ngày 3 giờ", "45 phút", "0 phút" (working time; the sign is the caller's). */
export function formatWorkingDuration(minutes: number, workingDayMinutes: number): string {
  const p = splitWorkingMinutes(minutes, workingDayMinutes);
  const parts: string[] = [];
  if (p.days > 0) parts.push(`${p.days} ngày`);
  if (p.hours > 0) parts.push(`${p.hours} giờ`);
  if (p.minutes > 0 || parts.length === 0) parts.push(`${p.minutes} phút`);
  return parts.join(' ');
}

export type RemainingWorkingTime = WorkingDurationParts & {
  /** now is after dueAt. */
  overdue: boolean;
  /** Working minutes from now to dueAt: positive while time is left, negative when late. */
  workingMinutes: number;
  /** "Còn 2 ngày 3 giờ làm việc", "Quá hạn 1 ngày làm việc", "Đến hạn". */
  label: string;
};

/**
 * Working time left until dueAt, or by which it is overdue. For a dossier whose clock is paused, pass
 * the start of the pause as `now`: the time left is frozen while paused.
 */
export function remainingWorkingTime(
  now: InstantInput,
  dueAt: InstantInput,
  calendar: WorkCalendar,
  hours: OfficeHours,
): RemainingWorkingTime {
  const tl = getTimeline(calendar, hours);
  const a = ceilMinute(parseInstant(now, 'now'));
  const b = ceilMinute(parseInstant(dueAt, 'dueAt'));
  const workingMinutes = workingMinutesAt(tl, b) - workingMinutesAt(tl, a);
  const overdue = a > b;
  const parts = splitWorkingMinutes(workingMinutes, tl.dayMinutes);
  const text = `${formatWorkingDuration(workingMinutes, tl.dayMinutes)} làm việc`;
  let label: string;
  if (overdue) label = workingMinutes === 0 ? 'Đã quá hạn' : `Quá hạn ${text}`;
  else label = a === b || workingMinutes === 0 ? 'Đến hạn' : `Còn ${text}`;
  return { overdue, workingMinutes, ...parts, label };
}

/**
 * Whether a desk receives dossiers at an instant: inside a working session, or inside the Saturday
 * receiving hours of an ordinary Saturday (not a holiday). Receiving on Saturday does not start the
 * clock: it runs from the next working session.
 */
export function isReceivingTime(instant: InstantInput, calendar: WorkCalendar, hours: OfficeHours): boolean {
  const tl = getTimeline(calendar, hours);
  const minute = Math.floor(parseInstant(instant, 'instant') / 60000);
  if (isInSession(tl, minute)) return true;
  const i = dayIndexOf(tl, minute);
  if (tl.kind[i] !== DAY_WEEKEND || isoWeekday(tl.firstDay + i) !== 6) return false;
  const mod = minute - dayBase(tl, i);
  const receiving = tl.hours.saturdayReceiving;
  for (let k = 0; k < receiving.length; k += 2)
    if (mod >= receiving[k]! && mod < receiving[k + 1]!) return true;
  return false;
}
