// The workflow editor's rows and the rules around them, kept apart from the React code: a step as
// the form holds it (text as typed), the step the API takes, the live total of the shares against
// the limit, and `details[].path` / validateWorkflow paths mapped back to the field they name.
import type { AgencyKind, TimeLimit, TimeUnit } from '../../../common/catalog/procedure.ts';
import {
  durationHours,
  type Performer,
  type WorkflowRole,
  type WorkflowStep,
} from '../../../common/catalog/workflow.ts';

export type PerformerKind = Performer['kind'];

export type StepRow = {
  id: string;
  key: string;
  name: string;
  role: WorkflowRole;
  performer: PerformerKind;
  agencyCode: string;
  agencyKind: AgencyKind | '';
  /** As typed: "3", "" … */
  shareValue: string;
  shareUnit: TimeUnit;
  canSendBack: boolean;
  /** The agency the server resolved for this step (when the workflow was read for one agency). */
  resolved: string | null;
};

export const STEP_FIELDS = [
  'name',
  'key',
  'role',
  'performer',
  'agencyCode',
  'agencyKind',
  'shareValue',
  'shareUnit',
  'canSendBack',
] as const;
export type StepField = (typeof STEP_FIELDS)[number];

let lastId = 0;
const nextId = (): string => `w${++lastId}`;

export function rowFromStep(
  step: WorkflowStep & { agency?: { code: string; name: string } | null; unresolved?: string },
): StepRow {
  const p = step.performer;
  return {
    id: nextId(),
    key: step.key,
    name: step.name,
    role: step.role,
    performer: p.kind,
    agencyCode: p.kind === 'named-agency' ? p.agencyCode : '',
    agencyKind: p.kind === 'agency-of-kind-above' ? p.agencyKind : '',
    shareValue: String(step.share.value),
    shareUnit: step.share.unit,
    canSendBack: step.canSendBack,
    resolved: step.agency ? step.agency.name : (step.unresolved ?? null),
  };
}

/** A new processing step: specialist at the competent agency, no time yet, a key not yet used. */
export function newRow(rows: readonly StepRow[], unit: TimeUnit): StepRow {
  const keys = new Set(rows.map((r) => r.key));
  let n = rows.length + 1;
  while (keys.has(`buoc-${n}`)) n++;
  return {
    id: nextId(),
    key: `buoc-${n}`,
    name: '',
    role: 'specialist',
    performer: 'competent-agency',
    agencyCode: '',
    agencyKind: '',
    shareValue: '0',
    shareUnit: unit,
    canSendBack: true,
    resolved: null,
  };
}

/** "3" → 3, "1,5" → 1.5, "" → NaN (which the rules report as not a whole number). */
export function parseShare(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed.replace(',', '.'));
}

export function stepFromRow(row: StepRow): WorkflowStep {
  const performer: Performer =
    row.performer === 'named-agency'
      ? { kind: 'named-agency', agencyCode: row.agencyCode.trim() }
      : row.performer === 'agency-of-kind-above'
        ? { kind: 'agency-of-kind-above', agencyKind: row.agencyKind as AgencyKind }
        : { kind: row.performer };
  return {
    key: row.key.trim(),
    name: row.name.trim(),
    role: row.role,
    performer,
    share: { value: parseShare(row.shareValue), unit: row.shareUnit },
    canSendBack: row.canSendBack,
  };
}

export type Family = 'working' | 'calendar';
export const familyOf = (unit: TimeUnit): Family => (unit.startsWith('working') ? 'working' : 'calendar');
export const UNITS_OF: Readonly<Record<Family, readonly TimeUnit[]>> = {
  working: ['working-day', 'working-hour'],
  calendar: ['calendar-day', 'calendar-hour'],
};
export const HOUR_UNIT: Readonly<Record<Family, TimeUnit>> = {
  working: 'working-hour',
  calendar: 'calendar-hour',
};

export type ShareTotal =
  | { kind: 'no-limit' }
  | {
      kind: 'ok' | 'under' | 'over' | 'unknown';
      family: Family;
      sumHours: number;
      limitHours: number;
      /** Of the limit, one decimal; never shown as 100 unless it is exactly 100. */
      percent: number;
    };

/**
 * The live total: shares counted in hours of the limit's family (8 working hours or 24 hours a day,
 * as common/catalog/workflow.ts counts them). `unknown` while a share is blank, not a whole
 * non-negative number, or in the other family: the total cannot be trusted then.
 */
export function shareTotal(rows: readonly StepRow[], limit: TimeLimit | null): ShareTotal {
  if (!limit || limit.unit === null) return { kind: 'no-limit' };
  const family = familyOf(limit.unit);
  const limitHours = durationHours({ value: limit.value, unit: limit.unit });
  let sumHours = 0;
  let comparable = true;
  for (const r of rows) {
    const value = parseShare(r.shareValue);
    if (!Number.isInteger(value) || value < 0 || familyOf(r.shareUnit) !== family) {
      comparable = false;
      continue;
    }
    sumHours += durationHours({ value, unit: r.shareUnit });
  }
  let percent = limitHours > 0 ? Math.round((sumHours / limitHours) * 1000) / 10 : 0;
  if (sumHours !== limitHours && percent === 100) percent = sumHours < limitHours ? 99.9 : 100.1;
  const kind = !comparable
    ? 'unknown'
    : sumHours === limitHours
      ? 'ok'
      : sumHours < limitHours
        ? 'under'
        : 'over';
  return { kind, family, sumHours, limitHours, percent };
}

export type Where =
  | { kind: 'field'; rowId: string; field: StepField }
  | { kind: 'total' }
  | { kind: 'channel' }
  | { kind: 'agency' }
  | { kind: 'general' };

/**
 * Where a problem belongs: `steps/2/share/value` (validateWorkflow) and `body/steps/2/share/value`
 * (the server) → that row's share; `steps` → the total; `limit`, `channel` → the channel;
 * `agencyCode` → the agency.
 */
export function whereOf(path: string, rows: readonly StepRow[]): Where {
  const p = path.replace(/^body\//, '');
  if (p === 'steps') return { kind: 'total' };
  if (p === 'limit' || p === 'channel') return { kind: 'channel' };
  if (p === 'agencyCode') return { kind: 'agency' };
  const m = /^steps\/(\d+)(?:\/(.*))?$/.exec(p);
  const row = m ? rows[Number(m[1])] : undefined;
  if (!m || !row) return { kind: 'general' };
  const rest = m[2] ?? '';
  const field: StepField =
    rest === 'performer/agencyCode'
      ? 'agencyCode'
      : rest === 'performer/agencyKind'
        ? 'agencyKind'
        : rest.startsWith('performer')
          ? 'performer'
          : rest === 'share/unit'
            ? 'shareUnit'
            : rest.startsWith('share')
              ? 'shareValue'
              : (STEP_FIELDS as readonly string[]).includes(rest)
                ? (rest as StepField)
                : 'name';
  return { kind: 'field', rowId: row.id, field };
}
