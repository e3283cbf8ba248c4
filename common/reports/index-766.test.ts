import { test } from 'node:test';
import assert from 'node:assert/strict';
import { periodDays, periodKeyOf, score766, scoreIndicator, type Formula766 } from './index-766.ts';
import { addMonths, meetsTarget, trendMonths } from './kpis.ts';

const f = (over: Partial<Formula766['groups'][number]['indicators'][number]> = {}) => ({
  key: 'X',
  name: 'X',
  max: 6,
  fullAt: 1,
  ifNone: 'none' as const,
  ...over,
});

test('an indicator: max × rate / fullAt, capped; nothing to divide by as its rule says; no source', () => {
  assert.equal(scoreIndicator(f(), { numerator: 1, denominator: 2 }).points, 3);
  assert.equal(scoreIndicator(f({ fullAt: 0.5 }), { numerator: 3, denominator: 4 }).points, 6);
  assert.equal(scoreIndicator(f({ fullAt: 0.9 }), { numerator: 2, denominator: 3 }).points, 4.44);
  assert.deepEqual(
    [0, 1, 2].map((i) => {
      const s = scoreIndicator(f({ ifNone: (['zero', 'full', 'none'] as const)[i]! }), {
        numerator: 0,
        denominator: 0,
      });
      return [s.points, s.basis, s.rate];
    }),
    [
      [0, 'no-data', null],
      [6, 'rule-if-none', null],
      [null, 'no-data', null],
    ],
  );
  const none = scoreIndicator(f({ key: 'ELECTRONIC_CERTIFIED_COPY' }), undefined);
  assert.deepEqual([none.points, none.basis], [null, 'no-source']);
  assert.match(none.reason!, /chứng thực bản sao điện tử/);
  const petitions = scoreIndicator(f({ key: 'PETITION_PROCESSING_ON_TIME', ifNone: 'full' }), undefined);
  assert.deepEqual([petitions.points, petitions.basis], [6, 'rule-if-none']);
});

test('a group is capped at its maximum and says what it could not compute', () => {
  const formula: Formula766 = {
    groups: [
      {
        key: 'payment',
        name: 'Thanh toán trực tuyến',
        max: 10,
        indicators: [f({ key: 'A' }), f({ key: 'B', max: 2, fullAt: 0.8 }), f({ key: 'C', max: 2.5 })],
      },
      {
        key: 'transparency',
        name: 'Công khai',
        max: 18,
        indicators: [f({ key: 'P' }), f({ key: 'Q', max: 12 })],
      },
    ],
  };
  const all = { numerator: 1, denominator: 1 };
  const s = score766(formula, { A: all, B: all, C: all, Q: { numerator: 1, denominator: 4 } });
  assert.deepEqual(
    s.groups.map((g) => [g.points, g.notComputable]),
    [
      [10, 0],
      [3, 6],
    ],
  );
  assert.deepEqual([s.points, s.max, s.notComputable], [13, 28, 6]);
});

test('periods: the official score keys and the trend months', () => {
  assert.deepEqual(periodDays('2026-Q4'), { from: '2026-10-01', to: '2026-12-31' });
  assert.deepEqual(periodDays('2024-02'), { from: '2024-02-01', to: '2024-02-29' });
  assert.equal(periodKeyOf('2026-01-01', '2026-12-31'), '2026');
  assert.equal(periodKeyOf('2026-04-01', '2026-06-30'), '2026-Q2');
  assert.equal(periodKeyOf('2026-11-01', '2026-11-30'), '2026-11');
  assert.equal(periodKeyOf('2026-11-01', '2026-11-29'), null);
  assert.equal(addMonths('2026-01', -1), '2025-12');
  assert.equal(addMonths('2026-11', 2), '2027-01');
  const months = trendMonths('2026-11-25');
  assert.equal(months.length, 12);
  assert.deepEqual(months[0], { month: '2025-12', from: '2025-12-01', to: '2025-12-31' });
  assert.deepEqual(months[11], { month: '2026-11', from: '2026-11-01', to: '2026-11-25' });
  assert.equal(meetsTarget({ numerator: 19, denominator: 20 }, 0.95), true);
  assert.equal(meetsTarget({ numerator: 0, denominator: 0 }, 0.95), null);
});
