// Due times. Conventions (docs/domain/working-time.md has the reasoning and sources):
// - Counting starts at the receipt if it is inside a working session, else at the start of the next
//   one (legal-notes §4.1 r.6); with a cutoff, a receipt at or after it counts from the next working
//   day (r.5, the 15:00 rule).
// - N working days = N × workingDayMinutes of working time from there (r.8: 1 working day = 8 working
//   hours; r.7: step shares of 0.25 or 0.5 day must add up to the limit, which only a duration
//   convention makes exact). The due instant is the earliest one at which that much working time has
//   run, so it is always inside office hours, possibly at the close of a session.
// - Calendar days run continuously (weekends and holidays count); the deadline is the close of office
//   on the day the time runs out, or of the next working day when that day is off or already closed
//   (Civil Code 2015 art. 148; legal-notes §4.1 r.11).
// - Pauses: `suspend` stops the clock for its length (r.9); `restart` starts the count over from the
//   end of the pause.
import { ceilMinute, formatClock, formatInstant, parseClock, parseInstant } from './civil-date.ts';
import { WorkingTimeError } from './errors.ts';
import {
  closeOf,
  dayBase,
  dayIndexOf,
  getTimeline,
  minuteAtWorkingMinutes,
  normalizeStart,
  openOf,
  workingMinutesAt,
} from './timeline.ts';
import type { Timeline } from './timeline.ts';
import { DAY_HOLIDAY, DAY_MAKE_UP, DAY_WEEKEND, missingYear } from './work-calendar.ts';
import type { WorkCalendar } from './work-calendar.ts';
import type {
  AddWorkingTimeOptions,
  DueTime,
  Duration,
  ExplanationKind,
  ExplanationSpan,
  InstantInput,
  Pause,
  ValidationProblem,
} from './types.ts';

const K_COUNTED = 0;
const K_WEEKEND = 1;
const K_HOLIDAY = 2;
const K_OUTSIDE = 3;
const K_PAUSE = 4;
const K_MAKE_UP = 5;
const KIND_NAMES: readonly ExplanationKind[] = [
  'counted',
  'weekend',
  'holiday',
  'outside-office-hours',
  'pause',
  'make-up-working-day',
];

export const EXPLANATION_REASONS = {
  counted: 'Thời gian làm việc, tính vào thời hạn (chỉ trong giờ làm việc)',
  receivedOutside: 'Tiếp nhận ngoài giờ làm việc: thời hạn tính từ phiên làm việc tiếp theo',
  outside: 'Ngoài giờ làm việc: không tính vào thời hạn',
  calendar:
    'Tính liên tục theo ngày dương lịch, kể cả ngày nghỉ; hạn là cuối giờ làm việc của ngày cuối cùng',
  rolled:
    'Ngày cuối của thời hạn là ngày nghỉ hoặc đã hết giờ làm việc: hạn chuyển sang cuối ngày làm việc tiếp theo (Bộ luật Dân sự 2015 Điều 148)',
  voided: 'Không tính: thời hạn được tính lại từ đầu sau khi kết thúc tạm dừng',
} as const;

const cutoffReason = (cutoff: number): string =>
  `Tiếp nhận từ ${formatClock(cutoff)} trở đi: thời hạn tính từ ngày làm việc tiếp theo`;

// Explanation spans under construction, as parallel arrays reused across calls (single-threaded;
// nothing here awaits), so that building an explanation allocates only its result.
let spanCount = 0;
const spanFrom: number[] = [];
const spanTo: number[] = [];
const spanKind: number[] = [];
const spanReason: string[] = [];

function push(from: number, to: number, kind: number, reason: string): void {
  if (to <= from) return;
  const last = spanCount - 1;
  if (last >= 0 && spanKind[last] === kind && spanReason[last] === reason && spanTo[last] === from) {
    spanTo[last] = to;
    return;
  }
  spanFrom[spanCount] = from;
  spanTo[spanCount] = to;
  spanKind[spanCount] = kind;
  spanReason[spanCount] = reason;
  spanCount++;
}

const MODE_COUNT = 0;
const MODE_GAP = 1;
const MODE_ROLL = 2;

/**
 * Labels [a, b) run by run: a run of working days is one span (its nights and lunch breaks included:
 * only session time counts, the reason says so); a run of days off is one span from the close of the
 * last working day before it to the opening of the next. MODE_GAP labels working days as
 * outside-office-hours (time before counting starts); MODE_ROLL as a deadline moved forward.
 */
