// Reach of a role (phạm vi): a user of an agency acts within that agency, the agencies under it,
// and the units below its unit — never beside or above. Province-admins and auditors hold their
// role at the provincial People's Committee, whose reach is the whole province. Auditors only read.
import { READ_ONLY_ROLES, type Role } from '../../../common/auth/roles.ts';
import type { Actor, Grant } from '../../platform/actor.ts';

export type AgencyTarget = { agencyPath: string; unitPath: string };

export function grantReachesUnit(grant: Pick<Grant, 'unitPath'>, unitPath: string): boolean {
  return unitPath.startsWith(grant.unitPath);
}

export function grantReachesAgency(
  grant: Pick<Grant, 'unitPath' | 'agencyPath'>,
  target: AgencyTarget,
): boolean {
  if (target.agencyPath.startsWith(grant.agencyPath)) return true;
  return target.unitPath !== grant.unitPath && target.unitPath.startsWith(grant.unitPath);
}

export type Access = 'read' | 'write';

function allows(role: Role, access: Access, roles: readonly Role[] | undefined): boolean {
  if (access === 'write' && READ_ONLY_ROLES.includes(role)) return false;
  return roles === undefined || roles.includes(role);
}

/** The grants of `actor` that allow `access` to `target`, optionally limited to some roles. */
export function grantsForAgency(
  actor: Actor,
  target: AgencyTarget,
  access: Access,
  roles?: readonly Role[],
): Grant[] {
  return actor.grants.filter((g) => allows(g.role, access, roles) && grantReachesAgency(g, target));
}

export function canReachUnit(
  actor: Actor,
  unitPath: string,
  access: Access,
  roles?: readonly Role[],
): boolean {
  return actor.grants.some((g) => allows(g.role, access, roles) && grantReachesUnit(g, unitPath));
}

export function canReachAgency(
  actor: Actor,
  target: AgencyTarget,
  access: Access,
  roles?: readonly Role[],
): boolean {
  return grantsForAgency(actor, target, access, roles).length > 0;
}
