import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actionBody, actionFieldOf, actionProblems, EMPTY_ACTION } from './feedback-action-rules.ts';

test('classify needs a category, and a reason only when not accepted', () => {
  assert.deepEqual(actionProblems('classify', EMPTY_ACTION), { category: 'required' });
  assert.deepEqual(actionProblems('classify', { ...EMPTY_ACTION, category: 'own-competence' }), {});
  assert.deepEqual(actionProblems('classify', { ...EMPTY_ACTION, category: 'not-accepted', reason: ' ' }), {
    reason: 'reasonNeeded',
  });
  assert.deepEqual(actionBody('classify', { ...EMPTY_ACTION, category: 'own-competence', reason: ' ' }), {
    category: 'own-competence',
  });
  assert.deepEqual(actionBody('classify', { ...EMPTY_ACTION, category: 'own-competence', urgent: true }), {
    category: 'own-competence',
    urgent: true,
  });
});

test('transfer, return, hide and the answer need their fields; confirmations need none', () => {
  assert.deepEqual(actionProblems('transfer', EMPTY_ACTION), {
    toAgencyCode: 'agencyNeeded',
    note: 'required',
  });
  assert.deepEqual(actionProblems('return-answer', EMPTY_ACTION), { reason: 'reasonNeeded' });
  assert.deepEqual(actionProblems('hide', EMPTY_ACTION), { reason: 'reasonNeeded' });
  assert.deepEqual(actionProblems('draft-answer', EMPTY_ACTION), { text: 'required' });
  assert.deepEqual(actionProblems('assign', EMPTY_ACTION), { username: 'required' });
  assert.deepEqual(actionProblems('reopen', EMPTY_ACTION), {});
  assert.deepEqual(actionProblems('approve', EMPTY_ACTION), {});
});

test('each body holds only the action’s own fields', () => {
  const v = { ...EMPTY_ACTION, toAgencyCode: ' H26.22 ', note: 'Thuộc Sở', reason: 'x', text: 'y' };
  assert.deepEqual(actionBody('transfer', v), { toAgencyCode: 'H26.22', note: 'Thuộc Sở' });
  assert.deepEqual(actionBody('approve', v), {});
  assert.deepEqual(actionBody('publish', v), {});
  assert.deepEqual(actionBody('publish', { ...v, withholdName: true }), { publishSenderData: false });
  assert.deepEqual(actionBody('draft-answer', v), { text: 'y' });
});

test('error paths land on the form’s fields', () => {
  assert.equal(actionFieldOf('body/reason'), 'reason');
  assert.equal(actionFieldOf('/body/toAgencyCode'), 'toAgencyCode');
  assert.equal(actionFieldOf('body/publishSenderData'), 'withholdName');
  assert.equal(actionFieldOf('body/fileIds/0'), null);
  assert.equal(actionFieldOf('headers/if-match'), null);
});
