// The KPI, Decision 766 and drill-down endpoints (common/contracts/report-kpis.ts, report-766.ts);
// types only from the contracts, so TypeBox is not bundled.
import type {
  KpiDrillResponse,
  KpiProceduresResponse,
  KpisResponse,
  KpiTargetsResponse,
  KpiTargetValues,
} from '../../../common/contracts/report-kpis.ts';
import type {
  Index766Response,
  Official766,
  PutOfficial766Body,
} from '../../../common/contracts/report-766.ts';
import type { Ii06aDrillResponse } from '../../../common/contracts/report-ii06a.ts';
import { apiGet, apiPut } from '../../app/http.ts';
import { featureQueries } from '../../app/query.ts';

export type { Index766Response, KpisResponse, KpiTargetsResponse, KpiTargetValues, Official766 };
export type DrillResponse = KpiDrillResponse | Ii06aDrillResponse | KpiProceduresResponse;

export type ReportPeriod = { from: string; to: string; agencyCode?: string | undefined };

const read = featureQueries('reports');

export const kpiQueries = {
  kpis: (q: ReportPeriod) =>
    read('kpis', q, (signal) => apiGet<KpisResponse>('/api/v1/reports/kpis', q, signal)),
  index766: (q: ReportPeriod) =>
    read('index-766', q, (signal) => apiGet<Index766Response>('/api/v1/reports/index-766', q, signal)),
  targets: (province: string) =>
    read('kpi-targets', province, (signal) =>
      apiGet<KpiTargetsResponse>(`/api/v1/provinces/${encodeURIComponent(province)}/kpi-targets`, {}, signal),
    ),
  /** A drill link of a report (an API path with its query), read as it is. */
  drill: (link: string) => read('drill', link, (signal) => apiGet<DrillResponse>(link, {}, signal)),
};

export function putTargets(
  province: string,
  body: { version: number; targets: KpiTargetValues; note?: string },
): Promise<KpiTargetsResponse> {
  return apiPut(`/api/v1/provinces/${encodeURIComponent(province)}/kpi-targets`, body);
}

export function putOfficial(body: PutOfficial766Body): Promise<Official766> {
  return apiPut('/api/v1/reports/index-766/official', body);
}
