import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  NOTIFICATION_EVENTS,
  NotificationEventEnglishLabels,
  NotificationEventLabels,
} from '../../../common/contracts/notifications.ts';
import { en } from '../../app/i18n/en.ts';
import { vi } from '../../app/i18n/vi.ts';
import { lastChange, onItsWay, refreshInterval, REFRESH_MS, stateText } from './notification-words.ts';

test('#18 a delivered SMS reads "Đã gửi SMS · đã nhận", a delivered e-mail "Đã gửi e-mail · đã nhận"', () => {
  assert.deepEqual(stateText(vi, { channel: 'sms', state: 'delivered' }), {
    text: 'Đã gửi SMS · đã nhận',
    reason: null,
    retrying: false,
  });
  assert.equal(stateText(vi, { channel: 'email', state: 'delivered' }).text, 'Đã gửi e-mail · đã nhận');
  assert.equal(stateText(vi, { channel: 'zalo', state: 'queued' }).text, 'Zalo · đang chờ gửi');
  assert.equal(stateText(en, { channel: 'sms', state: 'delivered' }).text, 'SMS sent · delivered');
});

test('#18 a failed message carries the provider’s reason; one queued again after an error says so', () => {
  assert.deepEqual(
    stateText(vi, { channel: 'sms', state: 'failed', reason: ' 99: Số thuê bao không tồn tại ' }),
    { text: 'SMS · gửi không được', reason: '99: Số thuê bao không tồn tại', retrying: false },
  );
  assert.equal(stateText(vi, { channel: 'sms', state: 'failed', reason: '  ' }).reason, null);
  assert.deepEqual(stateText(vi, { channel: 'email', state: 'queued', reason: '421 outage' }), {
    text: 'E-mail · đang chờ gửi',
    reason: '421 outage',
    retrying: true,
  });
  assert.equal(stateText(vi, { channel: 'zalo', state: 'queued' }).retrying, false);
  // Sent or delivered: an earlier error no longer matters.
  assert.equal(stateText(vi, { channel: 'sms', state: 'sent', reason: 'old' }).reason, null);
  assert.equal(stateText(vi, { channel: 'sms', state: 'delivered', reason: 'old' }).reason, null);
});

test('#18 the time shown is the latest change', () => {
  const at = '2026-12-07T01:00:00Z';
  assert.equal(lastChange({ at, sentAt: null, deliveredAt: null }), at);
  assert.equal(lastChange({ at, sentAt: '2026-12-07T01:00:02Z', deliveredAt: null }), '2026-12-07T01:00:02Z');
  assert.equal(
    lastChange({ at, sentAt: '2026-12-07T01:00:02Z', deliveredAt: '2026-12-07T01:00:05Z' }),
    '2026-12-07T01:00:05Z',
  );
});

test('#18 the list is read again only while a message is queued or sent', () => {
  assert.equal(onItsWay([{ state: 'delivered' }, { state: 'failed' }]), false);
  assert.equal(onItsWay([{ state: 'delivered' }, { state: 'sent' }]), true);
  assert.equal(refreshInterval({ items: [{ state: 'queued' }] }), REFRESH_MS);
  assert.equal(refreshInterval({ items: [{ state: 'delivered' }] }), false);
  assert.equal(refreshInterval({ items: [] }), false);
  assert.equal(refreshInterval(undefined), false);
});

test('#18 the dictionaries name every event as the contract does', () => {
  for (const e of NOTIFICATION_EVENTS) {
    assert.equal(vi.notifications.events[e], NotificationEventLabels[e], e);
    assert.equal(en.notifications.events[e], NotificationEventEnglishLabels[e], e);
  }
});
