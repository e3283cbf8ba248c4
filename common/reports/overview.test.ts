import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MONTH_PATTERN, monthRange, onTimeRate, vnMonthOf } from './overview.ts';

test('a month is a month of Vietnamese civil time (UTC+7)', () => {
  assert.equal(vnMonthOf(new Date('2026-10-31T16:59:59Z')), '2026-10');
  assert.equal(vnMonthOf(new Date('2026-10-31T17:00:00Z')), '2026-11');
  assert.equal(vnMonthOf(new Date('2026-12-31T17:00:00Z')), '2027-01');
  const nov = monthRange('2026-11');
  assert.equal(nov.from.toISOString(), '2026-10-31T17:00:00.000Z');
  assert.equal(nov.to.toISOString(), '2026-11-30T17:00:00.000Z');
  assert.equal(monthRange('2026-12').to.toISOString(), '2026-12-31T17:00:00.000Z');
  assert.equal(monthRange('2028-02').to.toISOString(), '2028-02-29T17:00:00.000Z');
  const month = new RegExp(MONTH_PATTERN);
  assert.ok(month.test('2026-01') && month.test('2026-12'));
  assert.ok(
    !month.test('2026-13') && !month.test('2026-00') && !month.test('2026-1') && !month.test('11-2026'),
  );
});

test('the on-time rate leaves out what was not judged', () => {
  assert.equal(onTimeRate({ early: 1, onTime: 2, late: 2 }), 0.6);
  assert.equal(onTimeRate({ early: 0, onTime: 0, late: 3 }), 0);
  assert.equal(onTimeRate({ early: 0, onTime: 0, late: 0 }), null);
});
