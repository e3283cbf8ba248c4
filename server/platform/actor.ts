// Who is calling. Filled by the auth hook from a session cookie or a Bearer token.
import type { Role } from '../../common/auth/roles.ts';

export type Grant = {
  role: Role;
  agencyId: string;
  agencyCode: string;
  agencyName: string;
  unitCode: string;
  /** The agency's unit (a code names a unit only on a given day: ADR 0013). */
  unitId: string;
  /** Agency ancestry, e.g. /1/57/ */
  agencyPath: string;
  /** Unit ancestry of the agency's unit, e.g. /01/002/ */
  unitPath: string;
};

export type Actor = {
  userId: string;
  username: string;
  fullName: string;
  grants: Grant[];
  via: 'session' | 'token';
  /**
   * The password was reset (by an administrator or the CLI) and the person has not chosen their own
   * yet: the session opens only their own account (sign out, change the password), #14.
   */
  mustChangePassword?: boolean;
};

/** A citizen signed in through the identity provider (citizen session cookie). */
export type CitizenActor = {
  citizenId: string;
  /** Số định danh cá nhân, vouched for by the identity provider. */
  idNumber: string;
  fullName: string;
  phone: string | null;
  email: string | null;
  /** Date of birth (YYYY-MM-DD) as the identity provider gave it, when it gave one. */
  birthDate?: string | null;
};

/** Who acts on a dossier: staff, a citizen, or the system (payment callbacks, the national portal). */
export type Caller =
  | { kind: 'staff'; actor: Actor }
  | { kind: 'citizen'; citizen: CitizenActor }
  | { kind: 'system'; label: string };

/** A caller who is a person (the routes' callers): staff or a citizen. */
export type PersonCaller = Exclude<Caller, { kind: 'system' }>;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    citizen: CitizenActor | null;
  }
}
