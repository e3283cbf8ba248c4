// The workflow editor's words and moves, kept apart from the React code: problems sorted to the
// field, total, channel or agency they name; the limit and the live total in words; and where a
// step goes (and which button keeps the focus) when it is moved, added or removed.
import type { TimeLimit } from '../../../common/catalog/procedure.ts';
import { detailText } from '../../app/errors.ts';
import type { Messages } from '../../app/i18n/vi.ts';
import { formatNumber } from '../calendar/vn-time.ts';
import { familyOf, HOUR_UNIT, shareTotal, whereOf, type StepField, type StepRow } from './workflow-rows.ts';

export type Failure = {
  fields: Record<string, string>;
  total: string | null;
  channel: string | null;
  agency: string | null;
  general: string[];
};
export const errorKey = (rowId: string, field: StepField): string => `${rowId}/${field}`;

export function mapProblems(
  t: Messages,
  problems: readonly { path: string; message: string; code?: string }[],
  rows: readonly StepRow[],
): Failure {
  const out: Failure = { fields: {}, total: null, channel: null, agency: null, general: [] };
  for (const p of problems) {
    const message = detailText(t, p);
    const where = whereOf(p.path, rows);
    if (where.kind === 'field') out.fields[errorKey(where.rowId, where.field)] ??= message;
    else if (where.kind === 'total') out.total ??= message;
    else if (where.kind === 'channel') out.channel ??= message;
    else if (where.kind === 'agency') out.agency ??= message;
    else out.general.push(message);
  }
  return out;
}

export function isEmptyFailure(f: Failure): boolean {
  return Object.keys(f.fields).length === 0 && !f.total && !f.channel && !f.agency && f.general.length === 0;
}

/** "5 ngày làm việc (40 giờ làm việc)": a limit with its length in hours of its family. */
export function limitText(t: Messages, limit: TimeLimit): string {
  const n = formatNumber(t, limit.value);
  if (limit.unit === null) return t.catalog.noUnit(n);
  const text = t.catalog.timeUnits[limit.unit](n);
  if (limit.unit.endsWith('hour')) return text;
  const family = familyOf(limit.unit);
  const hours = limit.value * (family === 'working' ? 8 : 24);
  return `${text} (${t.catalog.timeUnits[HOUR_UNIT[family]](formatNumber(t, hours))})`;
}

/** The live total of the shares in words, and whether it is wrong (so flagged). */
export function shareTotalText(
  t: Messages,
  rows: readonly StepRow[],
  limit: TimeLimit | null,
): { text: string; bad: boolean } {
  const w = t.catalogAdmin.workflow;
  const total = shareTotal(rows, limit);
  if (total.kind === 'no-limit') return { text: w.totalNoLimit, bad: true };
  const hours = (n: number) => t.catalog.timeUnits[HOUR_UNIT[total.family]](formatNumber(t, n));
  const head = w.total(
    formatNumber(t, total.percent),
    formatNumber(t, total.sumHours),
    hours(total.limitHours),
  );
  if (total.kind === 'ok') return { text: `${head} — ${w.totalOk}`, bad: false };
  if (total.kind === 'unknown') return { text: `${head} — ${w.totalUnknown}`, bad: true };
  const diff = hours(Math.abs(total.limitHours - total.sumHours));
  return { text: `${head} — ${total.kind === 'under' ? w.totalUnder(diff) : w.totalOver(diff)}`, bad: true };
}

/**
 * The rows with the step at `index` moved by one, and the button to focus after: the same one of
 * the moved step, unless the step now sits at that end (then the other). Null when it cannot move.
 */
export function moveStep<R>(
  rows: readonly R[],
  index: number,
  by: -1 | 1,
): { rows: R[]; moved: R; focus: 'up' | 'down' } | null {
  const target = index + by;
  if (target < 0 || target >= rows.length) return null;
  const next = [...rows];
  const [moved] = next.splice(index, 1);
  next.splice(target, 0, moved!);
  const edge = by === -1 ? target === 0 : target === rows.length - 1;
  const same = by === -1 ? 'up' : 'down';
  return { rows: next, moved: moved!, focus: edge ? (same === 'up' ? 'down' : 'up') : same };
}

/** Where a new step goes: before the last step (which returns the result at the desk). */
export function insertIndex(length: number): number {
  return length >= 2 ? length - 1 : length;
}
