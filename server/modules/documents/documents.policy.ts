// Who may read an applicant's document store. The citizen reads their own records (their vouched ID
// number); among staff only those who receive dossiers, the desk officers, may look an applicant's
// records up, to reuse them at intake instead of asking for the paper again (ND 45/2020 Điều 16; legal
// notes B2), and only the records issued in their province: the store lives on the province's system
// (ND 45/2020 Điều 16 as amended by ND 118/2025 Điều 40 k8). A desk may receive for any agency of its
// province (QĐ 468/QĐ-TTg), so the reach is the province, not the desk's own agency.
import type { Role } from '../../../common/auth/roles.ts';
import type { Grant } from '../../platform/actor.ts';

/** The roles that receive dossiers, hence may look an applicant's records up. */
export const DOCUMENT_LOOKUP_ROLES: readonly Role[] = ['desk-officer'];

/** The province part of a unit path: `/01/002/00070/` → `/01/`. */
export function provinceOf(unitPath: string): string {
  const end = unitPath.indexOf('/', 1);
  return end < 0 ? unitPath : unitPath.slice(0, end + 1);
}

/**
 * The provinces (unit path prefixes) whose records the holder of `grants` may look up: those of their
 * desk-officer grants; none for any other role.
 */
export function documentLookupProvinces(grants: readonly Pick<Grant, 'role' | 'unitPath'>[]): string[] {
  return [
    ...new Set(
      grants.filter((g) => DOCUMENT_LOOKUP_ROLES.includes(g.role)).map((g) => provinceOf(g.unitPath)),
    ),
  ].sort();
}
