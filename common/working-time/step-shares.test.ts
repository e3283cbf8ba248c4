import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { WorkingTimeError } from './errors.ts';
import { defaultOfficeHours } from './office-hours.ts';
import { allocateStepShares, validateStepShares } from './step-shares.ts';
import type { Duration } from './types.ts';

const seed =
  process.env.FC_SEED === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FC_SEED);
console.log(`step-share properties: fast-check seed ${seed} (replay with FC_SEED=${seed})`);
fc.configureGlobal({ seed });

const hours = defaultOfficeHours();
const wd = (value: number): Duration => ({ value, unit: 'working-day' });
const wh = (value: number): Duration => ({ value, unit: 'working-hour' });
const problemsOf = (limit: Duration, shares: Duration[]): string[] =>
  validateStepShares(limit, shares, hours).map((p) => `${p.path} ${p.code}`);

test('fractional day shares that add up exactly are accepted', () => {
  assert.deepEqual(problemsOf(wd(5), [wd(0.5), wd(0.25), wh(2), wd(4)]), []);
  // 0.1 + 0.2 days is not 0.3 in floating point, but is 144 minutes either way.
  assert.deepEqual(problemsOf(wd(0.3), [wd(0.1), wd(0.2)]), []);
  assert.deepEqual(
    problemsOf({ value: 15, unit: 'calendar-day' }, [
      { value: 10, unit: 'calendar-day' },
      { value: 5, unit: 'calendar-day' },
    ]),
    [],
  );
});

test('shares that do not add up, or in the wrong unit, are reported with paths', () => {
  const [mismatch] = validateStepShares(wd(5), [wd(2), wd(2.5)], hours);
  assert.deepEqual(mismatch, {
    path: 'shares',
    code: 'sum-mismatch',
    message:
      'Tổng thời gian các bước (2160 phút làm việc) phải bằng thời hạn giải quyết (2400 phút làm việc).',
  });
  assert.deepEqual(problemsOf(wd(5), [wd(-1), { value: 2, unit: 'calendar-day' }, wd(0.001)]), [
    'shares/0/value invalid-duration',
    'shares/1/unit incompatible-unit',
    'shares/2/value invalid-duration',
  ]);
  assert.deepEqual(problemsOf({ value: 10, unit: 'calendar-day' }, [wd(10)]), [
    'shares/0/unit incompatible-unit',
  ]);
  assert.deepEqual(problemsOf({ value: 0, unit: 'same-day' }, [wd(1)]), ['limit/unit not-divisible']);
  assert.deepEqual(problemsOf(wd(5), []), ['shares no-steps']);
});

test('proportional allocation is exact', () => {
  assert.deepEqual(allocateStepShares(2400, [1, 1, 1]), [800, 800, 800]);
  assert.deepEqual(allocateStepShares(1000, [1, 1, 1]), [334, 333, 333]);
  assert.deepEqual(allocateStepShares(7, [1, 1]), [4, 3]);
  assert.deepEqual(allocateStepShares(2400, [2, 0, 3]), [960, 0, 1440]);
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 200 * 480 }),
      fc
        .array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 12 })
        .filter((w) => w.some((x) => x > 0)),
      (total, weights) => {
        const shares = allocateStepShares(total, weights);
        assert.equal(
          shares.reduce((a, b) => a + b, 0),
          total,
        );
        const sum = weights.reduce((a, b) => a + b, 0);
        shares.forEach((s, i) => {
          assert.ok(Number.isInteger(s));
          assert.ok(Math.abs(s - (total * weights[i]!) / sum) < 1, 'within a minute of the exact quota');
        });
      },
    ),
  );
});

test('allocation refuses bad weights', () => {
  const codes = (fn: () => unknown): string[] => {
    try {
      fn();
      return [];
    } catch (e) {
      assert.ok(e instanceof WorkingTimeError);
      return e.details.map((d) => `${d.path} ${d.code}`);
    }
  };
  assert.deepEqual(
    codes(() => allocateStepShares(100, [0, 0])),
    ['weights zero-weights'],
  );
  assert.deepEqual(
    codes(() => allocateStepShares(1.5, [1, -1, 0.5])),
    ['totalMinutes invalid-total', 'weights/1 invalid-weight', 'weights/2 invalid-weight'],
  );
});
