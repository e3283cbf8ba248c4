// The agency registry's endpoints (common/contracts/org-registry.ts). The server decides reach: a read
// outside it answers 403, and every change is refused outside the administrator's reach.
import type {
  AgencyDetail,
  AgencyImportPlanView,
  CreateAgencyBody,
  DeskList,
  DeskView,
  ImportItemView,
  UpdateAgencyBody,
} from '../../../common/contracts/org-registry.ts';
import { apiDelete, apiGet, apiPatch, apiPost, apiPostFile } from '../../app/http.ts';
import { featureQueries } from '../../app/query.ts';

export type {
  AgencyDetail,
  AgencyImportPlanView,
  CreateAgencyBody,
  DeskList,
  DeskView,
  ImportItemView,
  UpdateAgencyBody,
};

const one = (code: string): string => `/api/v1/agencies/${encodeURIComponent(code)}`;
const desk = (id: string): string => `/api/v1/desks/${encodeURIComponent(id)}`;

export function getAgency(code: string, signal?: AbortSignal): Promise<AgencyDetail> {
  return apiGet(one(code), undefined, signal);
}

export function createAgency(body: CreateAgencyBody): Promise<AgencyDetail> {
  return apiPost('/api/v1/agencies', body);
}

export function updateAgency(code: string, body: UpdateAgencyBody): Promise<AgencyDetail> {
  return apiPatch(one(code), body);
}

export function closeAgency(code: string, closedOn: string): Promise<AgencyDetail> {
  return apiPost(`${one(code)}/closure`, { closedOn });
}

export function addDesk(code: string, name: string): Promise<DeskView> {
  return apiPost(`${one(code)}/desks`, { name });
}

export function renameDesk(id: string, name: string): Promise<DeskView> {
  return apiPatch(desk(id), { name });
}

export function removeDesk(id: string): Promise<void> {
  return apiDelete(desk(id));
}

/** The code list's plan (`apply: false`), or the list applied as a whole (`apply: true`). */
export function importCodes(file: Blob, contentType: string, apply: boolean): Promise<AgencyImportPlanView> {
  return apiPostFile(
    apply ? '/api/v1/agencies/import' : '/api/v1/agencies/import/dry-run',
    file,
    contentType,
  );
}

const read = featureQueries('org-admin');

/** The registry's reads as queries (keys `['org-admin', ...]`; app/query.ts). */
export const orgAdminQueries = {
  all: ['org-admin'] as const,
  agency: (code: string) => read('agency', { code }, (signal) => getAgency(code, signal)),
};
