// Shares of the legal time limit given to each step of an internal workflow (quy trình nội bộ). They
// may be fractional days (0.25, 0.5 day) and must add up exactly to the limit (legal-notes §4.1 r.7):
// compared in whole minutes, never as floating-point days.
import { durationMinutes } from './add-working-time.ts';
import { WorkingTimeError } from './errors.ts';
import { compileOfficeHours } from './office-hours.ts';
import type { Duration, OfficeHours, ValidationProblem } from './types.ts';

const isWorking = (d: Duration): boolean => d.unit === 'working-day' || d.unit === 'working-hour';

/**
 * Every problem of step shares against a limit: each share a valid duration in a compatible unit
 * (working days/hours for a working-time limit, calendar days for a calendar-day one), and the shares
 * adding up to the limit exactly. Paths: `limit/value`, `shares/2/unit`, `shares`.
 */
export function validateStepShares(
  limit: Duration,
  shares: readonly Duration[],
  hours: OfficeHours,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const dayMinutes = compileOfficeHours(hours).workingDayMinutes;
  const minutesOf = (d: Duration, path: string): number | undefined => {
    try {
      return durationMinutes(d, dayMinutes);
    } catch (error) {
      if (!(error instanceof WorkingTimeError)) throw error;
      for (const p of error.details) problems.push({ ...p, path: `${path}/${p.path}` });
      return undefined;
    }
  };
  if (limit.unit === 'same-day') {
    problems.push({
      path: 'limit/unit',
      code: 'not-divisible',
      message: 'Thời hạn "trong ngày" không chia được cho các bước.',
    });
    return problems;
  }
  const total = minutesOf(limit, 'limit');
  if (shares.length === 0)
    problems.push({ path: 'shares', code: 'no-steps', message: 'Cần ít nhất một bước xử lý.' });
  let sum = 0;
  let complete = total !== undefined && shares.length > 0;
  shares.forEach((share, i) => {
    const path = `shares/${i}`;
    if (isWorking(limit) ? !isWorking(share) : share.unit !== limit.unit) {
      const expected = isWorking(limit) ? 'ngày làm việc hoặc giờ làm việc' : 'ngày dương lịch';
      problems.push({
        path: `${path}/unit`,
        code: 'incompatible-unit',
        message: `Thời gian của bước phải tính bằng ${expected} như thời hạn giải quyết.`,
      });
      complete = false;
      return;
    }
    const m = minutesOf(share, path);
    if (m === undefined) complete = false;
    else sum += m;
  });
  if (complete && total !== undefined && sum !== total) {
    const unit = isWorking(limit) ? 'phút làm việc' : 'phút';
    problems.push({
      path: 'shares',
      code: 'sum-mismatch',
      message: `Tổng thời gian các bước (${sum} ${unit}) phải bằng thời hạn giải quyết (${total} ${unit}).`,
    });
  }
  return problems;
}

/**
 * Splits totalMinutes into shares proportional to integer weights, adding up exactly to totalMinutes:
 * each step gets the floor of its exact quota and the leftover minutes go one by one to the largest
 * remainders (earlier steps first on ties). Exact integer arithmetic (BigInt), no rounding drift.
 */
export function allocateStepShares(totalMinutes: number, weights: readonly number[]): number[] {
  const problems: ValidationProblem[] = [];
  if (!Number.isSafeInteger(totalMinutes) || totalMinutes < 0) {
    problems.push({
      path: 'totalMinutes',
      code: 'invalid-total',
      message: 'Tổng thời gian phải là số phút nguyên không âm.',
    });
  }
  weights.forEach((w, i) => {
    if (!Number.isSafeInteger(w) || w < 0) {
      problems.push({
        path: `weights/${i}`,
        code: 'invalid-weight',
        message: 'Tỷ trọng của bước phải là số nguyên không âm.',
      });
    }
  });
  const weightSum = weights.reduce((a, b) => a + BigInt(Number.isSafeInteger(b) ? b : 0), 0n);
  if (problems.length === 0 && weightSum === 0n) {
    problems.push({
      path: 'weights',
      code: 'zero-weights',
      message: 'Cần ít nhất một bước có tỷ trọng lớn hơn 0.',
    });
  }
  if (problems.length > 0)
    throw new WorkingTimeError('INVALID_DURATION', 'Không chia được thời hạn cho các bước.', problems);
  const total = BigInt(totalMinutes);
  const shares = weights.map((w) => (total * BigInt(w)) / weightSum);
  const remainders = weights.map((w, i) => ({ i, r: (total * BigInt(w)) % weightSum }));
  let left = Number(total - shares.reduce((a, b) => a + b, 0n));
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (let k = 0; left > 0; k++, left--) shares[remainders[k]!.i]! += 1n;
  return shares.map(Number);
}
