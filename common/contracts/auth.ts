import { Type, type Static } from 'typebox';
import { ROLES } from '../auth/roles.ts';
import { AgencyCode, Closed, Nullable } from './common.ts';

export const RoleName = Type.Enum(ROLES);

export const LoginBody = Closed({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 256 }),
});
export type LoginBody = Static<typeof LoginBody>;

export const UserView = Closed({
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
});
export type UserView = Static<typeof UserView>;

export const MeResponse = Closed({ user: UserView });

export const CreateTokenBody = Closed({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
});
export const TokenView = Closed({
  id: Type.String(),
  name: Type.String(),
  createdAt: Type.String(),
  expiresAt: Nullable(Type.String()),
  revokedAt: Nullable(Type.String()),
  lastUsedAt: Nullable(Type.String()),
});
export const CreatedToken = Closed({ token: Type.String(), item: TokenView });
