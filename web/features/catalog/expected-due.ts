// The expected result date of applying now (GET /calendar/due from the direct channel's legal time
// limit): the data behind the procedure page's "dự kiến trả kết quả" box (expected-result.tsx).
import type { Procedure, TimeLimit, TimeUnit } from '../../../common/catalog/procedure.ts';
import { isAbort } from '../../app/http.ts';
import { computeDue, type DueView, type DurationUnit } from '../calendar/calendar-api.ts';

/** Published units the working-time engine counts; clock hours ("Giờ") it does not. */
const DUE_UNITS: Partial<Record<TimeUnit, DurationUnit>> = {
  'working-day': 'working-day',
  'working-hour': 'working-hour',
  'calendar-day': 'calendar-day',
};

export type Expected =
  | { kind: 'none' }
  | { kind: 'no-unit' }
  | { kind: 'unsupported' }
  | { kind: 'done'; start: string; limit: TimeLimit; unit: DurationUnit; due: DueView }
  | { kind: 'error'; error: unknown };

/** The expected result date of applying now; never throws (an abort excepted). */
export async function loadExpected(procedure: Procedure, signal?: AbortSignal): Promise<Expected> {
  const limit = procedure.timeLimits.direct;
  if (!limit) return { kind: 'none' };
  if (limit.unit === null) return { kind: 'no-unit' };
  const unit = DUE_UNITS[limit.unit];
  if (!unit) return { kind: 'unsupported' };
  const start = new Date().toISOString();
  try {
    const due = await computeDue({ start, value: limit.value, unit }, signal);
    return { kind: 'done', start, limit, unit, due };
  } catch (error) {
    if (isAbort(error)) throw error;
    return { kind: 'error', error };
  }
}
