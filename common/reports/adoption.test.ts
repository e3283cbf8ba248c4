import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  addMonths,
  adoptionVerdict,
  answeredLate,
  explanationState,
  isCivilDate,
  periodProblems,
  periodSlices,
  trendMonths,
} from './adoption.ts';

describe('the adoption monitor period read from the count tables', () => {
  it('reads whole months from report_months and the days around them from report_days', () => {
    assert.deepEqual(periodSlices('2026-11-01', '2026-11-30'), {
      months: { first: '2026-11', last: '2026-11' },
      days: [],
    });
    assert.deepEqual(periodSlices('2026-10-15', '2026-12-10'), {
      months: { first: '2026-11', last: '2026-11' },
      days: [
        ['2026-10-15', '2026-10-31'],
        ['2026-12-01', '2026-12-10'],
      ],
    });
    assert.deepEqual(periodSlices('2026-01-01', '2026-12-31'), {
      months: { first: '2026-01', last: '2026-12' },
      days: [],
    });
    // February's last day, in a leap year and not.
    assert.deepEqual(periodSlices('2028-02-01', '2028-02-29').days, []);
    assert.deepEqual(periodSlices('2026-02-01', '2026-02-28').days, []);
  });

  it('reads days only when no whole month lies inside', () => {
    for (const [from, to] of [
      ['2026-10-15', '2026-11-02'],
      ['2026-11-02', '2026-11-29'],
      ['2026-11-30', '2026-11-30'],
      ['2026-12-31', '2027-01-01'],
    ] as const) {
      assert.deepEqual(periodSlices(from, to), { months: null, days: [[from, to]] }, `${from}–${to}`);
    }
  });

  it('names the twelve months of the trend, across a new year', () => {
    assert.deepEqual(trendMonths('2026-02-10'), [
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    assert.equal(addMonths('2026-12', 1), '2027-01');
    assert.equal(addMonths('2026-01', -1), '2025-12');
  });
});

describe('dates and periods', () => {
  it('accepts only days that exist, in the years a report may name', () => {
    assert.ok(isCivilDate('2028-02-29'));
    for (const bad of ['2026-02-29', '2026-04-31', '0000-01-01', '2026-1-01', '2026-11-01T00:00']) {
      assert.equal(isCivilDate(bad), false, bad);
    }
  });

  it('names each field that is wrong, and an end before the start', () => {
    assert.deepEqual(
      periodProblems({ from: '2026-02-30', to: '2026-04-31' }, 'query').map((p) => p.path),
      ['query/from', 'query/to'],
    );
    assert.deepEqual(
      periodProblems({ from: '2026-12-01', to: '2026-11-30' }, 'body').map((p) => p.path),
      ['body/to'],
    );
    assert.deepEqual(periodProblems({ from: '2026-11-30', to: '2026-11-30' }, 'body'), []);
  });
});

describe('verdicts and lateness', () => {
  it('is not using the system with nothing received nor resolved, unless a reason is recorded', () => {
    assert.equal(adoptionVerdict({ received: 0, resolved: 0 }, false), 'not-using');
    assert.equal(adoptionVerdict({ received: 0, resolved: 0 }, true), 'zero-explained');
    assert.equal(adoptionVerdict({ received: 0, resolved: 1 }, false), 'using');
    assert.equal(adoptionVerdict({ received: 2, resolved: 0 }, true), 'using');
  });

  it('is late the civil day after the due day, not on it', () => {
    const open = { dueOn: '2026-11-04', answeredAt: null };
    assert.equal(explanationState(open, '2026-11-04'), 'awaiting');
    assert.equal(explanationState(open, '2026-11-05'), 'late');
    assert.equal(explanationState({ ...open, answeredAt: '2026-11-10T01:00:00Z' }, '2026-11-11'), 'answered');
    // 23:30 on the due day in Hà Nội is 16:30 UTC: in time; 00:30 the next day is late.
    assert.equal(answeredLate({ ...open, answeredAt: '2026-11-04T16:30:00Z' }), false);
    assert.equal(answeredLate({ ...open, answeredAt: '2026-11-04T17:30:00Z' }), true);
    assert.equal(answeredLate(open), false);
  });
});
