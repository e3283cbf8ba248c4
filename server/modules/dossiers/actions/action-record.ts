// What an action records: who acted, the columns its effects set beside the new state, the outbox
// messages they ask for, the append-only action row and the audit entry. Pure, or reading only the
// working time; desk intake and the actions both write with it.
import type { Caller } from '../../../platform/actor.ts';
import { isoOrNull } from '../../../platform/clock.ts';
import type { AuditEntry } from '../../../platform/audit.ts';
import type { AppError } from '../../../platform/errors.ts';
import type { RawBuilder } from 'kysely';
import { message, type OutboxMessageInput } from '../../../platform/jobs/outbox.ts';
import { ApplicantNotificationTopic, PortalStatusTopic } from '../../../../common/contracts/outbox-topics.ts';
import type { ActionKind, DossierState, Effect } from '../../../../common/dossiers/index.ts';
import type { Duration } from '../../../../common/working-time/index.ts';
import type { DossierRow, Executor } from '../dossier.repository.ts';
import { computeDueAt, computeStepDueAt, type WorkingTime } from '../dossier-deadlines.ts';
import { fail } from '../dossiers.errors.ts';

/** Who an action is recorded as: the action row and the audit entry. */
export type PersistedActor = {
  kind: 'staff' | 'citizen' | 'system';
  userId: string | null;
  citizenId: string | null;
  label: string;
  /** The person as the history names them: a staff member's full name, the citizen's, the system's label. */
  name: string;
  roles: string[];
  agencyId: string | null;
};

export function persistedActor(caller: Caller, roles: string[], agencyId: string | null): PersistedActor {
  if (caller.kind === 'staff')
    return {
      kind: 'staff',
      userId: caller.actor.userId,
      citizenId: null,
      label: caller.actor.username,
      name: caller.actor.fullName,
      roles,
      agencyId,
    };
  if (caller.kind === 'citizen')
    return {
      kind: 'citizen',
      userId: null,
      citizenId: caller.citizen.citizenId,
      label: caller.citizen.fullName,
      name: caller.citizen.fullName,
      roles: ['applicant'],
      agencyId: null,
    };
  return {
    kind: 'system',
    userId: null,
    citizenId: null,
    label: caller.label,
    name: caller.label,
    roles: [],
    agencyId: null,
  };
}

/** Idempotency scope and lifecycle id of a caller. */
export function callerKey(caller: Caller): { scope: string; id: string } {
  if (caller.kind === 'staff') return { scope: `staff:${caller.actor.userId}`, id: caller.actor.userId };
  if (caller.kind === 'citizen')
    return { scope: `citizen:${caller.citizen.citizenId}`, id: `citizen:${caller.citizen.citizenId}` };
  return { scope: `system:${caller.label}`, id: `system:${caller.label}` };
}

export type Applied = {
  state: DossierState;
  effects: Effect[];
  record: Record<string, unknown>;
  kind: ActionKind;
};

/** The columns of a dossier's row an action sets beside its state. */
export type SettledColumns = {
  current_agency_id: string;
  received_at: Date | null;
  due_at: string | null;
  calendar_version: number | null;
  extended_due_at: string | null;
  /** Due time of the current step (worklists sort and mark by it). */
  step_due_at: string | null;
  result_at: Date | null;
  returned_at: Date | null;
  closed_at: Date | null;
};

type PriorColumns = Pick<
  DossierRow,
  | 'current_agency_id'
  | 'received_at'
  | 'calendar_version'
  | 'result_at'
  | 'returned_at'
  | 'step_agencies'
  | 'workflow'
> & { due_at: Date | string | null; extended_due_at: Date | string | null };

type SettleInput = {
  workingTime: (db: Executor) => Promise<WorkingTime>;
  row: PriorColumns;
  applied: Applied;
  limit: Duration | null;
  now: Date;
};

/**
 * The row's columns after the effects the lifecycle asked for: the due time recomputed in working time
 * when the clock starts or resumes, the current agency when the dossier moves, the new appointment.
 */
