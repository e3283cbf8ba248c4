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
export const UnitDetail = Closed({ unit: UnitView, ancestors: Type.Array(UnitView) });
