// The hot path. A calendar and an agency's office hours compile into per-day tables: the working
// sessions of each day and the cumulative working minutes before it. Working time then becomes a
// number line: W(t) = working minutes before instant t, O(1); its inverse is a binary search. Adding
// working time is W⁻¹(W(start) + limit); no Date objects, no day-by-day stepping.
import { MINUTES_PER_DAY, VN_OFFSET_MINUTES, isoWeekday } from './civil-date.ts';
import { compileOfficeHours } from './office-hours.ts';
import type { CompiledOfficeHours } from './office-hours.ts';
import { DAY_MAKE_UP, DAY_WORKING, missingYear } from './work-calendar.ts';
import type { WorkCalendar } from './work-calendar.ts';
import type { OfficeHours } from './types.ts';

/** Timeline day status: the calendar's DAY_* plus a working day on which the agency has no session. */
export const DAY_CLOSED = 4;
const CLOSED_REASON = 'Cơ quan không có phiên làm việc trong ngày';

export type Timeline = {
  calendar: WorkCalendar;
  hours: CompiledOfficeHours;
  firstDay: number;
  n: number;
  /** DAY_WORKING / DAY_MAKE_UP only for days with at least one session; DAY_CLOSED otherwise. */
  kind: Uint8Array;
  /** Last day index of the maximal run of days of the same kind. */
  runEnd: Int32Array;
  /** Distinct reasons of the days from this one to the end of its run, joined with ", ". */
  runReason: string[];
  /** Sessions of day i are sessStart/sessEnd[sessOff[i] … sessOff[i + 1]), in minutes of the civil day. */
  sessOff: Int32Array;
  sessStart: Int32Array;
  sessEnd: Int32Array;
  /** Working minutes before day i; cum[n] is the total. */
  cum: Int32Array;
  /** First day index ≥ i with a session; n when none. */
  nextWork: Int32Array;
  dayMinutes: number;
};

const byIdentity = new WeakMap<WorkCalendar, WeakMap<OfficeHours, Timeline>>();
const byKey = new WeakMap<WorkCalendar, Map<string, Timeline>>();
const MAX_TIMELINES_PER_CALENDAR = 64;

/**
 * The compiled timeline of a calendar and office hours, cached by object identity and, for office
 * hours rebuilt from the database on each request, by content.
 */
export function getTimeline(calendar: WorkCalendar, hours: OfficeHours): Timeline {
  let identity = byIdentity.get(calendar);
  const hit = identity?.get(hours);
  if (hit !== undefined) return hit;
  const compiled = compileOfficeHours(hours);
  let keyed = byKey.get(calendar);
  if (keyed === undefined) {
    keyed = new Map();
    byKey.set(calendar, keyed);
  }
  let timeline = keyed.get(compiled.key);
  if (timeline === undefined) {
    timeline = buildTimeline(calendar, compiled);
    if (keyed.size >= MAX_TIMELINES_PER_CALENDAR) keyed.delete(keyed.keys().next().value!);
    keyed.set(compiled.key, timeline);
  }
  if (identity === undefined) {
    identity = new WeakMap();
    byIdentity.set(calendar, identity);
  }
  identity.set(hours, timeline);
  return timeline;
}

function buildTimeline(calendar: WorkCalendar, hours: CompiledOfficeHours): Timeline {
  const n = calendar.dayCount;
  const kind = new Uint8Array(n);
  const reason: string[] = [];
  const sessOff = new Int32Array(n + 1);
  const starts: number[] = [];
  const ends: number[] = [];
  const cum = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const weekday = isoWeekday(calendar.firstDay + i);
    const k = calendar.kinds[i]!;
    const sessions =
      k === DAY_WORKING ? hours.weekday[weekday]! : k === DAY_MAKE_UP ? hours.makeUp[weekday]! : [];
    sessOff[i] = starts.length;
    let minutes = 0;
    for (let s = 0; s < sessions.length; s += 2) {
      starts.push(sessions[s]!);
      ends.push(sessions[s + 1]!);
      minutes += sessions[s + 1]! - sessions[s]!;
    }
    const closed = k <= DAY_MAKE_UP && sessions.length === 0;
    kind[i] = closed ? DAY_CLOSED : k;
    reason.push(closed ? CLOSED_REASON : calendar.reasons[i]!);
    cum[i + 1] = cum[i]! + minutes;
  }
  sessOff[n] = starts.length;
  const nextWork = new Int32Array(n + 1);
  nextWork[n] = n;
  const runEnd = new Int32Array(n);
  const runReason: string[] = new Array<string>(n).fill('');
  for (let i = n - 1; i >= 0; i--) {
    nextWork[i] = kind[i]! <= DAY_MAKE_UP ? i : nextWork[i + 1]!;
    runEnd[i] = i + 1 < n && kind[i + 1] === kind[i] ? runEnd[i + 1]! : i;
  }
  const joined = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    if (kind[i] === DAY_WORKING) continue;
    const distinct: string[] = [];
    for (let j = i; j <= runEnd[i]!; j++) if (!distinct.includes(reason[j]!)) distinct.push(reason[j]!);
    const text = distinct.join(', ');
    runReason[i] = joined.get(text) ?? text;
    joined.set(text, runReason[i]!);
  }
  return {
    calendar,
    hours,
    firstDay: calendar.firstDay,
    n,
    kind,
    runEnd,
    runReason,
    sessOff,
    sessStart: Int32Array.from(starts),
    sessEnd: Int32Array.from(ends),
    cum,
    nextWork,
    dayMinutes: hours.workingDayMinutes,
  };
}

