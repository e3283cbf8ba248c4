// Who is calling. Filled by the auth hook from a session cookie or a Bearer token.
import type { Role } from '../../common/auth/roles.ts';

export type Grant = {
  role: Role;
  agencyId: string;
  agencyCode: string;
  agencyName: string;
  unitCode: string;
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
};

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}
