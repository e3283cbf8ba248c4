// The worklist's settings (list, filters, order, search words) as the page holds them: read from and
// written to the address (Back from a dossier restores them), saved per officer on the server (all but
// the search words), and the list an officer opens on when nothing was chosen (by role).
import type { Role } from '../../../common/auth/roles.ts';
import { DOSSIER_STATUS_VALUES, WORKLIST_VALUES } from '../../../common/contracts/dossiers.ts';
import type { WorklistPreferences } from '../../../common/contracts/worklists.ts';
import {
  DOSSIER_CHANNELS,
  SORT_DIRECTIONS,
  WORKLIST_SORTS,
  type SortDirection,
  type Worklist,
  type WorklistSort,
} from '../../../common/dossiers/worklists.ts';

export type Filters = {
  status?: string | undefined;
  procedureCode?: string | undefined;
  field?: string | undefined;
  channel?: string | undefined;
  underAgency?: string | undefined;
  /** YYYY-MM-DD */
  from?: string | undefined;
  to?: string | undefined;
};
export const FILTER_KEYS = [
  'status',
  'procedureCode',
  'field',
  'channel',
  'underAgency',
  'from',
  'to',
] as const;

export type WorklistState = Filters & {
  list: Worklist;
  sort?: WorklistSort | undefined;
  dir?: SortDirection | undefined;
  q: string;
};

/** The address's parameter of each setting (Vietnamese, short). */
const PARAMS = {
  list: 'ds',
  status: 'tt',
  procedureCode: 'tthc',
  field: 'lv',
  channel: 'kenh',
  underAgency: 'cq',
  from: 'tu',
  to: 'den',
  sort: 'xep',
  dir: 'chieu',
  q: 'q',
} as const;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const oneOf = <T extends string>(values: readonly T[], v: string | null | undefined): T | undefined =>
  v !== null && v !== undefined && (values as readonly string[]).includes(v) ? (v as T) : undefined;
const text = (v: string | null | undefined, max: number): string | undefined =>
  v && v.length <= max ? v : undefined;

/** Each setting checked as the server checks it; anything else is dropped. */
function clean(raw: Record<string, string | null | undefined>): Omit<WorklistState, 'list' | 'q'> & {
  list?: Worklist | undefined;
  q?: string | undefined;
} {
  return {
    list: oneOf(WORKLIST_VALUES, raw.list),
    status: oneOf(DOSSIER_STATUS_VALUES, raw.status),
    procedureCode: text(raw.procedureCode, 20),
    field: text(raw.field, 300),
    channel: oneOf(DOSSIER_CHANNELS, raw.channel),
    underAgency: text(raw.underAgency, 13),
    from: raw.from && ISO_DAY.test(raw.from) ? raw.from : undefined,
    to: raw.to && ISO_DAY.test(raw.to) ? raw.to : undefined,
    sort: oneOf(WORKLIST_SORTS, raw.sort),
    dir: oneOf(SORT_DIRECTIONS, raw.dir),
    q: text(raw.q, 100),
  };
}

/** The settings the address names, or null when it names none (then the saved ones apply). */
export function readAddress(search: string): Partial<WorklistState> | null {
  const p = new URLSearchParams(search);
  if (!Object.values(PARAMS).some((name) => p.has(name))) return null;
  const raw = Object.fromEntries(Object.entries(PARAMS).map(([key, name]) => [key, p.get(name)]));
  return clean(raw);
}

/** The address's query for the settings (the defaults left out). */
export function toAddress(state: WorklistState): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, name] of Object.entries(PARAMS)) {
    const v = state[key as keyof WorklistState];
    out[name] = typeof v === 'string' && v !== '' ? v : undefined;
  }
  return out;
}

/** The list an officer opens on: a desk's dossiers to receive, a specialist's own, a leader's agency's. */
export function defaultListFor(roles: readonly Role[]): Worklist {
  if (roles.includes('desk-officer')) return 'to-receive';
  if (roles.includes('specialist')) return 'mine';
  return 'agency';
}

/** The settings to open with: the address's, else the saved ones, else the role's list. */
export function initialState(
  address: Partial<WorklistState> | null,
  saved: WorklistPreferences | null,
  roles: readonly Role[],
): WorklistState {
  const from = address ?? (saved ? clean(saved) : null) ?? {};
  return { ...from, list: from.list ?? defaultListFor(roles), q: from.q ?? '' };
}

/** What is saved for the officer: everything but the search words. */
export function toPreferences(state: WorklistState): WorklistPreferences {
  const { q: _q, list, ...rest } = state;
  return {
    ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== '')),
    list,
  };
}

/** The list request's filters and order (common/contracts/dossiers.ts DossiersQuery). */
export function listQuery(state: WorklistState): Record<string, string | undefined> {
  const rest: Record<string, string | undefined> = toPreferences(state);
  const words = state.q.trim().slice(0, 100);
  return { ...rest, q: words || undefined };
}
