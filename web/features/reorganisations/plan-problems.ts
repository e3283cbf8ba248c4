// Where each field of the reorganisation form lives (the id its problem links to) and the error
// summary's lines, in the order of the form, each named by its field's label.
import type { Problem } from '../calendar/error-summary.tsx';
import type { Messages } from '../../app/i18n/vi.ts';
import type { FieldKey, HandoverRow, PlanFailure, PlanForm } from './plan-form.ts';

const PREFIX = 'reorg';

export function fieldId(key: FieldKey): string {
  const handover = /^handover:(.+):(from|to)$/.exec(key);
  if (handover) return `${PREFIX}-handover-${handover[1]}-${handover[2]}`;
  if (key.startsWith('ended:')) return `${PREFIX}-ended-${key.slice('ended:'.length)}`;
  return `${PREFIX}-${key}`;
}

export function planProblems(
  t: Messages,
  failure: PlanFailure | null,
  form: PlanForm,
  rows: readonly HandoverRow[],
): Problem[] {
  if (!failure) return [];
  const r = t.reorganisations;
  const labelled: [FieldKey, string][] = [
    ['name', r.fields.name],
    ['basis', r.fields.basis],
    ['effectiveOn', r.fields.effectiveOn],
    ['ended', r.ended.legend],
    ...form.ended.map((row, i): [FieldKey, string] => [`ended:${row.id}`, r.ended.row(i + 1)]),
    ['successor', r.successor.legend],
    ['successorUnit', r.successor.unit],
    ['newCode', r.successor.code],
    ['newName', r.successor.name],
    ['newType', r.successor.type],
    ['committeeCode', r.successor.committeeCode],
    ['committeeName', r.successor.committeeName],
    ['handovers', r.handovers.legend],
    ...rows.flatMap((row, i): [FieldKey, string][] => [
      [`handover:${row.key}:from`, `${r.handovers.row(i + 1)} – ${r.handovers.from}`],
      [`handover:${row.key}:to`, `${r.handovers.row(i + 1)} – ${r.handovers.to}`],
    ]),
  ];
  const problems: Problem[] = labelled.flatMap(([key, label]) => {
    const message = failure.fields[key];
    return message ? [{ message, label, fieldId: fieldId(key) }] : [];
  });
  return [...problems, ...failure.general.map((message) => ({ message }))];
}
