// What an action lands in a staff worklist (issue #18, scope 4): a dossier handed to an officer (assign),
// moved on to a step (forward, approve) or back to one (send-back), or supplemented by its applicant — for the
// step's handler, or, when the step has none, for the holders of its role at the agency now holding the
// dossier. Written as a staff.notification outbox message in the action's transaction, beside the
// applicant's notice; the notifications' worker tells whoever chose to be told
// (docs/domain/notifications.md, "Staff"). A claim, or an assignment to oneself, tells no one.
import { message, type OutboxMessageInput } from '../../../platform/jobs/outbox.ts';
import { StaffNotificationTopic } from '../../../../common/contracts/outbox-topics.ts';
import type { StaffArrival } from '../../../../common/contracts/staff-notifications.ts';
import type { ActionKind, DossierState } from '../../../../common/dossiers/index.ts';

const ARRIVALS: Partial<Record<ActionKind, StaffArrival>> = {
  assign: 'assigned',
  forward: 'transferred',
  // Approval moves the dossier on (to the issuing step, or the desk's return step).
  approve: 'transferred',
  'send-back': 'returned',
  supplement: 'supplemented',
};

/** Statuses in which a dossier waits on no one at the agency (closed, or waiting for the applicant). */
const NOT_WAITING = [
  'refused',
  'withdrawn',
  'stopped',
  'returned',
  'awaiting-supplement',
  'awaiting-payment',
];

export type ArrivalInput = {
  code: string;
  kind: ActionKind;
  /** The state after the action. */
  state: DossierState;
  /** The agency holding the dossier after the action (its current agency). */
  agencyId: string;
  byUserId: string | null;
  now: Date;
};

export function staffArrival(input: ArrivalInput): OutboxMessageInput[] {
  const { state, code } = input;
  const arrival = ARRIVALS[input.kind];
  if (arrival === undefined || NOT_WAITING.includes(state.status)) return [];
  const step = state.workflow.steps[state.step.index];
  if (!step) return [];
  const assigneeId = state.step.assigneeId;
  if (assigneeId !== null && assigneeId === input.byUserId) return [];
  return [
    message(StaffNotificationTopic, code, {
      subject: 'dossier',
      code,
      arrival,
      assigneeId,
      agencyId: input.agencyId,
      role: step.role,
      byUserId: input.byUserId,
      at: input.now.toISOString(),
    }),
  ];
}
