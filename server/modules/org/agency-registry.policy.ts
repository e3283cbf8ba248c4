// Who may change which agency (#16.2). Renaming an agency and managing its receiving points (desks) is
// for unit and province administrators whose reach (org.policy.ts) covers it; creating, re-coding,
// moving and closing agencies and importing a province's codes is for province administrators, within
// their province only. Auditors and the other roles change nothing here.
import type { Role } from '../../../common/auth/roles.ts';
import type { Actor } from '../../platform/actor.ts';
import { canReachAgency, canReachUnit, type AgencyTarget } from './org.policy.ts';
import { fail } from './org.errors.ts';

export const REGISTRY_ACTS = ['rename', 'desks', 'create', 'recode', 'move', 'close', 'import'] as const;
export type RegistryAct = (typeof REGISTRY_ACTS)[number];

const PROVINCE_ADMINS: readonly Role[] = ['province-admin'];
const ADMINS: readonly Role[] = ['unit-admin', 'province-admin'];

/** The roles that may do `act`. */
export function rolesFor(act: RegistryAct): readonly Role[] {
  return act === 'rename' || act === 'desks' ? ADMINS : PROVINCE_ADMINS;
}

/** May `actor` do `act` to an existing agency? */
export function mayChangeAgency(actor: Actor, target: AgencyTarget, act: RegistryAct): boolean {
  return canReachAgency(actor, target, 'write', rolesFor(act));
}

/** May `actor` open an agency in the unit at `unitPath` (and import codes there)? */
export function mayOpenAgencyIn(actor: Actor, unitPath: string): boolean {
  return canReachUnit(actor, unitPath, 'write', PROVINCE_ADMINS);
}

/**
 * Throws unless `actor` may do `act` to the agency: 403 naming the reach when the caller reaches it
 * not even to read, else 403 naming the roles that may.
 */
export function requireAgencyChange(actor: Actor, target: AgencyTarget, act: RegistryAct): void {
  if (mayChangeAgency(actor, target, act)) return;
  if (!canReachAgency(actor, target, 'read')) throw fail('ORG_AGENCY_OUT_OF_REACH');
  throw fail(rolesFor(act) === ADMINS ? 'ORG_REGISTRY_ADMINS_ONLY' : 'ORG_REGISTRY_PROVINCE_ADMINS_ONLY');
}

/** The provinces (unit codes) the caller administers as a province administrator. */
export function administeredProvinces(actor: Actor): string[] {
  const provinces = actor.grants
    .filter((g) => g.role === 'province-admin')
    .map((g) => g.unitPath.split('/')[1])
    .filter((p): p is string => p !== undefined && p !== '');
  return [...new Set(provinces)];
}
