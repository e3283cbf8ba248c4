import assert from 'node:assert/strict';
import { describe, it, test } from 'node:test';
import { MONTH_PATTERN, monthRange, onTimeRate, resultVerdict, vnMonthOf } from './overview.ts';

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

describe('#14 resultVerdict', () => {
  const due = '2026-12-10T09:00:00Z'; // 16:00 on 10/12 in Vietnam
  it('early on an earlier Vietnamese day, on time on the due day up to the due time, late after it', () => {
    assert.equal(resultVerdict('2026-12-09T16:59:00Z', due), 'early'); // 23:59 on 9/12
    assert.equal(resultVerdict('2026-12-09T17:00:00Z', due), 'on-time'); // 00:00 on 10/12
    assert.equal(resultVerdict('2026-12-10T09:00:00Z', due), 'on-time');
    assert.equal(resultVerdict('2026-12-10T09:00:01Z', due), 'late');
    assert.equal(resultVerdict(new Date('2026-12-11T02:00:00Z'), new Date(due)), 'late');
  });
  it('no verdict without a result or a due time', () => {
    assert.equal(resultVerdict(null, due), null);
    assert.equal(resultVerdict('2026-12-09T02:00:00Z', null), null);
  });
});
