// A dossier's time: its legal time limit, the due time counted in working time from the start of the
// clock, and the time remaining, on the competent agency's calendar and office hours.
import type { Deps } from '../../deps.ts';
import { closedPauses, type DossierState } from '../../../common/dossiers/index.ts';
import { timeLimitFor, type Channel, type Procedure } from '../../../common/catalog/procedure.ts';
import { durationHours, type Workflow } from '../../../common/catalog/workflow.ts';
import {
  addWorkingTime,
  workingMinutesBetween,
  workingDayMinutesOf,
  type Duration,
} from '../../../common/working-time/index.ts';
import { workingTimeFor, workingTimeFrom, type WorkingTimeRead } from '../calendar/index.ts';
import type { DossierRow, Executor } from './dossier.repository.ts';
function engineDuration(limit: { value: number; unit: string | null } | null): Duration | null {
  if (!limit || limit.unit === null) return null;
  if (limit.unit === 'working-day' || limit.unit === 'working-hour' || limit.unit === 'calendar-day') {
    return { value: limit.value, unit: limit.unit };
  }
  // 'calendar-hour' limits are not computed by the engine yet: the desk sets the appointment.
  return null;
}

export type WorkingTime = Awaited<ReturnType<typeof workingTimeFor>>;

/**
 * The calendar and the competent agency's office hours, read once per request however many due times
 * the request computes (the due time, the steps' due times, the time remaining). The first call says
 * which executor reads: inside a transaction, its own (PGlite has one session).
 */
export function workingTimeOnce(
  deps: Deps,
  competentAgencyId: string,
  /** What was read already, with other things (intake): then only the calendar may be read. */
  known?: WorkingTimeRead,
): (db: Executor) => Promise<WorkingTime> {
  let read: Promise<WorkingTime> | null = null;
  return (db) =>
    (read ??= known ? workingTimeFrom(deps, known, db) : workingTimeFor(deps, competentAgencyId, db));
}

type DueFacts = { dueAt: string | null; calendarVersion: number | null };

export async function computeDueAt(
  db: Executor,
  workingTime: (db: Executor) => Promise<WorkingTime>,
  state: DossierState,
  limit: Duration | null,
): Promise<DueFacts> {
  if (!limit || !state.clock.startedAt) return { dueAt: null, calendarVersion: null };
  const { calendar: cal, hours } = await workingTime(db);
  const pauses = closedPauses(state);
  const due = addWorkingTime(state.clock.startedAt, limit, cal.calendar, { hours, pauses, explain: false });
  return { dueAt: due.dueAt, calendarVersion: cal.revision };
}

/**
 * Due time of the dossier's current step: the shares of the steps up to it, in working time from the
 * start of the clock (as the dossier view shows each step's). Null before the clock starts, for a
 * share in calendar time, or when the shares so far are nothing.
 */
export async function computeStepDueAt(
  db: Executor,
  workingTime: (db: Executor) => Promise<WorkingTime>,
  state: DossierState,
  workflow: Workflow,
): Promise<string | null> {
  if (!state.clock.startedAt) return null;
  const steps = workflow.steps.slice(0, state.step.index + 1);
  const current = steps[steps.length - 1];
  if (!current || current.share.unit === 'calendar-day' || current.share.unit === 'calendar-hour')
    return null;
  let cumulative = 0;
  for (const s of steps)
    if (s.share.unit !== 'calendar-day' && s.share.unit !== 'calendar-hour')
      cumulative += durationHours(s.share);
  if (cumulative === 0) return null;
  const { calendar: cal, hours } = await workingTime(db);
  return addWorkingTime(state.clock.startedAt, { value: cumulative, unit: 'working-hour' }, cal.calendar, {
    hours,
    pauses: closedPauses(state),
    explain: false,
  }).dueAt;
}

export async function deadlineOf(
  db: Executor,
  workingTime: (db: Executor) => Promise<WorkingTime>,
  row: DossierRow,
  now: Date,
) {
  const due = row.extended_due_at ?? row.due_at;
  if (!due) return null;
  const { calendar: cal, hours } = await workingTime(db);
  return {
    workingMinutesUntilDue: workingMinutesBetween(now, due, cal.calendar, hours),
    workingDayMinutes: workingDayMinutesOf(cal.calendar, hours),
    dueAt: new Date(due).toISOString(),
  };
}

export function limitOf(p: Procedure, channel: string, caseKey: string | null): Duration | null {
  return engineDuration(timeLimitFor(p, channel as Channel, caseKey ?? undefined));
}
