// Due-time computations per second on one core, for a mix of limits received across Dec–Feb, so
// the counts cross a year boundary and Tết. Prints reference figures from the same run: the bare
// table arithmetic on minute integers (the ceiling: no parsing, formatting or explanation) and a
// naive day-by-day stepping loop over the same day tables.
// Run: node_modules/.bin/node bench/working-time.ts [seconds per case, default 2]
import { cpus } from 'node:os';
import {
  addWorkingTime,
  createWorkCalendar,
  defaultOfficeHours,
  officialCalendarYear,
  withDefaultYears,
} from '../common/working-time/index.ts';
import type { Duration, Pause } from '../common/working-time/index.ts';
import {
  closeOf,
  dayIndexOf,
  getTimeline,
  minuteAtWorkingMinutes,
  normalizeStart,
  workingMinutesAt,
} from '../common/working-time/timeline.ts';
import type { Timeline } from '../common/working-time/timeline.ts';

const seconds = Number(process.argv[2] ?? 2);
const official = [2024, 2025, 2026].map((y) => officialCalendarYear(y)!);
const calendar = createWorkCalendar(withDefaultYears(official, 2015, 2035));
const hours = defaultOfficeHours();
const tl: Timeline = getTimeline(calendar, hours);

// A small seeded generator, so every run measures the same inputs.
let state = 20261121;
const random = (): number => {
  state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
  return state / 2 ** 32;
};
const pick = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));

type Case = { start: string; startMinute: number; duration: Duration; pauses: Pause[] };
const CASES = 20_000;
const cases: Case[] = [];
for (let i = 0; i < CASES; i++) {
  // Receipts from 1 December to the end of February, 2016/17 … 2033/34, at any minute of the day.
  const year = pick(2016, 2033);
  const startMs = Date.UTC(year, 11, 1) - 7 * 3600_000 + pick(0, 89 * 1440 - 1) * 60_000;
  const kind = i % 3;
  const duration: Duration =
    kind === 0
      ? { value: pick(1, 30), unit: 'working-day' }
      : kind === 1
        ? { value: pick(4, 40), unit: 'working-hour' }
        : { value: pick(7, 60), unit: 'calendar-day' };
  const pauseFrom = startMs + pick(60, 5 * 1440) * 60_000;
  const pauses: Pause[] = [
    {
      from: new Date(pauseFrom).toISOString(),
      to: new Date(pauseFrom + pick(60, 10 * 1440) * 60_000).toISOString(),
      policy: 'suspend',
      reason: 'Chờ bổ sung hồ sơ',
    },
  ];
  cases.push({ start: new Date(startMs).toISOString(), startMinute: startMs / 60_000, duration, pauses });
}

function measure(name: string, run: (c: Case) => number): number {
  let sink = 0;
  for (let i = 0; i < CASES; i++) sink += run(cases[i]!); // warm-up
  let done = 0;
  const t0 = performance.now();
  const deadline = t0 + seconds * 1000;
  let now = t0;
  while (now < deadline) {
    for (let i = 0; i < CASES; i++) sink += run(cases[i]!);
    done += CASES;
    now = performance.now();
  }
  const perSecond = Math.round((done / (now - t0)) * 1000);
  console.log(
    `${name.padEnd(58)} ${perSecond.toLocaleString('en-US').padStart(12)} /s   (checksum ${sink % 997})`,
  );
  return perSecond;
}

// The ceiling: the same tables, minute integers in and out, nothing else.
function tableLookup(c: Case): number {
  const from = normalizeStart(tl, c.startMinute, -1);
  const { value, unit } = c.duration;
  if (unit === 'calendar-day') {
    const runsOut = from + value * 1440;
    const d = dayIndexOf(tl, runsOut);
    return tl.kind[d]! <= 1 && runsOut <= closeOf(tl, d) ? closeOf(tl, d) : closeOf(tl, tl.nextWork[d + 1]!);
  }
  const minutes = unit === 'working-day' ? value * tl.dayMinutes : value * 60;
  return minuteAtWorkingMinutes(tl, workingMinutesAt(tl, from) + minutes, dayIndexOf(tl, from));
}

// Naive: step day by day through the per-day sessions (no cumulative table, no search).
function naiveStepping(c: Case): number {
  const from = normalizeStart(tl, c.startMinute, -1);
  const { value, unit } = c.duration;
  let i = dayIndexOf(tl, from);
  if (unit === 'calendar-day') {
    const runsOut = from + value * 1440;
    const d = dayIndexOf(tl, runsOut);
    if (tl.kind[d]! <= 1 && runsOut <= closeOf(tl, d)) return closeOf(tl, d);
    for (let j = d + 1; ; j++) if (tl.kind[j]! <= 1) return closeOf(tl, j);
  }
  let left = unit === 'working-day' ? value * tl.dayMinutes : value * 60;
  let mod = from - ((tl.firstDay + i) * 1440 - 420);
  for (; ; i++, mod = 0) {
    for (let k = tl.sessOff[i]!; k < tl.sessOff[i + 1]!; k++) {
      const s = Math.max(tl.sessStart[k]!, mod);
      const e = tl.sessEnd[k]!;
      if (e <= s) continue;
      if (e - s >= left) return (tl.firstDay + i) * 1440 - 420 + s + left;
      left -= e - s;
    }
  }
}

let spans = 0;
for (const c of cases) spans += addWorkingTime(c.start, c.duration, calendar, { hours }).explanation.length;
let agree = 0;
for (const c of cases) {
  const due =
    Date.parse(addWorkingTime(c.start, c.duration, calendar, { hours, explain: false }).dueAt) / 60_000;
  if (due === tableLookup(c) && due === naiveStepping(c)) agree++;
}

console.log(
  `working-time bench — Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), one thread`,
);
console.log(
  `${CASES.toLocaleString('en-US')} receipts 1 Dec–28 Feb 2016/17…2033/34 (crossing the year and Tết); limits: 1–30 working days, 4–40 working hours, 7–60 calendar days`,
);
console.log(
  `average explanation: ${(spans / CASES).toFixed(1)} spans; references agree with the engine on ${agree}/${CASES}`,
);
measure(
  'addWorkingTime, with explanation',
  (c) => addWorkingTime(c.start, c.duration, calendar, { hours }).dueAt.length,
);
measure(
  'addWorkingTime, with explanation and one suspending pause',
  (c) => addWorkingTime(c.start, c.duration, calendar, { hours, pauses: c.pauses }).explanation.length,
);
measure(
  'addWorkingTime, explain: false',
  (c) => addWorkingTime(c.start, c.duration, calendar, { hours, explain: false }).dueAt.length,
);
measure('reference: naive day-by-day stepping (minutes in/out)', naiveStepping);
measure('ceiling: precomputed-table lookup (minutes in/out)', tableLookup);
