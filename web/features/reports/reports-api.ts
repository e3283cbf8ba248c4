// The overview endpoint (common/contracts/reports.ts); types only from the contract, so TypeBox is
// not bundled.
import type { OverviewResponse } from '../../../common/contracts/reports.ts';
import { apiGet } from '../../app/http.ts';

export type Overview = OverviewResponse;
export type {
  OverviewAgency,
  OverviewAgencyRow,
  OverviewFigures,
} from '../../../common/contracts/reports.ts';
import { featureQueries } from '../../app/query.ts';

export type OverviewQuery = { month?: string | undefined; agencyCode?: string | undefined };

export function getOverview(query: OverviewQuery, signal?: AbortSignal): Promise<Overview> {
  return apiGet('/api/v1/reports/overview', query, signal);
}

const read = featureQueries('reports');

/** The report reads as queries (keys `['reports', ...]`; app/query.ts). */
export const reportQueries = {
  all: ['reports'] as const,
  overview: (query: OverviewQuery) => read('overview', query, (signal) => getOverview(query, signal)),
};
