// Staff administration (quản lý cán bộ): accounts and the roles they hold at agencies.
import { Type, type Static } from 'typebox';
import { AgencyCode, Closed, Page, Paged } from './common.ts';
import { PASSWORD_MIN_LENGTH, RoleName } from './auth.ts';

/** The users table's own rule (lowercase ASCII, digits, dot, dash, underscore; 2–63 characters). */
export const Username = Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{1,62}$', maxLength: 63 });
export const MAX_GRANTS = 50;
export { PASSWORD_MIN_LENGTH };

export const StaffGrant = Closed({ role: RoleName, agencyCode: AgencyCode });
export type StaffGrant = Static<typeof StaffGrant>;

export const StaffQuery = Closed({
  /** Name or username, diacritics-insensitive, words in any order. */
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  /** Only holders of a role at this agency (with `role`: of that role there — the person picker). */
  agencyCode: Type.Optional(AgencyCode),
  /** With agencyCode: also the holders at the agencies it reaches (the units below it), #14. */
  below: Type.Optional(Type.Boolean()),
  role: Type.Optional(RoleName),
  active: Type.Optional(Type.Boolean()),
  page: Type.Optional(Page),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});
export type StaffQuery = Static<typeof StaffQuery>;

export const StaffGrantView = Closed({
  role: RoleName,
  agencyCode: Type.String(),
  agencyName: Type.String(),
  unitCode: Type.String(),
  /** Whether the caller may add or remove this grant (within their administration, role allowed). */
  editable: Type.Boolean(),
});
export type StaffGrantView = Static<typeof StaffGrantView>;

export const StaffView = Closed({
  id: Type.String(),
  username: Type.String(),
  fullName: Type.String(),
  active: Type.Boolean(),
  createdAt: Type.String(),
  grants: Type.Array(StaffGrantView),
  /** Changes when the grants change; send it back with PUT …/grants to refuse a stale edit. */
  grantsVersion: Type.String(),
  /** Whether the caller may deactivate, activate and edit this account (every grant editable, not self). */
  manageable: Type.Boolean(),
});
export type StaffView = Static<typeof StaffView>;

export const StaffListResponse = Paged(StaffView);
export type StaffListResponse = Static<typeof StaffListResponse>;

export const StaffParams = Closed({ username: Username });

const Grants = Type.Array(StaffGrant, { minItems: 1, maxItems: MAX_GRANTS });

export const CreateStaffBody = Closed({
  username: Username,
  fullName: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
  password: Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: 256 }),
  grants: Grants,
});
export type CreateStaffBody = Static<typeof CreateStaffBody>;

/**
 * An administrator resets a staff member's password (#14): the one given, or a temporary one made
 * by the server and shown once. Either way the person must change it at the next sign-in.
 */
export const ResetPasswordBody = Closed({
  password: Type.Optional(Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: 256 })),
});
export type ResetPasswordBody = Static<typeof ResetPasswordBody>;

export const ResetPasswordResponse = Closed({
  staff: StaffView,
  /** The password the server made (shown once, never stored in clear); null when the administrator gave one. */
  temporaryPassword: Type.Union([Type.String(), Type.Null()]),
});
export type ResetPasswordResponse = Static<typeof ResetPasswordResponse>;

export const PutGrantsBody = Closed({
  grants: Grants,
  /** Optional optimistic concurrency: the grantsVersion read; 409 STALE_VERSION when it changed. */
  grantsVersion: Type.Optional(Type.String({ maxLength: 64 })),
});
export type PutGrantsBody = Static<typeof PutGrantsBody>;
