// The staff list's filters as the page holds them, and the request they make.
import type { Role } from '../../../common/auth/roles.ts';
import { STAFF_PAGE_SIZE, type StaffQuery } from './staff-api.ts';
import type { PickedAgency } from './grants-rows.ts';

export type StaffStatus = 'all' | 'active' | 'inactive';
export type StaffFilters = {
  q: string;
  role: Role | '';
  status: StaffStatus;
  /** Holders of a role at this agency; with `below`, also at the agencies it reaches (#14). */
  agency: PickedAgency | null;
  below: boolean;
};

export const NO_FILTERS: StaffFilters = { q: '', role: '', status: 'all', agency: null, below: false };

/** The request for a page of the list: blank filters left out. */
export function staffQuery(filters: StaffFilters, page: number): StaffQuery {
  return {
    q: filters.q.trim() || undefined,
    role: filters.role || undefined,
    agencyCode: filters.agency?.code,
    below: filters.agency && filters.below ? true : undefined,
    active: filters.status === 'all' ? undefined : filters.status === 'active',
    page,
    pageSize: STAFF_PAGE_SIZE,
  };
}
