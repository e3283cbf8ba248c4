// Who may administer which staff grants. A grant (a role held at an agency) may be given or taken
// away by a unit or province administrator whose reach (org.policy.ts) covers its agency; the
// province-admin role itself only by a province administrator reaching it, so a unit administrator
// can never raise anyone (or themselves) above their own administration. Reading staff follows the
// ordinary read reach of any role: a leader or a desk officer may see who works in the agencies they
// reach, which is what the person picker of a dossier action needs.
import type { Role } from '../../../common/auth/roles.ts';
import type { Actor } from '../../platform/actor.ts';
import { canReachAgency, type AgencyTarget } from '../org/index.ts';

export const STAFF_ADMINS = ['unit-admin', 'province-admin'] as const satisfies readonly Role[];

/** Roles that only a province administrator may give or take away. */
export const PROVINCE_ONLY_ROLES: readonly Role[] = ['province-admin'];

export type GrantTarget = AgencyTarget & { role: Role };

export function isAdminRole(role: Role): boolean {
  return (STAFF_ADMINS as readonly Role[]).includes(role);
}

/** May `actor` give or take away `grant`? */
export function canAdministerGrant(actor: Actor, grant: GrantTarget): boolean {
  const by: readonly Role[] = PROVINCE_ONLY_ROLES.includes(grant.role) ? ['province-admin'] : STAFF_ADMINS;
  return canReachAgency(actor, grant, 'write', by);
}

/** May `actor` see staff holding roles at this agency? */
export function canReadStaffAt(actor: Actor, agency: AgencyTarget): boolean {
  return canReachAgency(actor, agency, 'read');
}

/**
 * May `actor` deactivate, activate or re-grant this account as a whole? Only when every grant it
 * holds is theirs to administer (an account with a role elsewhere is not theirs to switch off),
 * and never their own account.
 */
export function canManageAccount(actor: Actor, userId: string, grants: readonly GrantTarget[]): boolean {
  if (userId === actor.userId || grants.length === 0) return false;
  return grants.every((g) => canAdministerGrant(actor, g));
}
