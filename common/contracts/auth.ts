import { Type, type Static } from 'typebox';
import { ROLES } from '../auth/roles.ts';
import { AgencyCode, Closed, Nullable } from './common.ts';

export const RoleName = Type.Enum(ROLES);

/** The shortest password an account may be given (by an administrator or by its owner). */
export const PASSWORD_MIN_LENGTH = 10;

export const LoginBody = Closed({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 256 }),
});
export type LoginBody = Static<typeof LoginBody>;

export const UserView = Closed({
  id: Type.String(),
  username: Type.String(),
  fullName: Type.String(),
  /** The password was reset: until it is changed, only the change-password page is open (#14). */
  mustChangePassword: Type.Boolean(),
  roles: Type.Array(
    Type.Object({
      role: RoleName,
      agencyCode: AgencyCode,
      agencyName: Type.String(),
      unitCode: Type.String(),
      /** The province the agency's unit is in (its code, e.g. '01'). */
      provinceCode: Type.String(),
    }),
  ),
});
export type UserView = Static<typeof UserView>;

export const MeResponse = Closed({ user: UserView });

/** Changing one's own password (POST /api/v1/auth/password). */
export const ChangePasswordBody = Closed({
  currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
  newPassword: Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: 256 }),
});
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

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
