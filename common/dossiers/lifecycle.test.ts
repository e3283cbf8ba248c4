// The main paths of the lifecycle, action by action, with the effects the server must carry out.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultWorkflow } from '../catalog/workflow.ts';
import {
  ACTION_KINDS,
  DOSSIER_STATUSES,
  DOSSIER_STATUS_KEYS,
  TERMINAL_STATUSES,
  actionInputs,
  allowedActions,
  applyAction,
  approvalStepIndex,
  closedPauses,
  dossierStatusOfCode,
  initialDossierState,
  lifecycleWorkflowProblems,
  replayActions,
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
import { NO_RELATION, OMNIPOTENT, OMNIPOTENT_ACTORS, basicWorkflow, deepFreeze } from './test-fixtures.ts';

type Who = { actor: DossierActor; relation: ActorRelation };

const who = (kind: DossierActor['kind'], id: string, relation: Partial<ActorRelation> = {}): Who => ({
  actor: { kind, id },
  relation: { ...NO_RELATION, ...relation },
});

const applicant = who('citizen', 'cd-1', { isApplicant: true });
const stranger = who('citizen', 'cd-2');
const desk = who('staff', 'mc-1', {
  rolesAtReceivingAgency: ['desk-officer'],
  rolesAtStepAgency: ['desk-officer'],
});
/** A desk officer of the receiving agency while the dossier is at another agency's step. */
const deskAway = who('staff', 'mc-1', { rolesAtReceivingAgency: ['desk-officer'] });
const specialist = who('staff', 'cv-1', {
  rolesAtStepAgency: ['specialist'],
  rolesAtResponsibleAgency: ['specialist'],
});
const specialist2 = who('staff', 'cv-2', {
  rolesAtStepAgency: ['specialist'],
  rolesAtResponsibleAgency: ['specialist'],
});
const clerk = who('staff', 'vt-1', { rolesAtStepAgency: ['specialist'] });
const leader = who('staff', 'ld-1', { rolesAtStepAgency: ['leader'], rolesAtResponsibleAgency: ['leader'] });
const stepLeaderOnly = who('staff', 'ld-2', { rolesAtStepAgency: ['leader'] });
const payments = who('system', 'payment-gateway');

const T0 = Date.parse('2025-09-15T01:00:00Z');
const iso = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const onTime: DeadlineFacts = { workingMinutesUntilDue: 600, workingDayMinutes: 480 };

/** A dossier driven action by action, 30 minutes apart; every state is frozen. */
class Journey {
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

const types = (effects: Effect[]) => effects.map((e) => e.type);
const slips = (effects: Effect[]) => effects.flatMap((e) => (e.type === 'issue-slip' ? [e.slip] : []));
const kinds = (state: DossierState, by: Who, deadline?: DeadlineFacts) =>
  allowedActions(
    state,
    by.actor,
    deadline === undefined ? { relation: by.relation } : { relation: by.relation, deadline },
  ).map((a) => a.kind);
const supplementInput = {
  missingComponents: [{ name: 'Tờ khai đăng ký khai sinh', requirement: 'Bản chính' }],
  reason: 'Thiếu tờ khai',
};
const resultInput = { resultDocuments: [{ name: 'Giấy khai sinh', fileId: 'f-1' }] };

/** Accepted, transferred, claimed by the specialist: processing at the `process` step. */
function atProcess(workflow?: LifecycleWorkflow, rules?: Partial<LifecycleRules>): Journey {
  const j = new Journey(workflow, rules);
  j.do('accept', desk);
  j.do('forward', desk);
  j.do('claim', specialist);
  return j;
}

/** Processing at the approval step, assigned to the leader. */
function atApproval(workflow?: LifecycleWorkflow): Journey {
  const j = atProcess(workflow);
  j.do('forward', specialist, { nextAssigneeId: leader.actor.id });
  return j;
}

describe('statuses', () => {
  it('are the ten national codes, in order, with labels', () => {
    assert.deepEqual(
      DOSSIER_STATUS_KEYS.map((s) => DOSSIER_STATUSES[s].code),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    );
    for (const s of DOSSIER_STATUS_KEYS) {
      const info = DOSSIER_STATUSES[s];
      assert.ok(info.label && info.citizenLabel && info.englishLabel, s);
      assert.equal(dossierStatusOfCode(info.code), s);
    }
    assert.equal(dossierStatusOfCode(0), null);
    assert.equal(dossierStatusOfCode(11), null);
    assert.deepEqual([...TERMINAL_STATUSES], ['refused', 'withdrawn', 'stopped', 'returned']);
    assert.equal(DOSSIER_STATUSES['awaiting-supplement'].clock, 'paused');
    assert.equal(DOSSIER_STATUSES.processing.clock, 'running');
    assert.equal(DOSSIER_STATUSES['result-ready'].clock, 'stopped');
  });
});

describe('the main path: online submission to returned result', () => {
  it('accept → transfer → process → approve → return', () => {
    const j = new Journey(defaultWorkflow({ value: 5, unit: 'working-day' }));
    assert.equal(j.status, 'submitted');
    assert.equal(j.state.version, 0);
    assert.deepEqual(kinds(j.state, applicant), ['withdraw']);
    assert.deepEqual(kinds(j.state, desk), ['accept', 'request-supplement', 'refuse', 'withdraw']);
    assert.deepEqual(kinds(j.state, specialist), []);

    let fx = j.do('accept', desk, { note: 'Đủ thành phần' });
    assert.equal(j.status, 'received');
    assert.equal(j.state.clock.startedAt, iso(30));
    assert.deepEqual(types(fx), ['start-clock', 'issue-slip', 'notify-applicant', 'sync-portal']);
    assert.deepEqual(slips(fx), ['receipt']);
    assert.deepEqual(fx.at(-1), { type: 'sync-portal', status: 'received', statusCode: 2 });

    fx = j.do('forward', desk);
    assert.equal(j.status, 'processing');
    assert.equal(j.stepKey, 'process');
    assert.equal(j.state.step.assigneeId, null);
    assert.deepEqual(fx[0], {
      type: 'move-to-agency',
      stepIndex: 1,
      stepKey: 'process',
      performer: { kind: 'competent-agency' },
    });
    assert.deepEqual(types(fx), ['move-to-agency', 'sync-portal']);

    // A pool step: nobody works on it before claiming it.
    assert.equal(j.fail('forward', specialist).code, 'FORBIDDEN');
    assert.deepEqual(kinds(j.state, specialist), ['claim']);
    fx = j.do('claim', specialist);
    assert.equal(j.state.step.assigneeId, 'cv-1');
    assert.deepEqual(types(fx), ['sync-portal']);
    assert.equal(j.fail('claim', specialist2).code, 'ACTION_NOT_ALLOWED');
    assert.equal(j.fail('forward', specialist2).code, 'FORBIDDEN');

    fx = j.do('forward', specialist, { nextAssigneeId: 'ld-1', note: 'Đủ điều kiện' });
    assert.deepEqual(types(fx), ['move-to-agency', 'sync-portal']);
    assert.equal(j.stepKey, 'approve');
    assert.equal(j.state.step.assigneeId, 'ld-1');
    assert.equal(j.fail('forward', leader).code, 'ACTION_NOT_ALLOWED');

    fx = j.do('approve', leader, resultInput);
    assert.equal(j.status, 'result-ready');
    assert.equal(j.stepKey, 'return');
    assert.equal(j.state.outcome, 'approved');
    assert.deepEqual(j.state.resultDocuments, [{ name: 'Giấy khai sinh', fileId: 'f-1' }]);
    assert.equal(j.state.clock.stoppedAt, j.records.at(-1)?.at);
    assert.deepEqual(types(fx), ['stop-clock', 'move-to-agency', 'notify-applicant', 'sync-portal']);
    assert.deepEqual(fx.at(-1), { type: 'sync-portal', status: 'result-ready', statusCode: 9 });
    assert.equal(j.fail('withdraw', applicant).code, 'ACTION_NOT_ALLOWED');

    fx = j.do('return-result', desk, { channel: 'online' });
    assert.equal(j.status, 'returned');
    assert.equal(j.state.returnChannel, 'online');
    assert.deepEqual(types(fx), ['notify-applicant', 'sync-portal']);
    assert.deepEqual(fx.at(-1), { type: 'sync-portal', status: 'returned', statusCode: 10 });

    assert.equal(j.state.version, 6);
    assert.deepEqual(
      j.records.map((r) => [r.version, r.kind, r.from.status, r.to.status]),
      [
        [1, 'accept', 'submitted', 'received'],
        [2, 'forward', 'received', 'processing'],
        [3, 'claim', 'processing', 'processing'],
        [4, 'forward', 'processing', 'processing'],
        [5, 'approve', 'processing', 'result-ready'],
        [6, 'return-result', 'result-ready', 'returned'],
      ],
    );
    assert.deepEqual(replayActions(j.initial, j.records), { ok: true, state: j.state });
  });

  it('leaders assign the pool steps; reassigning to the same person is refused', () => {
    const j = new Journey();
    j.do('accept', desk);
    j.do('forward', desk);
    assert.equal(j.fail('assign', specialist, { assigneeId: 'cv-2' }).code, 'FORBIDDEN');
    j.do('assign', stepLeaderOnly, { assigneeId: 'cv-2' });
    assert.equal(j.state.step.assigneeId, 'cv-2');
    const e = j.fail('assign', stepLeaderOnly, { assigneeId: 'cv-2' });
    assert.equal(e.code, 'INVALID_INPUT');
    assert.deepEqual(
      e.details?.map((d) => d.path),
      ['assigneeId'],
    );
    j.do('forward', specialist2);
    assert.equal(j.stepKey, 'approve');
    assert.equal(j.state.step.assigneeId, null);
    j.do('claim', leader);
    j.do('approve', leader, resultInput);
    assert.equal(j.status, 'result-ready');
    // Desk steps are pooled: no claim, no assignment.
    assert.equal(j.fail('assign', leader, { assigneeId: 'mc-1' }).code, 'ACTION_NOT_ALLOWED');
  });

  it('a leader who is not on the dossier cannot approve, nor can the specialist', () => {
    const j = atApproval();
    assert.equal(j.fail('approve', specialist, resultInput).code, 'FORBIDDEN');
    assert.equal(j.fail('approve', stepLeaderOnly, resultInput).code, 'FORBIDDEN');
    const e = j.fail('approve', leader, { resultDocuments: [] });
    assert.equal(e.code, 'INVALID_INPUT');
    assert.deepEqual(e.details, [
      { path: 'resultDocuments', message: '“Kết quả giải quyết” phải có ít nhất 1 mục' },
    ]);
  });
});

describe('supplements', () => {
  it('before acceptance: no clock, back to submitted', () => {
    const j = new Journey();
    let fx = j.do('request-supplement', desk, supplementInput);
    assert.equal(j.status, 'awaiting-supplement');
    assert.equal(j.state.supplement?.stage, 'pre-receipt');
    assert.deepEqual(j.state.supplement?.missingComponents, supplementInput.missingComponents);
    assert.deepEqual(types(fx), ['issue-slip', 'notify-applicant', 'sync-portal']);
    assert.deepEqual(slips(fx), ['supplement-request']);
    assert.deepEqual(fx.at(-1), { type: 'sync-portal', status: 'awaiting-supplement', statusCode: 5 });
    assert.equal(j.state.pauses.length, 0);
    assert.equal(j.fail('accept', desk).code, 'ACTION_NOT_ALLOWED');

    fx = j.do('supplement', applicant, { components: [{ name: 'Tờ khai', fileId: 'f-9' }] });
    assert.equal(j.status, 'submitted');
    assert.equal(j.state.supplement, null);
    assert.deepEqual(types(fx), ['notify-applicant', 'sync-portal']);
    j.do('accept', desk);
    assert.equal(j.state.clock.startedAt, j.records.at(-1)?.at);
  });

  it('at intake, after acceptance, the count restarts and a new receipt is issued', () => {
    const j = new Journey();
    j.do('accept', desk);
    let fx = j.do('request-supplement', desk, supplementInput);
    assert.equal(j.state.supplement?.stage, 'intake');
    assert.deepEqual(fx[0], {
      type: 'pause-clock',
      at: iso(60),
      policy: 'restart',
      reason: 'Chờ bổ sung, hoàn thiện hồ sơ',
      cause: 'supplement',
    });
    assert.deepEqual(slips(fx), ['supplement-request']);
    assert.equal(j.fail('supplement', stranger, { components: [{ name: 'Tờ khai' }] }).code, 'FORBIDDEN');

    fx = j.do('supplement', desk, { components: [{ name: 'Tờ khai' }] });
    assert.equal(j.status, 'received');
    assert.deepEqual(fx[0], { type: 'resume-clock', at: iso(120), policy: 'restart', cause: 'supplement' });
    assert.deepEqual(slips(fx), ['receipt']);
    assert.deepEqual(closedPauses(j.state), [
      { from: iso(60), to: iso(120), policy: 'restart', reason: 'Chờ bổ sung, hoàn thiện hồ sơ' },
    ]);
  });

  it('during processing the clock is suspended, and only one request is allowed by default', () => {
    const j = atProcess();
    let fx = j.do('request-supplement', specialist, supplementInput);
    assert.equal(j.state.supplement?.stage, 'processing');
    assert.equal(j.stepKey, 'process');
    assert.deepEqual(types(fx), ['pause-clock', 'issue-slip', 'notify-applicant', 'sync-portal']);
    assert.equal(fx[0]?.type === 'pause-clock' && fx[0].policy, 'suspend');
    // The desk receives the supplement even though the dossier sits at another agency's step.
    fx = j.do('supplement', deskAway, { components: [{ name: 'Tờ khai' }] });
    assert.equal(j.status, 'processing');
    assert.equal(j.state.step.assigneeId, 'cv-1');
    assert.deepEqual(types(fx), ['resume-clock', 'notify-applicant', 'sync-portal']);
    assert.equal(fx[0]?.type === 'resume-clock' && fx[0].policy, 'suspend');
    assert.deepEqual(
      j.state.pauses.map((p) => [p.policy, p.to !== null]),
      [['suspend', true]],
    );
    const e = j.fail('request-supplement', specialist, supplementInput);
    assert.equal(e.code, 'ACTION_NOT_ALLOWED');
    assert.match(e.message, /tối đa 1 lần/);
  });

  it('a dossier sent back to the desk after the transfer is supplemented as in processing', () => {
    const j = atProcess();
    assert.equal(j.state.transferredAt, j.records[1]?.at);
    j.do('send-back', specialist, { reason: 'Thiếu tờ khai' });
    assert.equal(j.status, 'received');
    const fx = j.do('request-supplement', desk, supplementInput);
    assert.equal(j.state.supplement?.stage, 'processing');
    assert.equal(fx[0]?.type === 'pause-clock' && fx[0].policy, 'suspend');
    j.do('supplement', applicant, { components: [{ name: 'Tờ khai' }] });
    assert.equal(j.status, 'received');
    assert.equal(j.fail('request-supplement', desk, supplementInput).code, 'ACTION_NOT_ALLOWED');
  });

  it('the limit and the policies are per-procedure rules', () => {
    const j = atProcess(basicWorkflow(), {
      maxProcessingSupplements: null,
      processingSupplementPolicy: 'restart',
    });
    for (let n = 0; n < 3; n++) {
      const fx = j.do('request-supplement', specialist, supplementInput);
      assert.equal(fx[0]?.type === 'pause-clock' && fx[0].policy, 'restart');
      assert.deepEqual(slips(j.do('supplement', applicant, { components: [{ name: 'Tờ khai' }] })), [
        'receipt',
      ]);
    }
    assert.equal(j.state.processingSupplements, 3);
  });

  it('lists every input problem with its path', () => {
    const j = new Journey();
    let e = j.fail('request-supplement', desk, {});
    assert.equal(e.code, 'INVALID_INPUT');
    assert.deepEqual(
      e.details?.map((d) => d.path),
      ['missingComponents', 'reason'],
    );
    e = j.fail('request-supplement', desk, {
      missingComponents: [{ requirement: 'x' }, { name: ' ' }],
      reason: '  ',
      extra: 1,
    });
    assert.deepEqual(e.details, [
      { path: 'extra', message: 'Trường “extra” không thuộc thao tác này' },
      { path: 'missingComponents/0/name', message: 'Cần nhập “Tên thành phần hồ sơ”' },
      { path: 'missingComponents/1/name', message: '“Tên thành phần hồ sơ” không được để trống' },
      { path: 'reason', message: '“Lý do” không được để trống' },
    ]);
    assert.equal(j.state.version, 0);
  });
});

describe('refusal at intake', () => {
  it('refuses a submitted dossier with the refusal slip, no clock', () => {
    const j = new Journey();
    assert.equal(j.fail('refuse', specialist, { reason: 'x' }).code, 'FORBIDDEN');
    const fx = j.do('refuse', desk, { reason: 'Không thuộc thẩm quyền' });
    assert.equal(j.status, 'refused');
    assert.equal(j.state.closeReason, 'Không thuộc thẩm quyền');
    assert.deepEqual(types(fx), ['issue-slip', 'notify-applicant', 'sync-portal']);
    assert.deepEqual(slips(fx), ['refusal']);
    assert.deepEqual(fx.at(-1), { type: 'sync-portal', status: 'refused', statusCode: 3 });
  });

  it('refuses a pre-receipt supplement not made in time, but not a received dossier', () => {
    const j = new Journey();
    j.do('request-supplement', desk, supplementInput);
    j.do('refuse', desk, { reason: 'Quá hạn bổ sung' });
    assert.equal(j.status, 'refused');

    const k = new Journey();
    k.do('accept', desk);
    assert.equal(k.fail('refuse', desk, { reason: 'x' }).code, 'ACTION_NOT_ALLOWED');
    k.do('request-supplement', desk, supplementInput);
    const e = k.fail('refuse', desk, { reason: 'x' });
    assert.equal(e.code, 'ACTION_NOT_ALLOWED');
    assert.match(e.message, /Dừng xử lý/);
  });
});

describe('withdrawal', () => {
  it('the applicant withdraws before a result exists; the clock stops and a stop notice is issued', () => {
    const j = atProcess();
    assert.equal(j.fail('withdraw', stranger).code, 'FORBIDDEN');
    assert.equal(j.fail('withdraw', specialist).code, 'FORBIDDEN');
    const fx = j.do('withdraw', applicant, { reason: 'Không còn nhu cầu' });
    assert.equal(j.status, 'withdrawn');
    assert.equal(j.state.closeReason, 'Không còn nhu cầu');
    assert.deepEqual(types(fx), ['stop-clock', 'issue-slip', 'notify-applicant', 'sync-portal']);
    assert.deepEqual(slips(fx), ['stop-notice']);
    assert.deepEqual(fx.at(-1), { type: 'sync-portal', status: 'withdrawn', statusCode: 7 });
  });

  it('before acceptance there is no clock to stop; while waiting, the pause closes', () => {
    const j = new Journey();
    const fx = j.do('withdraw', applicant);
    assert.deepEqual(types(fx), ['issue-slip', 'notify-applicant', 'sync-portal']);
    assert.equal(j.state.closeReason, null);

    const k = atProcess();
    k.do('request-supplement', specialist, supplementInput);
    k.do('withdraw', deskAway, { reason: 'Đơn đề nghị dừng tại Bộ phận Một cửa' });
    assert.equal(k.state.supplement, null);
    assert.equal(k.state.pauses[0]?.to, k.state.clock.stoppedAt);
  });

  it('not once the leader has approved', () => {
    const workflow: LifecycleWorkflow = {
      steps: [
        ...basicWorkflow().steps.slice(0, 3),
        {
          key: 'issue',
          name: 'Vào sổ, phát hành',
          role: 'specialist',
          performer: { kind: 'competent-agency' },
          canSendBack: true,
        },
        basicWorkflow().steps[3]!,
      ],
    };
    const j = atApproval(workflow);
    j.do('approve', leader, resultInput);
    assert.equal(j.status, 'processing');
    assert.equal(j.fail('withdraw', applicant).code, 'ACTION_NOT_ALLOWED');
  });
});

describe('stop', () => {
  it('a leader of the responsible agency stops by decision', () => {
    const j = atProcess();
    assert.equal(j.fail('stop', specialist, { category: 'decision', reason: 'x' }).code, 'FORBIDDEN');
    assert.equal(j.fail('stop', stepLeaderOnly, { category: 'decision', reason: 'x' }).code, 'FORBIDDEN');
    const e = j.fail('stop', leader, { category: 'supplement-overdue', reason: 'x' });
    assert.equal(e.code, 'INVALID_INPUT');
    assert.equal(e.details?.[0]?.path, 'category');
    const fx = j.do('stop', leader, {
      category: 'decision',
      reason: 'Quyết định tạm dừng của Thanh tra tỉnh',
      decisionRef: '12/QĐ-TTr',
    });
    assert.equal(j.status, 'stopped');
    assert.equal(j.state.stopCategory, 'decision');
    assert.deepEqual(types(fx), ['stop-clock', 'issue-slip', 'notify-applicant', 'sync-portal']);
    assert.deepEqual(slips(fx), ['stop-notice']);
    assert.deepEqual(fx.at(-1), { type: 'sync-portal', status: 'stopped', statusCode: 8 });
  });

  it('stops a dossier whose supplement is overdue', () => {
    const j = atProcess();
    j.do('request-supplement', specialist, supplementInput);
    const offered = allowedActions(j.state, leader.actor, { relation: leader.relation }).find(
      (a) => a.kind === 'stop',
    );
    assert.deepEqual(
      offered?.inputs.properties.category?.type === 'string' &&
        offered.inputs.properties.category.oneOf?.map((o) => o.const),
      ['supplement-overdue', 'decision'],
    );
    j.do('stop', leader, { category: 'supplement-overdue', reason: 'Quá 30 ngày chưa bổ sung' });
    assert.equal(j.state.stopCategory, 'supplement-overdue');
    assert.ok(j.state.pauses.every((p) => p.to !== null));
  });

  it('is not how a dossier is refused before acceptance', () => {
    const j = new Journey();
    assert.equal(j.fail('stop', leader, { category: 'decision', reason: 'x' }).code, 'ACTION_NOT_ALLOWED');
    j.do('request-supplement', desk, supplementInput);
    assert.equal(j.fail('stop', leader, { category: 'decision', reason: 'x' }).code, 'ACTION_NOT_ALLOWED');
  });
});

describe('late dossiers: apology and new appointment', () => {
  const apology = (minutes: number) => ({ reason: 'Chờ ý kiến cơ quan phối hợp', newDueAt: iso(minutes) });

  it('once, at least one working day before the due time', () => {
    const j = atProcess();
    assert.equal(j.fail('apologize', specialist, apology(10_000), onTime).code, 'FORBIDDEN');
    assert.equal(j.fail('apologize', stepLeaderOnly, apology(10_000), onTime).code, 'FORBIDDEN');
    const fx = j.do('apologize', leader, apology(10_000), onTime);
    assert.equal(j.status, 'processing');
    assert.equal(j.state.apologised, true);
    assert.equal(j.state.extendedDueAt, iso(10_000));
    assert.deepEqual(types(fx), ['issue-slip', 'extend-due', 'notify-applicant', 'sync-portal']);
    assert.deepEqual(slips(fx), ['apology']);
    const e = j.fail('apologize', leader, apology(20_000), onTime);
    assert.equal(e.code, 'ACTION_NOT_ALLOWED');
    assert.match(e.message, /một lần/);
  });

  it('not less than one working day before the due time, nor without the deadline facts', () => {
    const j = atProcess();
    const late = j.fail('apologize', leader, apology(10_000), {
      workingMinutesUntilDue: 479,
      workingDayMinutes: 480,
    });
    assert.equal(late.code, 'ACTION_NOT_ALLOWED');
    assert.match(late.message, /01 ngày làm việc/);
    assert.equal(
      j.fail('apologize', leader, apology(10_000), { workingMinutesUntilDue: -60, workingDayMinutes: 480 })
        .code,
      'ACTION_NOT_ALLOWED',
    );
    assert.equal(j.fail('apologize', leader, apology(10_000)).code, 'ACTION_NOT_ALLOWED');
    assert.ok(!kinds(j.state, leader).includes('apologize'));
    assert.ok(kinds(j.state, leader, onTime).includes('apologize'));
    j.do('apologize', leader, apology(10_000), { workingMinutesUntilDue: 480, workingDayMinutes: 480 });
  });

  it('the new appointment comes after now and after the current due time', () => {
    const j = atProcess();
    let e = j.fail('apologize', leader, apology(0), onTime);
    assert.equal(e.code, 'INVALID_INPUT');
    assert.equal(e.details?.[0]?.path, 'newDueAt');
    e = j.fail('apologize', leader, apology(5_000), { ...onTime, dueAt: iso(6_000) });
    assert.equal(e.code, 'INVALID_INPUT');
    e = j.fail('apologize', leader, { reason: 'x', newDueAt: '2025-13-01T00:00:00Z' }, onTime);
    assert.equal(e.details?.[0]?.path, 'newDueAt');
    j.do('apologize', leader, apology(7_000), { ...onTime, dueAt: iso(6_000) });
  });
});

describe('deny: not eligible', () => {
  it('the leader at the approval step stops the dossier with the reason', () => {
    const j = atProcess();
    assert.equal(j.fail('deny', specialist, { reason: 'x' }).code, 'ACTION_NOT_ALLOWED');
    j.do('forward', specialist, { nextAssigneeId: 'ld-1' });
    assert.equal(j.fail('deny', leader, {}).code, 'INVALID_INPUT');
    const fx = j.do('deny', leader, { reason: 'Không đủ điều kiện theo Điều 5 Luật Hộ tịch' });
    assert.equal(j.status, 'stopped');
    assert.equal(j.state.stopCategory, 'not-eligible');
    assert.equal(j.state.outcome, 'denied');
    assert.equal(j.state.closeReason, 'Không đủ điều kiện theo Điều 5 Luật Hộ tịch');
    assert.equal(j.stepKey, 'approve');
    assert.deepEqual(types(fx), ['stop-clock', 'issue-slip', 'notify-applicant', 'sync-portal']);
    assert.deepEqual(slips(fx), ['refusal']);
  });
});

describe('send-back', () => {
  it('goes back one step where the step allows it, to the person who handled it', () => {
    const j = atApproval();
    let fx = j.do('send-back', leader, { reason: 'Bổ sung ý kiến thẩm định' });
    assert.equal(j.stepKey, 'process');
    assert.equal(j.state.step.assigneeId, 'cv-1');
    assert.deepEqual(types(fx), ['move-to-agency', 'sync-portal']);
    fx = j.do('send-back', specialist, { reason: 'Kiểm tra lại thành phần' });
    assert.equal(j.status, 'received');
    assert.equal(j.stepKey, 'receive');
    assert.equal(j.state.step.assigneeId, null);
    assert.deepEqual(fx.at(-1), { type: 'sync-portal', status: 'received', statusCode: 2 });
    j.do('forward', desk);
    assert.equal(j.state.step.assigneeId, 'cv-1');
    assert.equal(j.fail('send-back', specialist, {}).code, 'INVALID_INPUT');
  });

  it('is refused where the step does not allow it, and across an approval', () => {
    const j = atProcess(basicWorkflow({ processCanSendBack: false }));
    const e = j.fail('send-back', specialist, { reason: 'x' });
    assert.equal(e.code, 'ACTION_NOT_ALLOWED');
    assert.match(e.message, /không được trả lại/);
    assert.ok(!kinds(j.state, specialist).includes('send-back'));

    const workflow: LifecycleWorkflow = {
      steps: [
        ...basicWorkflow().steps.slice(0, 3),
        {
          key: 'issue',
          name: 'Vào sổ, phát hành',
          role: 'specialist',
          performer: { kind: 'competent-agency' },
          canSendBack: true,
        },
        basicWorkflow().steps[3]!,
      ],
    };
    const k = atApproval(workflow);
    k.do('approve', leader, resultInput);
    assert.equal(k.status, 'processing');
    assert.equal(k.stepKey, 'issue');
    assert.equal(k.state.outcome, 'approved');
    k.do('claim', clerk);
    assert.equal(k.fail('send-back', clerk, { reason: 'x' }).code, 'ACTION_NOT_ALLOWED');
    assert.equal(k.fail('request-supplement', clerk, supplementInput).code, 'ACTION_NOT_ALLOWED');
    assert.equal(
      k.fail('request-payment', clerk, { items: [{ name: 'Lệ phí' }] }).code,
      'ACTION_NOT_ALLOWED',
    );
    const fx = k.do('forward', clerk);
    assert.equal(k.status, 'result-ready');
    assert.deepEqual(types(fx), ['stop-clock', 'move-to-agency', 'notify-applicant', 'sync-portal']);
  });
});

describe('financial obligations', () => {
  it('suspends the clock until the payment is confirmed', () => {
    const j = atProcess();
    let fx = j.do('request-payment', specialist, {
      items: [{ name: 'Lệ phí trước bạ', amountVnd: 1_250_000 }],
    });
    assert.equal(j.status, 'awaiting-payment');
    assert.deepEqual(j.state.payment?.items, [{ name: 'Lệ phí trước bạ', amountVnd: 1_250_000 }]);
    assert.deepEqual(types(fx), ['pause-clock', 'notify-applicant', 'sync-portal']);
    assert.equal(fx[0]?.type === 'pause-clock' && fx[0].policy, 'suspend');
    assert.deepEqual(fx.at(-1), { type: 'sync-portal', status: 'awaiting-payment', statusCode: 6 });
    j.do('assign', stepLeaderOnly, { assigneeId: 'cv-2' });
    assert.equal(j.fail('confirm-payment', applicant, { receiptRef: 'BL-1' }).code, 'FORBIDDEN');
    assert.equal(j.fail('confirm-payment', payments, {}).code, 'INVALID_INPUT');
    fx = j.do('confirm-payment', payments, { receiptRef: 'BL-0001' });
    assert.equal(j.status, 'processing');
    assert.equal(j.state.payment, null);
    assert.deepEqual(types(fx), ['resume-clock', 'notify-applicant', 'sync-portal']);
    assert.equal(j.state.step.assigneeId, 'cv-2');
  });
});

describe('terminal statuses', () => {
  function ended(): Journey[] {
    const refused = new Journey();
    refused.do('refuse', desk, { reason: 'x' });
    const withdrawn = atProcess();
    withdrawn.do('withdraw', applicant);
    const stopped = atApproval();
    stopped.do('deny', leader, { reason: 'x' });
    const returned = atApproval();
    returned.do('approve', leader, resultInput);
    returned.do('return-result', desk, { channel: 'counter' });
    return [refused, withdrawn, stopped, returned];
  }

  it('accept no action from anyone', () => {
    const all = ended();
    assert.deepEqual(
      all.map((j) => j.status),
      ['refused', 'withdrawn', 'stopped', 'returned'],
    );
    for (const j of all) {
      for (const actor of OMNIPOTENT_ACTORS) {
        assert.deepEqual(allowedActions(j.state, actor, OMNIPOTENT), []);
        for (const kind of ACTION_KINDS) {
          const input = kind === 'return-result' ? { channel: 'counter' } : {};
          const r = applyAction(j.state, { kind, actor, input, at: iso(100_000) }, OMNIPOTENT);
          assert.equal(r.ok || r.error.code, 'ACTION_NOT_ALLOWED', `${j.status} ${kind}`);
        }
      }
    }
  });
});

describe('the reducer', () => {
  it('refuses an action dated before the previous one, and an unknown action', () => {
    const j = new Journey();
    j.do('accept', desk);
    const r = applyAction(
      j.state,
      { kind: 'forward', actor: desk.actor, input: {}, at: iso(0) },
      { relation: desk.relation },
    );
    assert.equal(r.ok || r.error.code, 'INVALID_INPUT');
    assert.equal(!r.ok && r.error.details?.[0]?.path, 'at');
    const bad = applyAction(
      j.state,
      { kind: 'forward', actor: desk.actor, input: {}, at: '15/09/2025' },
      { relation: desk.relation },
    );
    assert.equal(!bad.ok && bad.error.details?.[0]?.path, 'at');
    const unknown = applyAction(
      j.state,
      { kind: 'delete' as ActionKind, actor: desk.actor, input: {}, at: iso(100) },
      { relation: desk.relation },
    );
    assert.equal(unknown.ok || unknown.error.code, 'ACTION_NOT_ALLOWED');
  });

  it('checks the status before the actor, and the actor before the inputs', () => {
    const j = new Journey();
    assert.equal(j.fail('approve', stranger, 42).code, 'ACTION_NOT_ALLOWED');
    assert.equal(j.fail('accept', stranger, 42).code, 'FORBIDDEN');
    assert.equal(j.fail('accept', desk, 42).code, 'INVALID_INPUT');
  });

  it('offers the next handler only when the next step is a pool step', () => {
    const j = new Journey();
    j.do('accept', desk);
    const forward = (state: DossierState) => Object.keys(actionInputs('forward', state).properties);
    assert.deepEqual(forward(j.state), ['nextAssigneeId', 'note']);
    const k = atApproval();
    k.do('approve', leader, resultInput);
    assert.equal(k.stepKey, 'return');
    const workflow: LifecycleWorkflow = {
      steps: [
        ...basicWorkflow().steps.slice(0, 3),
        {
          key: 'issue',
          name: 'Vào sổ',
          role: 'specialist',
          performer: { kind: 'competent-agency' },
          canSendBack: false,
        },
        basicWorkflow().steps[3]!,
      ],
    };
    const m = atApproval(workflow);
    m.do('approve', leader, resultInput);
    assert.deepEqual(forward(m.state), ['note']);
  });

  it('replays the action log to the same state, and fails on a tampered log', () => {
    const j = atApproval();
    j.do('approve', leader, resultInput);
    assert.deepEqual(replayActions(j.initial, j.records), { ok: true, state: j.state });
    const tampered = j.records.map((r) => (r.kind === 'approve' ? { ...r, actor: specialist.actor } : r));
    const replay = replayActions(j.initial, tampered);
    assert.equal(replay.ok, false);
    assert.equal(!replay.ok && replay.index, 4);
  });
});

describe('workflows', () => {
  it('need a desk at both ends and a leader to approve', () => {
    const steps = basicWorkflow().steps;
    assert.deepEqual(lifecycleWorkflowProblems(basicWorkflow()), []);
    assert.deepEqual(lifecycleWorkflowProblems(defaultWorkflow({ value: 3, unit: 'working-day' })), []);
    assert.equal(approvalStepIndex(basicWorkflow()), 2);
    const noLeader = {
      steps: steps.map((s) => (s.role === 'leader' ? { ...s, role: 'specialist' as const } : s)),
    };
    assert.deepEqual(
      lifecycleWorkflowProblems(noLeader).map((p) => p.path),
      ['steps'],
    );
    assert.throws(() => initialDossierState(noLeader), RangeError);
    assert.deepEqual(
      lifecycleWorkflowProblems({ steps: [steps[1]!, steps[2]!, steps[1]!] }).map((p) => p.path),
      ['steps/2/key', 'steps/0', 'steps/2/role'],
    );
    assert.deepEqual(
      lifecycleWorkflowProblems({ steps: [steps[0]!, steps[3]!] }).map((p) => p.path),
      ['steps'],
    );
  });
});

describe('the action table', () => {
  it('declares every action with a label, actors, statuses, effects and a legal basis', async () => {
    const { DOSSIER_ACTIONS } = await import('./actions.ts');
    for (const kind of ACTION_KINDS) {
      const def = DOSSIER_ACTIONS[kind];
      assert.ok(def.label && def.who && def.legalBasis, kind);
      assert.ok(def.actors.length > 0 && def.from.length > 0 && def.to.length > 0, kind);
      assert.ok(def.effects.includes('sync-portal'), kind);
      assert.ok(
        def.from.every((s) => !DOSSIER_STATUSES[s].terminal),
        kind,
      );
      assert.equal(def.slips.length > 0, def.effects.includes('issue-slip'), kind);
    }
  });
});
