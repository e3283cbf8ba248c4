// The overview and Biểu II.06a endpoints (common/contracts/reports.ts, report-ii06a.ts); types only
// from the contracts, so TypeBox is not bundled.
import type { OverviewResponse } from '../../../common/contracts/reports.ts';
import type { Ii06aDrillResponse, Ii06aResponse } from '../../../common/contracts/report-ii06a.ts';
import type { Ii06aCell } from '../../../common/reports/ii06a.ts';
import type { Ii06aApiQuery } from './ii06a-model.ts';
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

export type { Ii06aResponse, Ii06aRow, Ii06aDrillItem } from '../../../common/contracts/report-ii06a.ts';

export function getIi06a(query: Ii06aApiQuery, signal?: AbortSignal): Promise<Ii06aResponse> {
  return apiGet('/api/v1/reports/ii06a', query, signal);
}

export type Ii06aDrillQuery = Ii06aApiQuery & {
  key: string | undefined;
  cell: Ii06aCell;
  page: number;
  pageSize: number;
};

export function getIi06aDossiers(query: Ii06aDrillQuery, signal?: AbortSignal): Promise<Ii06aDrillResponse> {
  return apiGet('/api/v1/reports/ii06a/dossiers', query, signal);
}

const read = featureQueries('reports');

/** The report reads as queries (keys `['reports', ...]`; app/query.ts). */
export const reportQueries = {
  all: ['reports'] as const,
  overview: (query: OverviewQuery) => read('overview', query, (signal) => getOverview(query, signal)),
  ii06a: (query: Ii06aApiQuery) => read('ii06a', query, (signal) => getIi06a(query, signal)),
  ii06aDossiers: (query: Ii06aDrillQuery) =>
    read('ii06a-dossiers', query, (signal) => getIi06aDossiers(query, signal)),
};
