import { Type, type Static } from 'typebox';
import { AgencyCode, IsoDate, Page, PageSize, Paged, UnitCode } from './common.ts';

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

export const UnitsQuery = Type.Object(
  {
    parentCode: Type.Optional(UnitCode),
    level: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    validOn: Type.Optional(IsoDate),
    page: Type.Optional(Page),
    pageSize: Type.Optional(PageSize),
  },
  { additionalProperties: false },
);
export type UnitsQuery = Static<typeof UnitsQuery>;

export const UnitView = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    type: Type.String(),
    level: Type.Integer(),
    parentCode: Type.Union([Type.String(), Type.Null()]),
    validFrom: Type.Union([Type.String(), Type.Null()]),
    validTo: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type UnitView = Static<typeof UnitView>;
export const UnitsResponse = Paged(UnitView);

export const AgenciesQuery = Type.Object(
  {
    unitCode: Type.Optional(UnitCode),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    kind: Type.Optional(Type.Enum(AGENCY_KINDS)),
    page: Type.Optional(Page),
    pageSize: Type.Optional(PageSize),
  },
  { additionalProperties: false },
);
export type AgenciesQuery = Static<typeof AgenciesQuery>;

export const AgencyView = Type.Object(
  {
    code: AgencyCode,
    name: Type.String(),
    unitCode: Type.String(),
    kind: Type.String(),
    parentCode: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type AgencyView = Static<typeof AgencyView>;
export const AgenciesResponse = Paged(AgencyView);

export const UnitParams = Type.Object({ code: UnitCode }, { additionalProperties: false });
export const UnitDetail = Type.Object(
  { unit: UnitView, ancestors: Type.Array(UnitView) },
  { additionalProperties: false },
);
