import assert from 'node:assert/strict';
import { test } from 'node:test';
import { en } from '../../app/i18n/en.ts';
import { vi } from '../../app/i18n/vi.ts';
import type { ImportListItem } from './imports-api.ts';
import { durationText, importIdOf, percentDone, progressText, vnDateTimeText } from './import-rules.ts';

const run = (over: Partial<ImportListItem>): ImportListItem => ({
  id: '7',
  kind: 'dossiers',
  format: 'dvcqg',
  state: 'running',
  dryRun: true,
  fileName: 'ho-so.jsonl',
  total: 1_000_000,
  processed: 250_000,
  accepted: 249_990,
  refused: 10,
  unchanged: 0,
  rowsPerSecond: 5123.4,
  secondsLeft: 146,
  startedAt: '2026-12-07T08:20:57.000Z',
  finishedAt: null,
  error: null,
  summaryUrl: '/api/v1/imports/7/summary.csv',
  ...over,
});

test('the share done is whole percent, and 100 only when every record is processed', () => {
  assert.equal(percentDone(run({})), 25);
  assert.equal(percentDone(run({ processed: 999_999 })), 99);
  assert.equal(percentDone(run({ processed: 1_000_000 })), 100);
  assert.equal(percentDone(run({ total: 0, processed: 0 })), 0);
});

test('the progress line: how many, the pace, and the time left while it runs', () => {
  assert.equal(
    progressText(vi, run({})),
    '250.000/1.000.000 hồ sơ (25 %) · 5.123 hồ sơ/giây · còn khoảng 2 phút 26 giây',
  );
  assert.equal(
    progressText(en, run({})),
    '250,000/1,000,000 dossiers (25 %) · 5,123 dossiers/s · about 2 min 26 s left',
  );
  assert.equal(
    progressText(vi, run({ state: 'done', processed: 1_000_000, secondsLeft: null })),
    '1.000.000/1.000.000 hồ sơ (100 %) · 5.123 hồ sơ/giây',
  );
  assert.equal(
    progressText(vi, run({ rowsPerSecond: 0, secondsLeft: null })),
    '250.000/1.000.000 hồ sơ (25 %)',
  );
});

test('durations read as a person says them', () => {
  assert.equal(durationText(vi, 3_900), '1 giờ 05 phút');
  assert.equal(durationText(en, 59.6), '1 min 00 s');
  assert.equal(durationText(vi, 12), '12 giây');
});

test('the address names a run by its number only', () => {
  assert.equal(importIdOf('42'), '42');
  for (const bad of [null, '', 'abc', '4 2', '1'.repeat(19)]) assert.equal(importIdOf(bad), null);
});

test('when a run started, in Vietnam’s time whatever the browser’s zone', () => {
  assert.equal(vnDateTimeText('2026-12-07T08:20:57.000Z'), '07/12/2026 15:20');
  assert.equal(vnDateTimeText('2026-12-31T17:30:00Z'), '01/01/2027 00:30');
  assert.equal(vnDateTimeText('not a date'), '');
});
