// The org endpoints, as the web app uses them. Both are scoped by the server to the signed-in
// user's reach; asking outside it answers 403 FORBIDDEN.
import type { UserView } from '../../../common/contracts/auth.ts';
import type { AgencyView, UnitView } from '../../../common/contracts/org.ts';
import { apiGet } from '../../app/http.ts';
import { featureQueries } from '../../app/query.ts';

export type { AgencyView, UnitView };
type Paged<T> = { items: T[]; total: number };

/** The API's largest page; more children than this under one unit are reported, not paged. */
export const MAX_PAGE = 500;
export const SEARCH_PAGE = 20;

export function listChildUnits(parentCode: string, signal?: AbortSignal): Promise<Paged<UnitView>> {
  return apiGet('/api/v1/units', { parentCode, pageSize: MAX_PAGE }, signal);
}

export function searchUnits(q: string, signal?: AbortSignal): Promise<Paged<UnitView>> {
  return apiGet('/api/v1/units', { q, pageSize: SEARCH_PAGE }, signal);
}

/** Agencies whose name or code matches `q` (folded diacritics), within the user's reach. */
export function searchAgencies(
  q: string,
  pageSize: number,
  signal?: AbortSignal,
): Promise<Paged<AgencyView>> {
  return apiGet('/api/v1/agencies', { q, pageSize }, signal);
}

export function listAgencies(unitCode: string, signal?: AbortSignal): Promise<Paged<AgencyView>> {
  return apiGet('/api/v1/agencies', { unitCode, pageSize: 100 }, signal);
}

/**
 * One unit by its code. The API has no lookup by code, but a unit's code is in its search text and
 * results come in tree order, so the unit comes before everything under it; the level, when known,
 * narrows the match to the handful of units whose codes contain this one.
 */
export async function findUnit(code: string, level?: number, signal?: AbortSignal): Promise<UnitView | null> {
  const page = await apiGet<Paged<UnitView>>('/api/v1/units', { q: code, level, pageSize: MAX_PAGE }, signal);
  return page.items.find((u) => u.code === code) ?? null;
}

/**
 * The top of the user's tree: the unit of each role, less those under another role's unit.
 * A province administrator gets the province; a ward officer only the ward.
 */
export async function loadRootUnits(user: UserView, signal?: AbortSignal): Promise<UnitView[]> {
  const codes = [...new Set(user.roles.map((r) => r.unitCode))];
  const found = await Promise.all(codes.map((code) => findUnit(code, undefined, signal)));
  const units = found.filter((u): u is UnitView => u !== null);
  const codesHeld = new Set(units.map((u) => u.code));
  return units
    .filter((u) => u.parentCode === null || !codesHeld.has(u.parentCode))
    .sort((a, b) => a.level - b.level || a.name.localeCompare(b.name, 'vi'));
}

const read = featureQueries('org');

/** The org reads as queries (keys `['org', ...]`; app/query.ts). */
export const orgQueries = {
  all: ['org'] as const,
  children: (parentCode: string) =>
    read('units', { parentCode }, (signal) => listChildUnits(parentCode, signal)),
  unitSearch: (q: string) => read('units', { q }, (signal) => searchUnits(q, signal)),
  agencies: (unitCode: string) => read('agencies', { unitCode }, (signal) => listAgencies(unitCode, signal)),
  /** The top of the user's tree (the units of their roles). */
  roots: (user: UserView) =>
    read('roots', { units: [...new Set(user.roles.map((r) => r.unitCode))] }, (signal) =>
      loadRootUnits(user, signal),
    ),
  agencySearch: (q: string, pageSize: number) =>
    read('agencies', { q, pageSize }, (signal) => searchAgencies(q, pageSize, signal)),
};
