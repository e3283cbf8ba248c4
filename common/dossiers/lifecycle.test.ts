// The main paths of the lifecycle, action by action, with the effects the server must carry out.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultWorkflow } from '../catalog/workflow.ts';
import {
  DOSSIER_STATUSES,
  DOSSIER_STATUS_KEYS,
  allowedActions,
  closedPauses,
  dossierStatusOfCode,
  replayActions,
  TERMINAL_STATUSES,
} from './index.ts';
import { basicWorkflow, workflowWithIssueStep } from './test-fixtures.ts';
import {
  applicant,
  stranger,
  desk,
  deskAway,
  specialist,
  specialist2,
  leader,
  stepLeaderOnly,
  iso,
  Journey,
  types,
  slips,
  kinds,
  supplementInput,
  resultInput,
  atProcess,
  atApproval,
  assertClosedEarly,
} from './lifecycle-test-kit.ts';

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
    const e = j.fail('approve', leader, { ...resultInput, resultDocuments: [] });
    assert.equal(e.code, 'INVALID_INPUT');
    assert.deepEqual(e.details, [
      { path: 'resultDocuments', message: '“Kết quả giải quyết” phải có ít nhất 1 mục' },
    ]);
  });

  it('#14 an approval names each missing or wrong part of the result: number, date, signer', () => {
    const j = atApproval();
    const missing = j.fail('approve', leader, { resultDocuments: resultInput.resultDocuments });
    assert.equal(missing.code, 'INVALID_INPUT');
    // The number is not asked of the caller: the result register gives it (#19) …
    assert.deepEqual(
      missing.details?.map((d) => d.path),
      ['resultDate', 'signer'],
    );
    // … so an approval reduced without one was never numbered, and is refused naming it.
    const { resultNumber: _, ...unnumberedInput } = resultInput;
    const unnumbered = j.fail('approve', leader, unnumberedInput);
    assert.deepEqual(unnumbered.details, [
      { path: 'resultNumber', message: 'Văn bản kết quả chưa có số, ký hiệu' },
    ]);
    const wrong = j.fail('approve', leader, {
      ...resultInput,
      resultNumber: '  ',
      resultDate: '2025-02-30',
      signer: '',
    });
    assert.deepEqual(
      wrong.details?.map((d) => d.path),
      ['resultNumber', 'resultDate', 'signer'],
    );
    const later = j.fail('approve', leader, { ...resultInput, resultDate: '2099-01-01' });
    assert.deepEqual(later.details, [
      { path: 'resultDate', message: 'Ngày ký không được sau ngày phê duyệt' },
    ]);
    j.do('approve', leader, { ...resultInput, resultNumber: ' 125/QĐ-UBND ' });
    assert.deepEqual(j.state.resultRecord, {
      number: '125/QĐ-UBND',
      date: resultInput.resultDate,
      signer: resultInput.signer,
    });
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
    assertClosedEarly(fx, { status: 'withdrawn', statusCode: 7 });
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
    const workflow = workflowWithIssueStep({ name: 'Vào sổ, phát hành', canSendBack: true });
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
    assertClosedEarly(fx, { status: 'stopped', statusCode: 8 });
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
