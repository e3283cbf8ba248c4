// The dossier as staff read it, built from its row and what goes with it (no read of its own).
import type { Static } from 'typebox';
import type { DossierView as DossierViewSchema } from '../../../../common/contracts/dossiers.ts';
import { isoOrNull } from '../../../platform/clock.ts';
import { DOSSIER_STATUSES, closedPauses, type DossierState } from '../../../../common/dossiers/index.ts';
import { durationHours } from '../../../../common/catalog/workflow.ts';
import { resultVerdict } from '../../../../common/reports/overview.ts';
import { addWorkingTime, remainingWorkingTime } from '../../../../common/working-time/index.ts';
import type { DossierRow } from '../dossier.repository.ts';
import type { WorkingTime } from '../dossier-deadlines.ts';

export type DossierView = Static<typeof DossierViewSchema>;

export type ViewRow = Pick<
  DossierRow,
  | 'code'
  | 'version'
  | 'case_key'
  | 'channel'
  | 'receiving_agency_id'
  | 'competent_agency_id'
  | 'current_agency_id'
  | 'step_agencies'
  | 'workflow'
  | 'applicant'
  | 'form_data'
  | 'components'
  | 'received_at'
  | 'calendar_version'
  | 'result_at'
  | 'returned_at'
  | 'requested_return_channel'
> & {
  submitted_at: Date | string;
  due_at: Date | string | null;
  extended_due_at: Date | string | null;
};

/** The applicant's address as given (`{ unitCode, line }`), with its unit's names; null without one. */
export function addressOf(
  applicant: unknown,
  unitPath: string | null,
): { line: string; unitCode: string; unitPath: string } | null {
  const a = (applicant as { address?: { unitCode?: unknown; line?: unknown } } | null)?.address;
  if (typeof a?.line !== 'string' || typeof a.unitCode !== 'string') return null;
  return { line: a.line, unitCode: a.unitCode, unitPath: unitPath ?? '' };
}

/** Staff members the view names (full names by user id) and the last one who acted at each step. */
export type StaffNames = {
  names: ReadonlyMap<string, string>;
  actedAt: ReadonlyMap<number, string>;
};

/** The view shows the time remaining and the steps' due times once the clock has started. */
export function viewNeedsWorkingTime(
  row: Pick<ViewRow, 'due_at' | 'extended_due_at'>,
  state: DossierState,
): boolean {
  return (row.extended_due_at ?? row.due_at) !== null && state.clock.startedAt !== null;
}

/**
 * The dossier as the API shows it, from its row and what goes with it; no read here, so intake builds
 * it from what it has just written and the reads build it from what they read.
 */
export function dossierView(parts: {
  row: ViewRow;
  state: DossierState;
  /** Every agency the row names, by id. */
  agencies: Map<string, { code: string; name: string }>;
  procedure: { code: string; name: string; version: number };
  history: DossierView['history'];
  /** What a legacy system recorded of an imported dossier (null or absent: not imported). */
  legacy?: DossierView['legacy'];
  /** Needed when viewNeedsWorkingTime. */
  workingTime: WorkingTime | null;
  now: Date;
  /** Who the view names: staff members' full names by user id, and the last officer who acted at each step. */
  people?: StaffNames;
  /** The applicant's address unit, named from itself up to the province; null when it is not known. */
  addressUnitPath?: string | null;
}): DossierView {
  const { row, state } = parts;
  const brief = (id: string) => {
    const a = parts.agencies.get(id)!;
    return { code: a.code, name: a.name };
  };
  const info = DOSSIER_STATUSES[state.status];
  const workflow = row.workflow;
  let remaining: DossierView['remaining'] = null;
  // Once the result is ready, or the dossier closed, no clock runs: the verdict says how it ended.
  const clockOver = state.clock.stoppedAt !== null || state.closedAt !== null;
  const terminal = info.terminal;
  const people: StaffNames = parts.people ?? {
    names: new Map<string, string>(),
    actedAt: new Map<number, string>(),
  };
  const person = (id: string | null | undefined) => {
    if (id === null || id === undefined) return null;
    const name = people.names.get(id);
    return name === undefined ? null : { id, name };
  };
  let stepDue: (string | null)[] = workflow.steps.map(() => null);
  const due = row.extended_due_at ?? row.due_at;
  if (due && state.clock.startedAt && parts.workingTime) {
    const { calendar: cal, hours } = parts.workingTime;
    if (!clockOver) {
      const r = remainingWorkingTime(parts.now.toISOString(), due, cal.calendar, hours);
      remaining = {
        overdue: r.overdue,
        workingMinutes: r.workingMinutes,
        days: r.days,
        hours: r.hours,
        minutes: r.minutes,
        label: r.label,
      };
    }
    // Each step's due time: the cumulative shares counted from the start of the clock.
    let cumulative = 0;
    const pauses = closedPauses(state);
    // Shares in calendar time have no working-time due of their own.
    stepDue = workflow.steps.map((s) => {
      if (s.share.unit === 'calendar-day' || s.share.unit === 'calendar-hour') return null;
      cumulative += durationHours(s.share);
      if (cumulative === 0) return null;
      return addWorkingTime(
        state.clock.startedAt!,
        { value: cumulative, unit: 'working-hour' },
        cal.calendar,
        { hours, pauses, explain: false },
      ).dueAt;
    });
  }
  return {
    code: row.code,
    version: row.version,
    status: state.status,
    statusCode: info.code,
    statusLabel: info.label,
    procedure: parts.procedure,
    caseCode: row.case_key,
    channel: row.channel,
    receivingAgency: brief(row.receiving_agency_id),
    competentAgency: brief(row.competent_agency_id),
    currentAgency: brief(row.current_agency_id),
    applicant: row.applicant,
    formData: row.form_data,
    components: row.components as Record<string, unknown>[],
    submittedAt: new Date(row.submitted_at).toISOString(),
    receivedAt: isoOrNull(row.received_at),
    dueAt: isoOrNull(row.due_at),
    extendedDueAt: isoOrNull(row.extended_due_at),
    calendarVersion: row.calendar_version,
    resultAt: isoOrNull(row.result_at),
    returnedAt: isoOrNull(row.returned_at),
    remaining,
    currentStep: {
      index: state.step.index,
      key: state.step.key,
      assigneeId: state.step.assigneeId,
      assignee: person(state.step.assigneeId),
    },
    steps: workflow.steps.map((s, i) => ({
      key: s.key,
      name: s.name,
      role: s.role,
      agency: brief(row.step_agencies[i]!.agencyId),
      dueAt: stepDue[i] ?? null,
      current: i === state.step.index && !terminal,
      handler: person(
        (i === state.step.index ? state.step.assigneeId : null) ??
          state.stepAssignees[s.key] ??
          people.actedAt.get(i),
      ),
    })),
    outcome: state.outcome,
    resultDocuments: state.resultDocuments as unknown as Record<string, unknown>[],
    result: state.resultRecord ?? null,
    applicantAddress: addressOf(row.applicant, parts.addressUnitPath ?? null),
    requestedReturnChannel: row.requested_return_channel as DossierView['requestedReturnChannel'],
    returnChannel: state.returnChannel,
    verdict:
      state.status === 'result-ready' || state.status === 'returned'
        ? resultVerdict(row.result_at, row.due_at)
        : null,
    history: parts.history,
    legacy: parts.legacy ?? null,
  };
}
