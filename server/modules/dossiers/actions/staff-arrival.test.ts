// What an action lands in a staff worklist (#18, scope 4): the staff.notification message each lifecycle
// action writes, or none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  Journey,
  applicant,
  atApproval,
  atProcess,
  desk,
  leader,
  specialist,
  specialist2,
  resultInput,
  supplementInput,
  type Who,
} from '../../../../common/dossiers/lifecycle-test-kit.ts';
import type { ActionKind } from '../../../../common/dossiers/index.ts';
import { staffArrival } from './staff-arrival.ts';

const NOW = new Date('2026-12-07T02:00:00Z');

/** Applies the action, then the message it writes (payload only), acted by `by`. */
function arrivalOf(j: Journey, kind: ActionKind, by: Who, input: unknown = {}) {
  j.do(kind, by, input);
  const staffId = by.actor.kind === 'staff' ? by.actor.id : null;
  const out = staffArrival({
    code: 'X-1',
    kind,
    state: j.state,
    agencyId: '42',
    byUserId: staffId,
    now: NOW,
  });
  assert.ok(out.length <= 1);
  return out[0]?.payload ?? null;
}

const common = { subject: 'dossier', code: 'X-1', agencyId: '42', at: NOW.toISOString() };

test('accepting and claiming tell no one; a forward to a step without a handler tells its role', () => {
  const j = new Journey();
  assert.equal(arrivalOf(j, 'accept', desk), null);
  assert.deepEqual(arrivalOf(j, 'forward', desk), {
    ...common,
    arrival: 'transferred',
    assigneeId: null,
    role: 'specialist',
    byUserId: desk.actor.id,
  });
  assert.equal(arrivalOf(j, 'claim', specialist), null);
});

test('a forward to a named handler, a send-back to the previous handler, an assignment to another', () => {
  const j = atProcess();
  assert.deepEqual(arrivalOf(j, 'forward', specialist, { nextAssigneeId: leader.actor.id }), {
    ...common,
    arrival: 'transferred',
    assigneeId: leader.actor.id,
    role: 'leader',
    byUserId: specialist.actor.id,
  });
  assert.deepEqual(arrivalOf(j, 'send-back', leader, { reason: 'Bổ sung thẩm định' }), {
    ...common,
    arrival: 'returned',
    assigneeId: specialist.actor.id,
    role: 'specialist',
    byUserId: leader.actor.id,
  });
  assert.deepEqual(arrivalOf(j, 'assign', leader, { assigneeId: specialist2.actor.id }), {
    ...common,
    arrival: 'assigned',
    assigneeId: specialist2.actor.id,
    role: 'specialist',
    byUserId: leader.actor.id,
  });
});

test('waiting on the applicant or closed tells no one; the supplement does', () => {
  const p = atProcess();
  assert.equal(arrivalOf(p, 'request-supplement', specialist, supplementInput), null);
  assert.deepEqual(arrivalOf(p, 'supplement', applicant, { components: [{ name: 'Tờ khai' }] }), {
    ...common,
    arrival: 'supplemented',
    assigneeId: specialist.actor.id,
    role: 'specialist',
    byUserId: null,
  });
  const j = atApproval();
  assert.equal(arrivalOf(j, 'deny', leader, { reason: 'Không đủ điều kiện' }), null);
});

test("an approval moves the dossier to the desk's return step: the desk officers are told", () => {
  const j = atApproval();
  assert.deepEqual(arrivalOf(j, 'approve', leader, resultInput), {
    ...common,
    arrival: 'transferred',
    assigneeId: null,
    role: 'desk-officer',
    byUserId: leader.actor.id,
  });
});