function emitRange(tl: Timeline, range: readonly [number, number], mode: number, gapReason: string): void {
  const [a, b] = range;
  let pos = a;
  let i = dayIndexOf(tl, a);
  const n = tl.n;
  while (pos < b && i < n) {
    const k = tl.kind[i]!;
    const last = tl.runEnd[i]!;
    const next = last + 1;
    const nextWorking = next < n && tl.kind[next]! <= DAY_MAKE_UP;
    if (k <= DAY_MAKE_UP) {
      const runEnd = nextWorking ? openOf(tl, next) : closeOf(tl, last);
      const end = runEnd < b ? runEnd : b;
      if (end > pos) {
        if (mode === MODE_GAP) push(pos, end, K_OUTSIDE, gapReason);
        else if (k === DAY_MAKE_UP) push(pos, end, K_MAKE_UP, tl.runReason[i]!);
        else
          push(
            pos,
            end,
            K_COUNTED,
            mode === MODE_COUNT ? EXPLANATION_REASONS.counted : EXPLANATION_REASONS.rolled,
          );
        pos = end;
      }
      // The evening after the run belongs to the days off that follow, unless [a, b) ends first.
      if (!nextWorking && b <= dayBase(tl, next)) {
        push(pos, b, K_OUTSIDE, mode === MODE_GAP ? gapReason : EXPLANATION_REASONS.outside);
        pos = b;
      }
    } else {
      const runEnd = nextWorking ? openOf(tl, next) : dayBase(tl, next);
      const end = runEnd < b ? runEnd : b;
      const kind = k === DAY_WEEKEND ? K_WEEKEND : k === DAY_HOLIDAY ? K_HOLIDAY : K_OUTSIDE; // DAY_CLOSED
      push(pos, end, kind, tl.runReason[i]!);
      pos = end;
    }
    i = next;
  }
}

/** Counting-mode [a, b) where a is a session instant and b may lie outside office hours. */
function emitCounting(tl: Timeline, a: number, b: number): void {
  const wa = workingMinutesAt(tl, a);
  const wb = workingMinutesAt(tl, b);
  // The last instant ≤ b that still ends working time: counted up to there, the rest is a gap.
  const e = wb === wa ? a : Math.min(b, minuteAtWorkingMinutes(tl, wb, dayIndexOf(tl, a)));
  if (e > a) emitRange(tl, [a, e], MODE_COUNT, '');
  if (b > e) emitRange(tl, [e, b], MODE_GAP, EXPLANATION_REASONS.outside);
}

type PreparedPause = { from: number; to: number; restart: boolean; reason: string };

function preparePauses(pauses: readonly Pause[]): PreparedPause[] {
  const problems: ValidationProblem[] = [];
  const prepared: PreparedPause[] = [];
  pauses.forEach((p, i) => {
    const path = `pauses/${i}`;
    const instant = (value: string, at: string): number | undefined => {
      try {
        return ceilMinute(parseInstant(value, at));
      } catch (error) {
        if (!(error instanceof WorkingTimeError)) throw error;
        problems.push(...error.details);
        return undefined;
      }
    };
    const from = instant(p.from, `${path}/from`);
    const to = instant(p.to, `${path}/to`);
    if (from === undefined || to === undefined) return;
    // Instants count in whole minutes: a pause that ends in the minute it began (a supplement handed
    // in right after it was asked for) is empty, not invalid; only an end before the start is refused.
    if (to < from)
      problems.push({
        path: `${path}/to`,
        code: 'end-before-start',
        message: 'Thời điểm kết thúc tạm dừng phải sau thời điểm bắt đầu.',
      });
    if (p.policy !== 'suspend' && p.policy !== 'restart') {
      problems.push({
        path: `${path}/policy`,
        code: 'invalid-policy',
        message: 'Cách tạm dừng phải là "suspend" hoặc "restart".',
      });
    }
    if (typeof p.reason !== 'string' || p.reason.trim() === '') {
      problems.push({
        path: `${path}/reason`,
        code: 'empty-reason',
        message: 'Lý do tạm dừng không được để trống.',
      });
    }
    const restart = p.policy === 'restart';
    const reason = `${String(p.reason).trim()} (${restart ? 'tính lại thời hạn từ đầu khi kết thúc' : 'tạm dừng tính thời hạn'})`;
    prepared.push({ from, to, restart, reason });
  });
  if (problems.length > 0)
    throw new WorkingTimeError('INVALID_PAUSE', 'Khoảng tạm dừng không hợp lệ.', problems);
  return prepared.sort((a, b) => a.from - b.from);
}

const NO_PAUSES: readonly PreparedPause[] = [];

function invalidDuration(path: string, message: string): WorkingTimeError {
  return new WorkingTimeError('INVALID_DURATION', message, [{ path, code: 'invalid-duration', message }]);
}