/** Day index (in the timeline) of a UTC minute; throws CALENDAR_YEAR_MISSING outside. */
export function dayIndexOf(tl: Timeline, minute: number): number {
  const i = Math.floor((minute + VN_OFFSET_MINUTES) / MINUTES_PER_DAY) - tl.firstDay;
  if (i < 0 || i >= tl.n) throw missingYear(yearOfIndex(tl, i), tl.calendar);
  return i;
}

function yearOfIndex(tl: Timeline, i: number): number {
  return i < 0 ? tl.calendar.firstYear - 1 : tl.calendar.lastYear + 1;
}

/** UTC minute of the local midnight starting day index i. */
export function dayBase(tl: Timeline, i: number): number {
  return (tl.firstDay + i) * MINUTES_PER_DAY - VN_OFFSET_MINUTES;
}

/** UTC minute at which day i's first session opens (day i must have sessions). */
export function openOf(tl: Timeline, i: number): number {
  return dayBase(tl, i) + tl.sessStart[tl.sessOff[i]!]!;
}

/** UTC minute at which day i's last session closes (day i must have sessions). */
export function closeOf(tl: Timeline, i: number): number {
  return dayBase(tl, i) + tl.sessEnd[tl.sessOff[i + 1]! - 1]!;
}

/** W(t): working minutes from the start of the timeline up to the UTC minute t. */
export function workingMinutesAt(tl: Timeline, minute: number): number {
  const i = dayIndexOf(tl, minute);
  const mod = minute - dayBase(tl, i);
  let w = tl.cum[i]!;
  for (let k = tl.sessOff[i]!, end = tl.sessOff[i + 1]!; k < end; k++) {
    const s = tl.sessStart[k]!;
    const e = tl.sessEnd[k]!;
    if (mod >= e) w += e - s;
    else {
      if (mod > s) w += mod - s;
      break;
    }
  }
  return w;
}

/**
 * W⁻¹: the earliest UTC minute whose W is w (so it ends a session rather than opens the next one).
 * `fromIndex` is a day index whose cum is below w, to narrow the search. Needs w > cum[fromIndex].
 */
export function minuteAtWorkingMinutes(tl: Timeline, w: number, fromIndex: number): number {
  const cum = tl.cum;
  if (w > cum[tl.n]!) throw missingYear(tl.calendar.lastYear + 1, tl.calendar);
  // Largest i with cum[i] < w: gallop from fromIndex, then bisect.
  let lo = fromIndex;
  let step = 8;
  let hi = lo + step;
  while (hi < tl.n && cum[hi]! < w) {
    lo = hi;
    step *= 2;
    hi = lo + step;
  }
  if (hi > tl.n) hi = tl.n;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid]! < w) lo = mid;
    else hi = mid;
  }
  let rem = w - cum[lo]!;
  for (let k = tl.sessOff[lo]!, end = tl.sessOff[lo + 1]!; k < end; k++) {
    const len = tl.sessEnd[k]! - tl.sessStart[k]!;
    if (rem <= len) return dayBase(tl, lo) + tl.sessStart[k]! + rem;
    rem -= len;
  }
  // Unreachable: cum[lo] < w ≤ cum[lo + 1] puts w inside day lo's sessions.
  throw new Error('working-time timeline is inconsistent');
}

/**
 * The first UTC minute ≥ t inside a working session, [start, end). With a cutoff (minutes of the day,
 * -1 for none), a t at or after the cutoff on a working day moves to the next working day.
 */
export function normalizeStart(tl: Timeline, minute: number, cutoff: number): number {
  const i = dayIndexOf(tl, minute);
  if (tl.kind[i]! <= DAY_MAKE_UP) {
    const mod = minute - dayBase(tl, i);
    if (cutoff < 0 || mod < cutoff) {
      for (let k = tl.sessOff[i]!, end = tl.sessOff[i + 1]!; k < end; k++) {
        if (mod < tl.sessEnd[k]!) return mod >= tl.sessStart[k]! ? minute : dayBase(tl, i) + tl.sessStart[k]!;
      }
    }
  }
  const j = tl.nextWork[i + 1]!;
  if (j >= tl.n) throw missingYear(tl.calendar.lastYear + 1, tl.calendar);
  return openOf(tl, j);
}

/** True when the UTC minute lies inside a working session, [start, end). */
export function isInSession(tl: Timeline, minute: number): boolean {
  return normalizeStart(tl, minute, -1) === minute;
}
