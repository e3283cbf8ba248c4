// The actors, the journey driver and the shorthands the lifecycle tests share.
import assert from 'node:assert/strict';
import {
  allowedActions,
  applyAction,
  initialDossierState,
  type ActionKind,
  type ActionRecord,
  type ActorRelation,
  type DeadlineFacts,
  type DossierActor,
  type DossierState,
  type Effect,
  type LifecycleContext,
  type LifecycleError,
  type LifecycleRules,
  type LifecycleWorkflow,
} from './index.ts';
import { NO_RELATION, basicWorkflow, deepFreeze } from './test-fixtures.ts';

export type Who = { actor: DossierActor; relation: ActorRelation };

export const who = (kind: DossierActor['kind'], id: string, relation: Partial<ActorRelation> = {}): Who => ({
  actor: { kind, id },
  relation: { ...NO_RELATION, ...relation },
});

export const applicant = who('citizen', 'cd-1', { isApplicant: true });
export const stranger = who('citizen', 'cd-2');
export const desk = who('staff', 'mc-1', {
  rolesAtReceivingAgency: ['desk-officer'],
  rolesAtStepAgency: ['desk-officer'],
});
/** A desk officer of the receiving agency while the dossier is at another agency's step. */
export const deskAway = who('staff', 'mc-1', { rolesAtReceivingAgency: ['desk-officer'] });
export const specialist = who('staff', 'cv-1', {
  rolesAtStepAgency: ['specialist'],
  rolesAtResponsibleAgency: ['specialist'],
});
export const specialist2 = who('staff', 'cv-2', {
  rolesAtStepAgency: ['specialist'],
  rolesAtResponsibleAgency: ['specialist'],
});
export const clerk = who('staff', 'vt-1', { rolesAtStepAgency: ['specialist'] });
export const leader = who('staff', 'ld-1', {
  rolesAtStepAgency: ['leader'],
  rolesAtResponsibleAgency: ['leader'],
});
export const stepLeaderOnly = who('staff', 'ld-2', { rolesAtStepAgency: ['leader'] });
export const payments = who('system', 'payment-gateway');

export const T0 = Date.parse('2025-09-15T01:00:00Z');
export const iso = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
export const onTime: DeadlineFacts = { workingMinutesUntilDue: 600, workingDayMinutes: 480 };

/** A dossier driven action by action, 30 minutes apart; every state is frozen. */
export class Journey {
  state: DossierState;
  readonly initial: DossierState;
  readonly records: ActionRecord[] = [];
  minutes = 0;

  constructor(workflow: LifecycleWorkflow = basicWorkflow(), rules: Partial<LifecycleRules> = {}) {
    this.initial = deepFreeze(initialDossierState(workflow, rules));
    this.state = this.initial;
  }

  try(kind: ActionKind, by: Who, input: unknown = {}, deadline?: DeadlineFacts) {
    this.minutes += 30;
    const context: LifecycleContext =
      deadline === undefined ? { relation: by.relation } : { relation: by.relation, deadline };
    return applyAction(
      this.state,
      deepFreeze({ kind, actor: by.actor, input, at: iso(this.minutes) }),
      deepFreeze(context),
    );
  }

  do(kind: ActionKind, by: Who, input: unknown = {}, deadline?: DeadlineFacts): Effect[] {
    const result = this.try(kind, by, input, deadline);
    if (!result.ok)
      assert.fail(
        `${kind} refused: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.details ?? [])}`,
      );
    this.state = deepFreeze(result.state);
    this.records.push(result.record);
    return result.effects;
  }

  fail(kind: ActionKind, by: Who, input: unknown = {}, deadline?: DeadlineFacts): LifecycleError {
    const result = this.try(kind, by, input, deadline);
    if (result.ok) assert.fail(`${kind} should have been refused`);
    return result.error;
  }

  get status() {
    return this.state.status;
  }
  get stepKey() {
    return this.state.step.key;
  }
}

export const types = (effects: Effect[]) => effects.map((e) => e.type);
export const slips = (effects: Effect[]) => effects.flatMap((e) => (e.type === 'issue-slip' ? [e.slip] : []));
export const kinds = (state: DossierState, by: Who, deadline?: DeadlineFacts) =>
  allowedActions(
    state,
    by.actor,
    deadline === undefined ? { relation: by.relation } : { relation: by.relation, deadline },
  ).map((a) => a.kind);
/** Closing a dossier early (withdrawal, stop) stops the clock, issues a stop notice and tells the portal. */
export function assertClosedEarly(fx: Effect[], sync: { status: string; statusCode: number }): void {
  assert.deepEqual(types(fx), ['stop-clock', 'issue-slip', 'notify-applicant', 'sync-portal']);
  assert.deepEqual(slips(fx), ['stop-notice']);
  assert.deepEqual(fx.at(-1), { type: 'sync-portal', ...sync });
}

export const supplementInput = {
  missingComponents: [{ name: 'Tờ khai đăng ký khai sinh', requirement: 'Bản chính' }],
  reason: 'Thiếu tờ khai',
};
export const resultInput = {
  resultNumber: '125/QĐ-UBND',
  resultDate: '2025-07-01',
  signer: 'Trần Quốc Việt',
  resultDocuments: [{ name: 'Giấy khai sinh', fileId: 'f-1' }],
};

/** Accepted, transferred, claimed by the specialist: processing at the `process` step. */
export function atProcess(workflow?: LifecycleWorkflow, rules?: Partial<LifecycleRules>): Journey {
  const j = new Journey(workflow, rules);
  j.do('accept', desk);
  j.do('forward', desk);
  j.do('claim', specialist);
  return j;
}

/** Processing at the approval step, assigned to the leader. */
export function atApproval(workflow?: LifecycleWorkflow): Journey {
  const j = atProcess(workflow);
  j.do('forward', specialist, { nextAssigneeId: leader.actor.id });
  return j;
}