/**
 * Minutes of a working-day, working-hour or calendar-day duration: working minutes for the first
 * two, elapsed minutes for calendar days; -1 for same-day. Throws unless a whole number of minutes.
 */
export function durationMinutes(duration: Duration, workingDayMinutes: number): number {
  const { value, unit } = duration;
  if (unit === 'same-day') return -1;
  const per =
    unit === 'working-day'
      ? workingDayMinutes
      : unit === 'working-hour'
        ? 60
        : unit === 'calendar-day'
          ? 1440
          : 0;
  if (per === 0) {
    throw invalidDuration(
      'unit',
      'Đơn vị thời hạn phải là working-day, working-hour, calendar-day hoặc same-day.',
    );
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw invalidDuration('value', 'Thời hạn phải là một số không âm.');
  }
  if (unit === 'calendar-day' && !Number.isInteger(value)) {
    throw invalidDuration('value', 'Thời hạn tính theo ngày dương lịch phải là số ngày nguyên.');
  }
  const exact = value * per;
  const minutes = Math.round(exact);
  if (Math.abs(exact - minutes) > 1e-6) {
    throw invalidDuration('value', `Thời hạn ${value} không quy đổi được thành số phút nguyên.`);
  }
  return minutes;
}

/** Working minutes left in the civil day of a session instant (the 'same-day' limit). */
function minutesToClose(tl: Timeline, minute: number): number {
  return workingMinutesAt(tl, closeOf(tl, dayIndexOf(tl, minute))) - workingMinutesAt(tl, minute);
}

/**
 * The due time of a limit counted from `start` (the receipt), in Vietnamese civil time (UTC+7), with
 * the agency's office hours and the calendar's days off, and an explanation of every span.
 * Throws WorkingTimeError: INVALID_* for bad input, CALENDAR_YEAR_MISSING when the count leaves the
 * calendar's years.
 */
export function addWorkingTime(
  start: InstantInput,
  duration: Duration,
  calendar: WorkCalendar,
  options: AddWorkingTimeOptions,
): DueTime {
  const { hours } = options;
  const tl = getTimeline(calendar, hours);
  const startMinute = ceilMinute(parseInstant(start, 'start'));
  const limit = durationMinutes(duration, tl.dayMinutes);
  const cutoffText = options.cutoff ?? (duration.unit === 'same-day' ? '15:00' : undefined);
  const cutoff = cutoffText === undefined ? -1 : parseClock(cutoffText);
  if (cutoff < 0 && cutoffText !== undefined)
    throw invalidDuration('cutoff', 'Giờ chốt tiếp nhận phải có dạng HH:MM.');
  const pauses =
    options.pauses === undefined || options.pauses.length === 0 ? NO_PAUSES : preparePauses(options.pauses);
  const explain = options.explain !== false;
  spanCount = 0;
  const { dueAt, countedFrom } =
    duration.unit === 'calendar-day'
      ? calendarDays(tl, startMinute, limit, { cutoff, pauses, explain })
      : workingTime(tl, startMinute, limit, { cutoff, pauses, explain });
  const explanation: ExplanationSpan[] = [];
  if (explain) {
    for (let i = 0; i < spanCount; i++) {
      explanation.push({
        from: formatInstant(spanFrom[i]!),
        to: formatInstant(spanTo[i]!),
        kind: KIND_NAMES[spanKind[i]!]!,
        reason: spanReason[i]!,
      });
    }
  }
  return { dueAt: formatInstant(dueAt), countedFrom: formatInstant(countedFrom), explanation };
}

/** Why the count starts later than `minute`: the cutoff if it applied there, else `otherwise`. */
function gapReasonAt(tl: Timeline, minute: number, cutoff: number, otherwise: string): string {
  if (cutoff >= 0) {
    const i = dayIndexOf(tl, minute);
    if (tl.kind[i]! <= DAY_MAKE_UP && minute - dayBase(tl, i) >= cutoff) return cutoffReason(cutoff);
  }
  return otherwise;
}

function voidBefore(startMinute: number, pauseFrom: number): void {
  spanCount = 0;
  push(startMinute, pauseFrom, K_PAUSE, EXPLANATION_REASONS.voided);
}

type Computed = { dueAt: number; countedFrom: number };
/** The cutoff minute of the day (-1: none), the prepared pauses, and whether to explain. */
type CountRules = { cutoff: number; pauses: readonly PreparedPause[]; explain: boolean };

