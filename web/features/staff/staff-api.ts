// The staff endpoints (common/contracts/staff.ts). The server decides reach: a list holds only the
// staff of agencies the user reaches, and every change is refused outside the user's administration.
import type {
  CreateStaffBody,
  PutGrantsBody,
  ResetPasswordResponse,
  StaffListResponse,
  StaffView,
} from '../../../common/contracts/staff.ts';
import type { Role } from '../../../common/auth/roles.ts';
import { apiGet, apiPost, apiPostFile, apiPut } from '../../app/http.ts';
import type { StaffImportReport } from '../../../common/contracts/staff-import.ts';
import { featureQueries } from '../../app/query.ts';

export type { CreateStaffBody, StaffImportReport, StaffView };
export type StaffGrantInput = PutGrantsBody['grants'][number];

export type StaffQuery = {
  q?: string | undefined;
  agencyCode?: string | undefined;
  below?: boolean | undefined;
  role?: Role | undefined;
  active?: boolean | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
};

export const STAFF_PAGE_SIZE = 20;
const base = '/api/v1/staff';
const one = (username: string): string => `${base}/${encodeURIComponent(username)}`;

export function listStaff(query: StaffQuery, signal?: AbortSignal): Promise<StaffListResponse> {
  return apiGet(
    base,
    {
      ...query,
      active: query.active === undefined ? undefined : String(query.active),
      below: query.below ? 'true' : undefined,
    },
    signal,
  );
}

export function createStaff(body: CreateStaffBody): Promise<StaffView> {
  return apiPost(base, body);
}

export function putGrants(username: string, body: PutGrantsBody): Promise<StaffView> {
  return apiPut(`${one(username)}/grants`, body);
}

export function setStaffActive(username: string, active: boolean): Promise<StaffView> {
  return apiPost(`${one(username)}/${active ? 'activate' : 'deactivate'}`);
}

/** A temporary password made by the server (shown once) when `password` is not given (#14). */
export function resetStaffPassword(username: string, password?: string): Promise<ResetPasswordResponse> {
  return apiPost(`${one(username)}/password-reset`, password === undefined ? {} : { password });
}

/** The staff list (CSV or .xlsx) run as a dry run, or for real when `apply` (#17). */
export function importStaffList(file: Blob, contentType: string, apply: boolean): Promise<StaffImportReport> {
  return apiPostFile(`${base}/import`, file, contentType, { dryRun: apply ? 'false' : 'true' });
}

const read = featureQueries('staff');

/** The staff reads as queries (keys `['staff', ...]`; app/query.ts). */
export const staffQueries = {
  all: ['staff'] as const,
  list: (query: StaffQuery) => read('list', query, (signal) => listStaff(query, signal)),
};
