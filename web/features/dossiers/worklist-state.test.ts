import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  defaultListFor,
  initialState,
  listQuery,
  readAddress,
  toAddress,
  toPreferences,
} from './worklist-state.ts';

test('#14 worklist state: the address wins, then the saved settings, then the role’s list', () => {
  assert.equal(defaultListFor(['desk-officer']), 'to-receive');
  assert.equal(defaultListFor(['specialist']), 'mine');
  assert.equal(defaultListFor(['leader']), 'agency');
  assert.equal(readAddress(''), null);
  const saved = { list: 'mine' as const, channel: 'online' as const, sort: 'step-due' as const };
  assert.deepEqual(initialState(null, saved, ['desk-officer']), { ...saved, ...blank, q: '' });
  assert.equal(initialState(null, null, ['leader']).list, 'agency');
  const address = readAddress(
    '?ds=overdue&kenh=direct&q=tran%20van&xep=code&chieu=desc&lv=H%E1%BB%99%20t%E1%BB%8Bch',
  );
  const state = initialState(address, saved, ['desk-officer']);
  assert.equal(state.list, 'overdue');
  assert.equal(state.channel, 'direct');
  assert.equal(state.field, 'Hộ tịch');
  assert.equal(state.q, 'tran van');
  // Nonsense in the address is dropped, not sent.
  const bad = initialState(readAddress('?ds=all&kenh=fax&tu=2026-13-45x&chieu=up'), null, ['specialist']);
  assert.equal(bad.list, 'mine');
  assert.equal(bad.channel, undefined);
  assert.equal(bad.from, undefined);
  assert.equal(bad.dir, undefined);
  // The search words are in the address and the request, never in the saved settings.
  assert.equal(toAddress(state).q, 'tran van');
  assert.equal(listQuery(state).q, 'tran van');
  assert.equal('q' in toPreferences(state), false);
  assert.deepEqual(toPreferences(state), {
    list: 'overdue',
    channel: 'direct',
    field: 'Hộ tịch',
    sort: 'code',
    dir: 'desc',
  });
});

const blank = {
  status: undefined,
  procedureCode: undefined,
  field: undefined,
  underAgency: undefined,
  from: undefined,
  to: undefined,
  dir: undefined,
};