function workingTime(tl: Timeline, startMinute: number, limit: number, count: CountRules): Computed {
  const { cutoff, pauses, explain } = count;
  const sameDay = limit < 0;
  let countedFrom = normalizeStart(tl, startMinute, cutoff);
  let c = countedFrom; // the count resumes here: a session instant
  let t = startMinute; // explained up to here; [t, c) is time before the count (re)starts
  let left = sameDay ? minutesToClose(tl, c) : limit;
  let gapReason = explain ? gapReasonAt(tl, startMinute, cutoff, EXPLANATION_REASONS.receivedOutside) : '';
  for (const p of pauses) {
    if (p.to <= t) continue;
    const pf = p.from > t ? p.from : t;
    const due = left > 0 ? minuteAtWorkingMinutes(tl, workingMinutesAt(tl, c) + left, dayIndexOf(tl, c)) : c;
    if (pf >= due) break;
    if (explain) {
      const gapEnd = pf < c ? pf : c;
      if (gapEnd > t) emitRange(tl, [t, gapEnd], MODE_GAP, gapReason);
      if (pf > c) emitCounting(tl, c, pf);
    }
    if (pf > c) left -= workingMinutesAt(tl, pf) - workingMinutesAt(tl, c);
    // A pause that ends before the count starts leaves the gap's reason (the cutoff) as it is.
    if (p.to >= c) gapReason = EXPLANATION_REASONS.outside;
    t = p.to;
    if (p.restart) {
      if (explain) {
        voidBefore(startMinute, pf);
        gapReason = gapReasonAt(tl, p.to, cutoff, EXPLANATION_REASONS.outside);
      }
      countedFrom = normalizeStart(tl, p.to, cutoff);
      c = countedFrom;
      left = sameDay ? minutesToClose(tl, c) : limit;
    } else {
      const resume = normalizeStart(tl, p.to, -1);
      if (resume > c) c = resume;
    }
    if (explain) push(pf, p.to, K_PAUSE, p.reason);
  }
  const dueAt = left > 0 ? minuteAtWorkingMinutes(tl, workingMinutesAt(tl, c) + left, dayIndexOf(tl, c)) : c;
  if (explain) {
    if (c > t) emitRange(tl, [t, c], MODE_GAP, gapReason);
    emitRange(tl, [c, dueAt], MODE_COUNT, '');
  }
  return { dueAt, countedFrom };
}

function calendarDays(tl: Timeline, startMinute: number, limit: number, count: CountRules): Computed {
  const { cutoff, pauses, explain } = count;
  let countedFrom = normalizeStart(tl, startMinute, cutoff);
  let c = countedFrom;
  let t = startMinute;
  let left = limit;
  let gapReason = explain ? gapReasonAt(tl, startMinute, cutoff, EXPLANATION_REASONS.receivedOutside) : '';
  for (const p of pauses) {
    if (p.to <= t) continue;
    const pf = p.from > t ? p.from : t;
    if (left === 0 || pf >= c + left) break;
    if (explain) {
      const gapEnd = pf < c ? pf : c;
      if (gapEnd > t) emitRange(tl, [t, gapEnd], MODE_GAP, gapReason);
      if (pf > c) push(c, pf, K_COUNTED, EXPLANATION_REASONS.calendar);
    }
    if (pf > c) left -= pf - c;
    // A pause that ends before the count starts leaves the gap's reason (the cutoff) as it is.
    if (p.to >= c) gapReason = EXPLANATION_REASONS.outside;
    t = p.to;
    if (p.restart) {
      if (explain) {
        voidBefore(startMinute, pf);
        gapReason = gapReasonAt(tl, p.to, cutoff, EXPLANATION_REASONS.outside);
      }
      countedFrom = normalizeStart(tl, p.to, cutoff);
      c = countedFrom;
      left = limit;
    } else if (p.to > c) {
      c = p.to;
    }
    if (explain) push(pf, p.to, K_PAUSE, p.reason);
  }
  if (explain && c > t) emitRange(tl, [t, c], MODE_GAP, gapReason);
  if (left === 0) return { dueAt: c, countedFrom };
  const runsOut = c + left;
  const d = dayIndexOf(tl, runsOut);
  let dueAt: number;
  if (tl.kind[d]! <= DAY_MAKE_UP && runsOut <= closeOf(tl, d)) {
    dueAt = closeOf(tl, d);
    if (explain) push(c, dueAt, K_COUNTED, EXPLANATION_REASONS.calendar);
  } else {
    const j = d + 1 < tl.n ? tl.nextWork[d + 1]! : tl.n;
    if (j >= tl.n) throw missingYear(tl.calendar.lastYear + 1, tl.calendar);
    dueAt = closeOf(tl, j);
    if (explain) {
      push(c, runsOut, K_COUNTED, EXPLANATION_REASONS.calendar);
      emitRange(tl, [runsOut, dueAt], MODE_ROLL, EXPLANATION_REASONS.outside);
    }
  }
  return { dueAt, countedFrom };
}
