// Which counters the home page shows (common/dossiers/worklists.ts ROLE_COUNTERS): one block per role
// that has counters, in the order the user's roles come, with the agencies the user holds it at.
import { ROLE_COUNTERS, type Worklist } from '../../../common/dossiers/worklists.ts';
import type { Role } from '../../../common/auth/roles.ts';
import { withQuery } from '../http.ts';
import { PATHS } from '../paths.ts';

export type RoleCounters = { role: Role; agencies: string[]; lists: readonly Worklist[] };

export function roleCounters(roles: readonly { role: Role; agencyName: string }[]): RoleCounters[] {
  const blocks = new Map<Role, RoleCounters>();
  for (const r of roles) {
    const lists = ROLE_COUNTERS[r.role];
    if (!lists) continue;
    const block = blocks.get(r.role) ?? { role: r.role, agencies: [], lists };
    if (!block.agencies.includes(r.agencyName)) block.agencies.push(r.agencyName);
    blocks.set(r.role, block);
  }
  return [...blocks.values()];
}

/** The worklist a counter opens (the worklist page reads `ds`). */
export const worklistPath = (list: Worklist): string => withQuery(PATHS.dossiers, { ds: list });
