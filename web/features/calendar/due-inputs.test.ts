import assert from 'node:assert/strict';
import { test } from 'node:test';
import { vi } from '../../app/i18n/vi.ts';
import { checkDueInputs, dueAddress, dueDetailField, readDueInputs } from './due-inputs.ts';

const NOW = '2026-11-23T08:00';

test('readDueInputs reads the address, with defaults for what is missing or wrong', () => {
  assert.deepEqual(readDueInputs('?start=2026-11-20T16:00&value=1&unit=working-hour&agencyCode=X', NOW), {
    start: '2026-11-20T16:00',
    value: '1',
    unit: 'working-hour',
    agency: 'X',
    auto: true,
  });
  assert.deepEqual(readDueInputs('?start=nope&unit=weeks', NOW), {
    start: NOW,
    value: '',
    unit: 'working-day',
    agency: '',
    auto: false,
  });
  assert.equal(readDueInputs('?unit=same-day', NOW).auto, true);
});

test('checkDueInputs names each wrong field', () => {
  const bad = checkDueInputs(vi, { start: 'x', value: '-1', unit: 'working-day', agency: 'abc' });
  assert.deepEqual(bad, {
    ok: false,
    fields: {
      start: vi.due.startInvalid,
      value: vi.due.valueInvalid,
      agencyCode: vi.officeHours.invalidCode,
    },
  });
  const empty = checkDueInputs(vi, { start: NOW, value: ' ', unit: 'working-day', agency: '' });
  assert.deepEqual(empty, { ok: false, fields: { value: vi.due.valueInvalid } });
});

test('checkDueInputs builds the query: a comma decimal, same-day as 0, a blank agency left out', () => {
  assert.deepEqual(checkDueInputs(vi, { start: NOW, value: '1,5', unit: 'working-day', agency: ' ' }), {
    ok: true,
    query: { start: '2026-11-23T08:00:00+07:00', value: 1.5, unit: 'working-day', agencyCode: undefined },
  });
  const same = checkDueInputs(vi, { start: NOW, value: 'x', unit: 'same-day', agency: '000.00.31.H26' });
  assert.deepEqual(same, {
    ok: true,
    query: { start: '2026-11-23T08:00:00+07:00', value: 0, unit: 'same-day', agencyCode: '000.00.31.H26' },
  });
});

test('dueAddress keeps what was computed, without a value for same-day', () => {
  assert.equal(
    dueAddress('/tinh-han', { start: NOW, value: ' 2 ', unit: 'working-day', agency: '' }),
    '/tinh-han?start=2026-11-23T08%3A00&value=2&unit=working-day',
  );
  assert.equal(
    dueAddress('/tinh-han', { start: NOW, value: '2', unit: 'same-day', agency: '000.00.31.H26' }),
    '/tinh-han?start=2026-11-23T08%3A00&unit=same-day&agencyCode=000.00.31.H26',
  );
});

test('dueDetailField reads the field of a query path', () => {
  assert.equal(dueDetailField('query/value'), 'value');
  assert.equal(dueDetailField('query/agencyCode'), 'agencyCode');
  assert.equal(dueDetailField('query/other'), null);
  assert.equal(dueDetailField('query'), null);
});
