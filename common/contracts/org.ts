import { Type, type Static } from 'typebox';
import { AgencyCode, Closed, IsoDate, Nullable, Paged, PagedQuery, UnitCode } from './common.ts';

export const AGENCY_KINDS = [
  'people-committee',
  'public-administration-centre',
  'justice',
  'natural-resources',
  'labour',
  'finance-planning',
  'urban-management',
  'police',
] as const;

export const UnitsQuery = PagedQuery({
  parentCode: Type.Optional(UnitCode),
  level: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  /** The day the map is read as of; default today in Vietnam. */
  validOn: Type.Optional(IsoDate),
});
export type UnitsQuery = Static<typeof UnitsQuery>;

export const UnitView = Closed({
  code: Type.String(),
  name: Type.String(),
  type: Type.String(),
  level: Type.Integer(),
  parentCode: Nullable(Type.String()),
  validFrom: Nullable(Type.String()),
  validTo: Nullable(Type.String()),
});
export type UnitView = Static<typeof UnitView>;
export const UnitsResponse = Paged(UnitView);

export const AgenciesQuery = PagedQuery({
  unitCode: Type.Optional(UnitCode),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  kind: Type.Optional(Type.Enum(AGENCY_KINDS)),
  /** The day the map is read as of; default today in Vietnam. */
  validOn: Type.Optional(IsoDate),
});
export type AgenciesQuery = Static<typeof AgenciesQuery>;

export const AgencyView = Closed({
  code: AgencyCode,
  name: Type.String(),
  unitCode: Type.String(),
  kind: Type.String(),
  parentCode: Nullable(Type.String()),
});
export type AgencyView = Static<typeof AgencyView>;
export const AgenciesResponse = Paged(AgencyView);

export const UnitParams = Closed({ code: UnitCode });
/** The day the map is read as of (default: today in Vietnam); a code names one unit at a time. */
export const UnitQuery = Closed({ on: Type.Optional(IsoDate) });
export type UnitQuery = Static<typeof UnitQuery>;
/** A unit that took over (part of) another's territory, or was formed from it. */
export const UnitLink = Closed({
  code: Type.String(),
  name: Type.String(),
  extent: Type.Enum(['full', 'partial']),
  effectiveOn: Type.String(),
});
export const UnitDetail = Closed({
  unit: UnitView,
  ancestors: Type.Array(UnitView),
  /** The units it was formed from. */
  predecessors: Type.Array(UnitLink),
  /** The units that took over its territory when it ended. */
  successors: Type.Array(UnitLink),
});

// The place pickers (web/app/ui/place-picker.tsx): browse a unit's agencies and the units under it,
// or search; every entry carries its trail, the names of the units above it (root first), so the
// seven "Xã Tân Thành" are told apart by their province.
export const PLACE_KINDS = ['agency', 'unit'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];
export const PLACES_PAGE_MAX = 50;

export const PlaceStep = Closed({ code: Type.String(), name: Type.String() });
export type PlaceStep = Static<typeof PlaceStep>;

export const PlacesQuery = Closed({
  kind: Type.Enum(PLACE_KINDS),
  /** Words of a name or a code, with or without diacritics; without it, `under` is browsed. */
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  /** The unit browsed, or searched below; without it, where the caller starts. */
  under: Type.Optional(UnitCode),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: PLACES_PAGE_MAX })),
});
export type PlacesQuery = Static<typeof PlacesQuery>;

export const PlaceEntry = Closed({
  kind: Type.Enum(PLACE_KINDS),
  code: Type.String(),
  name: Type.String(),
  /** The unit of an agency; a unit's own code. */
  unitCode: Type.String(),
  /** The units above, root first: for an agency its unit and the unit's ancestors. */
  trail: Type.Array(PlaceStep),
  /** May be picked (an agency, or a unit in a unit picker). */
  choosable: Type.Boolean(),
  /** Has something below to browse. */
  enterable: Type.Boolean(),
});
export type PlaceEntry = Static<typeof PlaceEntry>;

export const PlacesResponse = Closed({
  /** The unit browsed (null: the caller's starting points, or a search anywhere). */
  at: Nullable(Closed({ code: Type.String(), name: Type.String(), trail: Type.Array(PlaceStep) })),
  items: Type.Array(PlaceEntry),
  total: Type.Integer({ minimum: 0 }),
});
export type PlacesResponse = Static<typeof PlacesResponse>;
