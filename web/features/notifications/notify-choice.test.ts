import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_NOTIFY_BY, effectiveNotifyBy, toggled } from './notify-choice.ts';

test('#18 by default: e-mail when an address is given, plus SMS', () => {
  assert.deepEqual(effectiveNotifyBy(DEFAULT_NOTIFY_BY, 'lan@example.vn'), ['email', 'sms']);
  assert.deepEqual(effectiveNotifyBy(DEFAULT_NOTIFY_BY, ''), ['sms']);
  assert.deepEqual(effectiveNotifyBy(DEFAULT_NOTIFY_BY, '   '), ['sms']);
});

test('#18 e-mail is never sent without an address, and comes back when one is typed', () => {
  const chosen = toggled(DEFAULT_NOTIFY_BY, 'zalo', true);
  assert.deepEqual(effectiveNotifyBy(chosen, ''), ['sms', 'zalo']);
  assert.deepEqual(effectiveNotifyBy(chosen, 'a@b.vn'), ['email', 'sms', 'zalo']);
});

test('#18 unticking every box sends an empty choice (no messages), in the order offered', () => {
  let chosen = toggled(['zalo'], 'email', true);
  assert.deepEqual(chosen, ['email', 'zalo']);
  chosen = toggled(toggled(chosen, 'email', false), 'zalo', false);
  assert.deepEqual(effectiveNotifyBy(chosen, 'a@b.vn'), []);
});
