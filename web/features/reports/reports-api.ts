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

export function getOverview(
  query: { month?: string | undefined; agencyCode?: string | undefined },
  signal?: AbortSignal,
): Promise<Overview> {
  return apiGet('/api/v1/reports/overview', query, signal);
}
