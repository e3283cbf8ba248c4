import { Type, type Static } from 'typebox';
import { ROLES } from '../auth/roles.ts';
import { AgencyCode } from './common.ts';

export const RoleName = Type.Enum(ROLES);

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const UserView = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    fullName: Type.String(),
    roles: Type.Array(
      Type.Object({
        role: RoleName,
        agencyCode: AgencyCode,
        agencyName: Type.String(),
        unitCode: Type.String(),
      }),
    ),
  },
  { additionalProperties: false },
);
export type UserView = Static<typeof UserView>;

export const MeResponse = Type.Object({ user: UserView }, { additionalProperties: false });

export const CreateTokenBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  },
  { additionalProperties: false },
);
export const TokenView = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    createdAt: Type.String(),
    expiresAt: Type.Union([Type.String(), Type.Null()]),
    revokedAt: Type.Union([Type.String(), Type.Null()]),
    lastUsedAt: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);
export const CreatedToken = Type.Object(
  { token: Type.String(), item: TokenView },
  { additionalProperties: false },
);