export async function settleEffects(db: Executor, input: SettleInput): Promise<SettledColumns> {
  const { row, applied, limit, now } = input;
  const { state, effects } = applied;
  let dueAt = isoOrNull(row.due_at);
  let calendarVersion = row.calendar_version;
  let extendedDueAt = isoOrNull(row.extended_due_at);
  let currentAgencyId = row.current_agency_id;
  let receivedAt = row.received_at;
  for (const e of effects) {
    if (e.type === 'start-clock' || e.type === 'resume-clock') {
      const due = await computeDueAt(db, input.workingTime, state, limit);
      dueAt = due.dueAt;
      calendarVersion = due.calendarVersion;
      if (e.type === 'start-clock') receivedAt = new Date(e.at);
    } else if (e.type === 'move-to-agency') {
      currentAgencyId = row.step_agencies[e.stepIndex]?.agencyId ?? currentAgencyId;
    } else if (e.type === 'extend-due') {
      extendedDueAt = e.newDueAt;
    }
  }
  const terminal = ['refused', 'withdrawn', 'stopped', 'returned'].includes(state.status);
  // The current step's due time while the dossier is worked on; none once it is closed.
  const stepDueAt = terminal ? null : await computeStepDueAt(db, input.workingTime, state, row.workflow);
  return {
    current_agency_id: currentAgencyId,
    received_at: receivedAt,
    due_at: dueAt,
    calendar_version: calendarVersion,
    extended_due_at: extendedDueAt,
    step_due_at: stepDueAt,
    result_at: state.status === 'result-ready' ? now : row.result_at,
    returned_at: state.status === 'returned' ? now : row.returned_at,
    closed_at: terminal ? now : null,
  };
}

/** The outbox messages the effects ask for (national-portal status, the applicant's notice). */
export function outboxMessages(code: string, applied: Applied, now: Date): OutboxMessageInput[] {
  return applied.effects.flatMap((e) => {
    if (e.type === 'sync-portal')
      return [
        message(PortalStatusTopic, code, {
          dossierCode: code,
          status: e.status,
          statusCode: e.statusCode,
          version: applied.state.version,
          at: now.toISOString(),
        }),
      ];
    if (e.type === 'notify-applicant')
      return [
        message(ApplicantNotificationTopic, code, { dossierCode: code, action: e.action, status: e.status }),
      ];
    return [];
  });
}

type ActionRecord = {
  from: { status: string; stepIndex: number };
  to: { status: string; stepIndex: number };
};

export type ActionRowInput = {
  /** The dossier's id, or an expression of it (the new dossier, inserted by the same statement). */
  dossierId: string | RawBuilder<string>;
  applied: Applied;
  actor: PersistedActor;
  now: Date;
  note: string | null;
};

/** The append-only action row, and the same as the dossier's history shows it. */
export function actionRow({ dossierId, applied, actor, now, note }: ActionRowInput) {
  const rec = applied.record as ActionRecord;
  return {
    values: {
      dossier_id: dossierId,
      version: applied.state.version,
      kind: applied.kind,
      actor_kind: actor.kind,
      actor_user_id: actor.userId,
      actor_citizen_id: actor.citizenId,
      actor_label: actor.label,
      actor_roles: JSON.stringify(actor.roles),
      agency_id: actor.agencyId,
      at: now,
      from_status: rec.from.status,
      to_status: rec.to.status,
      from_step: rec.from.stepIndex,
      to_step: rec.to.stepIndex,
      note,
      record: JSON.stringify(applied.record),
    },
    history: {
      version: applied.state.version,
      action: applied.kind,
      by: actor.label,
      name: actor.name,
      roles: actor.roles,
      at: now.toISOString(),
      from: rec.from.status,
      to: rec.to.status,
      fromStep: rec.from.stepIndex,
      toStep: rec.to.stepIndex,
      note,
    },
  };
}

export function auditOfAction(applied: Applied, code: string, requestId: string | null): AuditEntry {
  const rec = applied.record as ActionRecord;
  return {
    action: `dossier.${applied.kind}`,
    entityType: 'dossier',
    entityId: code,
    details: { version: applied.state.version, from: rec.from.status, to: rec.to.status },
    requestId,
  };
}

/**
 * Applies the effects the lifecycle asked for and writes state, action and outbox, then `answer` (the
 * caller's response and idempotency record), then the audit entry, last: the audit chain's lock
 * (platform/audit.ts) is held until commit and serialises every writer in the province, so nothing
 * else runs under it (docs/benchmarks.md, intake).
 */

/** A refusal of the lifecycle (common/dossiers) as the catalogue raises it. */
export function lifecycleError(err: {
  code: string;
  message: string;
  details?: { path: string; message: string }[];
}): AppError {
  const params = { message: err.message };
  if (err.code === 'FORBIDDEN') return fail('DOSSIER_ACTION_FORBIDDEN', { params });
  if (err.code === 'ACTION_NOT_ALLOWED') return fail('DOSSIER_ACTION_NOT_ALLOWED', { params });
  return fail('DOSSIER_ACTION_INPUT_INVALID', {
    params,
    details: (err.details ?? []).map((d) => ({ path: `body/${d.path}`, message: d.message })),
  });
}
