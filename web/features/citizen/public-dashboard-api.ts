// The public dashboard (GET /api/v1/public/dashboard) and the provinces to choose from
// (GET /api/v1/public/places, the units at the top of the map in force); types only from the contracts.
import type { PublicDashboardResponse, PublicUnit } from '../../../common/contracts/report-766.ts';
import type { PlacesResponse } from '../../../common/contracts/org.ts';
import { apiGet } from '../../app/http.ts';
import { featureQueries } from '../../app/query.ts';

export type { PublicDashboardResponse, PublicUnit };

const read = featureQueries('public-dashboard');

export const dashboardQueries = {
  dashboard: (q: { province: string; month: string }) =>
    read('dashboard', q, (signal) => apiGet<PublicDashboardResponse>('/api/v1/public/dashboard', q, signal)),
  provinces: () =>
    read('provinces', {}, (signal) =>
      apiGet<PlacesResponse>('/api/v1/public/places', { kind: 'unit', pageSize: 50 }, signal),
    ),
};
