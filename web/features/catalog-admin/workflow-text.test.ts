import assert from 'node:assert/strict';
import { test } from 'node:test';
import { en } from '../../app/i18n/en.ts';
import { vi } from '../../app/i18n/vi.ts';
import type { TimeLimit, TimeUnit } from '../../../common/catalog/procedure.ts';
import { newRow, type StepRow } from './workflow-rows.ts';
import {
  errorKey,
  insertIndex,
  isEmptyFailure,
  limitText,
  mapProblems,
  moveStep,
  shareTotalText,
} from './workflow-text.ts';

const rows = (...shares: [string, StepRow['shareUnit']][]): StepRow[] => {
  const out: StepRow[] = [];
  for (const [value, unit] of shares) out.push({ ...newRow(out, unit), shareValue: value });
  return out;
};

const lim = (value: number, unit: TimeUnit | null): TimeLimit => ({ value, unit, text: '', note: null });

test('mapProblems sorts problems to a row field, the total, the channel, the agency or the rest', () => {
  const steps = rows(['8', 'working-hour'], ['8', 'working-hour']);
  const f = mapProblems(
    vi,
    [
      { path: 'body/steps/1/share/value', message: 'Tỷ lệ sai.' },
      { path: 'steps/1/share/value', message: 'Bỏ qua: đã có.' },
      { path: 'steps', message: 'Tổng sai.' },
      { path: 'channel', message: 'Kênh sai.' },
      { path: 'agencyCode', message: 'Cơ quan sai.' },
      { path: 'version', message: 'Khác.' },
    ],
    steps,
  );
  assert.deepEqual(f, {
    fields: { [errorKey(steps[1]!.id, 'shareValue')]: 'Tỷ lệ sai.' },
    total: 'Tổng sai.',
    channel: 'Kênh sai.',
    agency: 'Cơ quan sai.',
    general: ['Khác.'],
  });
  assert.equal(isEmptyFailure(f), false);
  assert.equal(isEmptyFailure(mapProblems(vi, [], steps)), true);
});

test('limitText gives working days with their hours, hours alone', () => {
  assert.equal(
    limitText(en, lim(5, 'working-day')),
    `${en.catalog.timeUnits['working-day']('5')} (${en.catalog.timeUnits['working-hour']('40')})`,
  );
  assert.equal(limitText(en, lim(4, 'working-hour')), en.catalog.timeUnits['working-hour']('4'));
  assert.equal(limitText(en, lim(3, null)), en.catalog.noUnit('3'));
});

test('shareTotalText: ok when the shares fill the limit, flagged when under, unknown or without a limit', () => {
  const limit = lim(2, 'working-day');
  assert.equal(shareTotalText(vi, rows(['8', 'working-hour'], ['8', 'working-hour']), limit).bad, false);
  const under = shareTotalText(vi, rows(['8', 'working-hour']), limit);
  assert.equal(under.bad, true);
  assert.ok(
    under.text.endsWith(vi.catalogAdmin.workflow.totalUnder(vi.catalog.timeUnits['working-hour']('8'))),
  );
  assert.ok(
    shareTotalText(vi, rows(['', 'working-hour']), limit).text.endsWith(
      vi.catalogAdmin.workflow.totalUnknown,
    ),
  );
  assert.deepEqual(shareTotalText(vi, [], null), { text: vi.catalogAdmin.workflow.totalNoLimit, bad: true });
});

test('moveStep keeps the focus on the same button unless the step reaches that end', () => {
  assert.deepEqual(moveStep(['a', 'b', 'c'], 1, -1), { rows: ['b', 'a', 'c'], moved: 'b', focus: 'down' });
  assert.deepEqual(moveStep(['a', 'b', 'c', 'd'], 2, -1), {
    rows: ['a', 'c', 'b', 'd'],
    moved: 'c',
    focus: 'up',
  });
  assert.deepEqual(moveStep(['a', 'b', 'c'], 1, 1), { rows: ['a', 'c', 'b'], moved: 'b', focus: 'up' });
  assert.deepEqual(moveStep(['a', 'b', 'c', 'd'], 0, 1), {
    rows: ['b', 'a', 'c', 'd'],
    moved: 'a',
    focus: 'down',
  });
  assert.equal(moveStep(['a'], 0, -1), null);
  assert.equal(moveStep(['a', 'b'], 1, 1), null);
});

test('insertIndex puts a new step before the last one once there are two', () => {
  assert.equal(insertIndex(0), 0);
  assert.equal(insertIndex(1), 1);
  assert.equal(insertIndex(3), 2);
});
