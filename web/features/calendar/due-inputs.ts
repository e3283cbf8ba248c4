// The pure half of the due-time explainer: the inputs an address carries, their check before
// asking the server, and the address that shares a computation.
import { withQuery } from '../../app/http.ts';
import type { Messages } from '../../app/i18n/vi.ts';
import { DURATION_UNITS, type DueQuery, type DurationUnit } from './calendar-api.ts';
import { AGENCY_CODE } from './office-hours-rows.ts';
import { localInputToIso } from './vn-time.ts';

export const DUE_FIELDS = ['start', 'value', 'unit', 'agencyCode'] as const;
export type DueField = (typeof DUE_FIELDS)[number];
export type DueInputs = { start: string; value: string; unit: DurationUnit; agency: string };

/** The inputs of `?start=2026-11-23T10:00&value=2&unit=…&agencyCode=…`; `auto` when enough to compute. */
export function readDueInputs(search: string, now: string): DueInputs & { auto: boolean } {
  const params = new URLSearchParams(search);
  const unit = params.get('unit') ?? '';
  const start = params.get('start') ?? '';
  const value = params.get('value') ?? '';
  return {
    start: localInputToIso(start) ? start.slice(0, 16) : now,
    value,
    unit: (DURATION_UNITS as readonly string[]).includes(unit) ? (unit as DurationUnit) : 'working-day',
    agency: params.get('agencyCode') ?? '',
    auto: value !== '' || unit === 'same-day',
  };
}

/** The query for the inputs, or the problems of each field that stop it. */
export function checkDueInputs(
  t: Messages,
  inputs: DueInputs,
): { ok: true; query: DueQuery } | { ok: false; fields: Partial<Record<DueField, string>> } {
  const fields: Partial<Record<DueField, string>> = {};
  const start = localInputToIso(inputs.start);
  if (!start) fields.start = t.due.startInvalid;
  const sameDay = inputs.unit === 'same-day';
  const value = sameDay ? 0 : Number(inputs.value.trim().replace(',', '.'));
  if (!sameDay && (inputs.value.trim() === '' || !Number.isFinite(value) || value < 0))
    fields.value = t.due.valueInvalid;
  const code = inputs.agency.trim();
  if (code !== '' && !AGENCY_CODE.test(code)) fields.agencyCode = t.officeHours.invalidCode;
  if (!start || Object.keys(fields).length > 0) return { ok: false, fields };
  return { ok: true, query: { start, value, unit: inputs.unit, agencyCode: code || undefined } };
}

/** The explainer's address for the inputs, to share the computation. */
export function dueAddress(path: string, inputs: DueInputs): string {
  return withQuery(path, {
    start: inputs.start,
    value: inputs.unit === 'same-day' ? undefined : inputs.value.trim(),
    unit: inputs.unit,
    agencyCode: inputs.agency.trim() || undefined,
  });
}

/** `query/value` → `value`: the field a problem of the server's names, or null. */
export function dueDetailField(path: string): DueField | null {
  const name = path.split('/')[1] ?? '';
  return (DUE_FIELDS as readonly string[]).includes(name) ? (name as DueField) : null;
}
