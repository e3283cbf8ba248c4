// The org endpoints, as the web app uses them. Both are scoped by the server to the signed-in
// user's reach; asking outside it answers 403 FORBIDDEN.
import type { UserView } from '../../../common/contracts/auth.ts';
import type { AgencyView, PlaceKind, PlacesResponse, UnitView } from '../../../common/contracts/org.ts';
import type { PlaceAsk } from '../../app/ui/place-options.ts';
import type { PlaceSource } from '../../app/ui/place-picker.tsx';
import { apiGet } from '../../app/http.ts';
import { featureQueries } from '../../app/query.ts';

export type { AgencyView, UnitView };
type Paged<T> = { items: T[]; total: number };

/** The API's largest page; more children than this under one unit are reported, not paged. */
export const MAX_PAGE = 500;

export function listChildUnits(parentCode: string, signal?: AbortSignal): Promise<Paged<UnitView>> {
  return apiGet('/api/v1/units', { parentCode, pageSize: MAX_PAGE }, signal);
}

/** One unit and the units above it (GET /units/:code), within the user's reach. */
export function getUnit(
  code: string,
  signal?: AbortSignal,
): Promise<{ unit: UnitView; ancestors: UnitView[] }> {
  return apiGet(`/api/v1/units/${encodeURIComponent(code)}`, undefined, signal);
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

function placesQuery(kind: PlaceKind, ask: PlaceAsk) {
  return {
    kind,
    q: ask.q === '' ? undefined : ask.q,
    under: ask.under ?? undefined,
    page: ask.page,
    pageSize: ask.pageSize,
  };
}

/** Agencies or units within the user's reach, for the place picker (GET /org/places). */
export function staffPlaces(kind: PlaceKind): PlaceSource {
  return {
    kind: 'remote',
    key: `org-${kind}`,
    fetch: (ask, signal) => apiGet<PlacesResponse>('/api/v1/org/places', placesQuery(kind, ask), signal),
  };
}

/** Every unit in force, for an address (GET /public/places; no sign-in needed). */
export const publicUnits: PlaceSource = {
  kind: 'remote',
  key: 'public-unit',
  fetch: (ask, signal) => apiGet<PlacesResponse>('/api/v1/public/places', placesQuery('unit', ask), signal),
};

const read = featureQueries('org');

/** The org reads as queries (keys `['org', ...]`; app/query.ts). */
export const orgQueries = {
  all: ['org'] as const,
  children: (parentCode: string) =>
    read('units', { parentCode }, (signal) => listChildUnits(parentCode, signal)),
  agencies: (unitCode: string) => read('agencies', { unitCode }, (signal) => listAgencies(unitCode, signal)),
  /** The top of the user's tree (the units of their roles). */
  roots: (user: UserView) =>
    read('roots', { units: [...new Set(user.roles.map((r) => r.unitCode))] }, (signal) =>
      loadRootUnits(user, signal),
    ),
};
