// The lifecycle's side paths (late dossiers, denial, send-back, fees, terminal statuses), the reducer,
// workflows and the action table.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultWorkflow } from '../catalog/workflow.ts';
import {
  ACTION_KINDS,
  DOSSIER_STATUSES,
  actionInputs,
  allowedActions,
  applyAction,
  approvalStepIndex,
  initialDossierState,
  lifecycleWorkflowProblems,
  replayActions,
  type ActionKind,
  type DossierState,
} from './index.ts';
import { OMNIPOTENT, OMNIPOTENT_ACTORS, basicWorkflow, workflowWithIssueStep } from './test-fixtures.ts';
import {
  applicant,
  stranger,
  desk,
  specialist,
  clerk,
  leader,
  stepLeaderOnly,
  payments,
  iso,
  onTime,
  Journey,
  types,
  slips,
  kinds,
  supplementInput,
  resultInput,
  atProcess,
  atApproval,
} from './lifecycle-test-kit.ts';

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

    const workflow = workflowWithIssueStep({ name: 'Vào sổ, phát hành', canSendBack: true });
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
    const workflow = workflowWithIssueStep({ name: 'Vào sổ', canSendBack: false });
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
