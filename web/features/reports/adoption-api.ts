// The adoption monitor's endpoints (common/contracts/report-adoption.ts): the monitor, the explanation
// requests (asked by the province's administrator, answered by the agency's leader); types only from
// the contract, so TypeBox is not bundled.
import type {
  AdoptionAgency,
  AdoptionGroup,
  AdoptionResponse,
  ExplanationList,
  ExplanationView,
} from '../../../common/contracts/report-adoption.ts';
import type { ExplanationState } from '../../../common/reports/adoption.ts';
import { apiGet, apiPostOnce } from '../../app/http.ts';
import { featureQueries } from '../../app/query.ts';

export type { AdoptionAgency, AdoptionGroup, AdoptionResponse, ExplanationList, ExplanationView };

export type AdoptionQuery = { from: string; to: string; agencyCode?: string | undefined };
export type RequestsQuery = { state?: ExplanationState | undefined };

const read = featureQueries('adoption');

/** The reads as queries (keys `['adoption', ...]`; app/query.ts); `all` refreshes them after a change. */
export const adoptionQueries = {
  all: ['adoption'] as const,
  monitor: (q: AdoptionQuery) =>
    read('monitor', q, (signal) => apiGet<AdoptionResponse>('/api/v1/reports/adoption', q, signal)),
  /** The requests within reach, or (`mine`) those addressed to the agencies the user leads. */
  requests: (mine: boolean, q: RequestsQuery) =>
    read('requests', { ...q, mine }, (signal) =>
      apiGet<ExplanationList>(`/api/v1/reports/adoption/explanations${mine ? '/mine' : ''}`, q, signal),
    ),
};

export type ExplanationRequest = {
  agencyCode: string;
  from: string;
  to: string;
  dueOn: string;
  message: string;
};

/** Asks an agency to explain; the key makes a repeated click or a retry the same request. */
export function askExplanation(body: ExplanationRequest, idempotencyKey: string): Promise<ExplanationView> {
  return apiPostOnce('/api/v1/reports/adoption/explanations', body, idempotencyKey);
}

export function answerExplanation(
  id: string,
  text: string,
  idempotencyKey: string,
): Promise<ExplanationView> {
  return apiPostOnce(
    `/api/v1/reports/adoption/explanations/${encodeURIComponent(id)}/answer`,
    { text },
    idempotencyKey,
  );
}
