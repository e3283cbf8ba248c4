// The catalogue editor's moves on a draft's content (common/catalog/draft-content.ts), kept apart
// from the React code: where each problem is shown (the field its path names, else its section),
// limits that appear when a number or unit is typed and go when both are cleared, rows added and
// removed, and a new case's key.
import {
  CHANNELS,
  type Channel,
  type DossierComponent,
  type Fee,
  type ResultDocument,
  type TimeUnit,
} from '../../../common/catalog/procedure.ts';
import type { DraftContent, DraftLimit, DraftLimits } from '../../../common/catalog/draft-content.ts';
import type { DraftProblem } from '../../../common/catalog/draft-check.ts';

/** The id of the control a content path names: `cases/0/timeLimits/direct/unit` → `ed-cases-0-timeLimits-direct-unit`. */
export const fieldId = (path: string): string => `ed-${path.replaceAll('/', '-')}`;

/** Lists whose problems are about the list itself (none given) are shown at their section. */
const SECTION_PATHS = new Set(['cases', 'components', 'fees', 'results']);
export const sectionId = (section: string): string => `ed-sec-${section}`;

/** Where the summary's link for a problem goes. */
export function anchorOf(path: string): string {
  return SECTION_PATHS.has(path) ? sectionId(path) : fieldId(path);
}

export type ProblemIndex = {
  /** The first problem at a path (the one shown beside its field). */
  at: (path: string) => DraftProblem | undefined;
  errors: number;
  warnings: number;
};

export function indexProblems(problems: readonly DraftProblem[]): ProblemIndex {
  const byPath = new Map<string, DraftProblem>();
  for (const p of problems) if (!byPath.has(p.path)) byPath.set(p.path, p);
  return {
    at: (path) => byPath.get(path),
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
  };
}

/** A number field's value: empty is none; anything else is read as typed ("1,5" too). */
export function numberFrom(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const n = Number(trimmed.replace(',', '.'));
  return Number.isFinite(n) ? n : Number.NaN;
}

/** What a number field shows: nothing for none, the number otherwise. */
export const numberText = (n: number | null): string => (n === null || Number.isNaN(n) ? '' : String(n));

/**
 * A channel's limit after a change of its number or unit: it appears as soon as either is given
 * and goes when both are cleared (the channel then has no limit of its own).
 */
export function changeLimit(
  limits: DraftLimits,
  channel: Channel,
  change: { value?: number | null; unit?: TimeUnit | null },
): DraftLimits {
  const old: DraftLimit = limits[channel] ?? { value: null, unit: null, text: '', note: null };
  const next: DraftLimit = { ...old, ...change };
  return { ...limits, [channel]: next.value === null && next.unit === null ? null : next };
}

/** The channels after one is ticked or unticked, in the catalogue's order. */
export function toggleChannel(channels: readonly Channel[], channel: Channel, on: boolean): Channel[] {
  return CHANNELS.filter((c) => (c === channel ? on : channels.includes(c)));
}

/** A key not yet used by a case: `truong-hop-<n>`. */
export function newCaseKey(content: DraftContent): string {
  const used = new Set(content.cases.map((c) => c.key));
  let n = content.cases.length + 1;
  while (used.has(`truong-hop-${n}`)) n++;
  return `truong-hop-${n}`;
}

export const emptyLimits = (): DraftLimits => ({ direct: null, online: null, postal: null });

export const newComponent = (): DossierComponent => ({
  name: '',
  originals: 1,
  copies: 0,
  group: null,
  condition: null,
  submission: 'submit',
  form: null,
  electronicCopyAccepted: null,
  reuseAccepted: null,
});

export const newFee = (): Fee => ({
  channel: null,
  amountVnd: null,
  per: null,
  text: null,
  amountOther: null,
  note: null,
});

export const newResult = (): ResultDocument => ({ name: '', code: null });

/** A list with item `i` replaced by `change` applied to it. */
export function updateAt<T>(list: readonly T[], i: number, change: (item: T) => T): T[] {
  return list.map((item, j) => (j === i ? change(item) : item));
}

export function removeAt<T>(list: readonly T[], i: number): T[] {
  return list.filter((_, j) => j !== i);
}

/** A paper's flag set or cleared (`declaration`, `required` are present only when true). */
export function withFlag(
  c: DossierComponent,
  flag: 'declaration' | 'required',
  on: boolean,
): DossierComponent {
  const { [flag]: _dropped, ...rest } = c;
  return on ? { ...rest, [flag]: true } : rest;
}
