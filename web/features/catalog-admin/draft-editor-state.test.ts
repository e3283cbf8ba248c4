import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DraftContent, DraftLimits } from '../../../common/catalog/draft-content.ts';
import {
  anchorOf,
  changeLimit,
  fieldId,
  indexProblems,
  newCaseKey,
  numberFrom,
  numberText,
  removeAt,
  toggleChannel,
  updateAt,
  withFlag,
  newComponent,
} from './draft-editor-state.ts';

const none: DraftLimits = { direct: null, online: null, postal: null };

test('a limit appears when its number or unit is given and goes when both are cleared', () => {
  const withUnit = changeLimit(none, 'online', { unit: 'working-day' });
  assert.deepEqual(withUnit.online, { value: null, unit: 'working-day', text: '', note: null });
  assert.equal(withUnit.direct, null);
  const both = changeLimit(withUnit, 'online', { value: 3 });
  assert.deepEqual([both.online?.value, both.online?.unit], [3, 'working-day']);
  const kept = { ...none, direct: { value: 1, unit: null, text: '1', note: 'Cổng chỉ hiển thị con số' } };
  assert.deepEqual(changeLimit(kept, 'direct', { unit: 'calendar-day' }).direct, {
    value: 1,
    unit: 'calendar-day',
    text: '1',
    note: 'Cổng chỉ hiển thị con số',
  });
  assert.equal(
    changeLimit(changeLimit(both, 'online', { value: null }), 'online', { unit: null }).online,
    null,
  );
});

test('numbers are read as typed: empty is none, a comma is a decimal point, words are not a number', () => {
  assert.equal(numberFrom(''), null);
  assert.equal(numberFrom('  '), null);
  assert.equal(numberFrom('1,5'), 1.5);
  assert.equal(numberFrom('12'), 12);
  assert.ok(Number.isNaN(numberFrom('một')));
  assert.equal(numberText(null), '');
  assert.equal(numberText(Number.NaN), '');
  assert.equal(numberText(8000), '8000');
});

test('problems go to the field their path names, or to the section of a list', () => {
  assert.equal(fieldId('cases/0/timeLimits/direct/unit'), 'ed-cases-0-timeLimits-direct-unit');
  assert.equal(anchorOf('timeLimits/online/value'), 'ed-timeLimits-online-value');
  assert.equal(anchorOf('components'), 'ed-sec-components');
  assert.equal(anchorOf('channels'), 'ed-channels');
  const index = indexProblems([
    { path: 'form', code: 'form-unknown', severity: 'error', message: 'a' },
    { path: 'form', code: 'form-unknown', severity: 'error', message: 'b' },
    { path: 'onlineLevel', code: 'online-level-unknown', severity: 'warning', message: 'c' },
  ]);
  assert.equal(index.at('form')?.message, 'a');
  assert.equal(index.at('results'), undefined);
  assert.deepEqual([index.errors, index.warnings], [2, 1]);
});

test('channels keep the catalogue order; rows are replaced and removed; flags are present only when set', () => {
  assert.deepEqual(toggleChannel(['postal'], 'direct', true), ['direct', 'postal']);
  assert.deepEqual(toggleChannel(['direct', 'online', 'postal'], 'online', false), ['direct', 'postal']);
  assert.deepEqual(
    updateAt([1, 2, 3], 1, (n) => n * 10),
    [1, 20, 3],
  );
  assert.deepEqual(removeAt(['a', 'b', 'c'], 0), ['b', 'c']);
  const required = withFlag(newComponent(), 'required', true);
  assert.equal(required.required, true);
  assert.equal('required' in withFlag(required, 'required', false), false);
});

test('a new case gets a key no other case has', () => {
  const content = {
    cases: [
      { key: 'truong-hop-2', name: 'A', timeLimits: none, fees: [] },
      { key: 'tro-cap', name: 'B', timeLimits: none, fees: [] },
    ],
  } as unknown as DraftContent;
  assert.equal(newCaseKey(content), 'truong-hop-3');
  assert.equal(newCaseKey({ ...content, cases: [] }), 'truong-hop-1');
});
