// The overview endpoint (common/contracts/reports.ts); types only from the contract, so TypeBox is
// not bundled.
import { queryOptions } from '@tanstack/react-query';
import type { OverviewResponse } from '../../../common/contracts/reports.ts';
import { apiGet } from '../../app/http.ts';

export type Overview = OverviewResponse;
export type {
  OverviewAgency,
  OverviewAgencyRow,
  OverviewFigures,
} from '../../../common/contracts/reports.ts';

export type OverviewQuery = { month?: string | undefined; agencyCode?: string | undefined };

export function getOverview(query: OverviewQuery, signal?: AbortSignal): Promise<Overview> {
  return apiGet('/api/v1/reports/overview', query, signal);
}

/** The report reads as queries (keys `['reports', ...]`; app/query.ts). */
export const reportQueries = {
  all: ['reports'] as const,
  overview: (query: OverviewQuery) =>
    queryOptions({
      queryKey: ['reports', 'overview', query] as const,
      queryFn: ({ signal }) => getOverview(query, signal),
    }),
};
