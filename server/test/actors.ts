// Actors for the policy properties: grants held at places of a generated tree, whose paths stand in for
// the agency's id, code and name.
import type { Role } from '../../common/auth/roles.ts';
import type { Actor, Grant } from '../platform/actor.ts';

/** A place in a generated tree: a unit and one of its agencies, by path. */
export type Place = { unitPath: string; agencyPath: string };

/** `role` held at place `n`. */
export const grantAt = (n: Place, role: Role): Grant => ({
  role,
  agencyId: n.agencyPath,
  agencyCode: n.agencyPath,
  agencyName: n.agencyPath,
  unitCode: n.unitPath,
  unitId: n.unitPath,
  agencyPath: n.agencyPath,
  unitPath: n.unitPath,
});

/** A signed-in staff member holding `grants`. */
export const actorWith = (grants: Grant[]): Actor => ({
  userId: '1',
  username: 'u',
  fullName: 'U',
  grants,
  via: 'session',
});
