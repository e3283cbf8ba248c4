// The feedback endpoints (common/contracts/feedback.ts; docs/domain/feedback.md), types only from the
// contract so that TypeBox stays out of the portal's chunks. The portal's calls go as the citizen
// (a 401 there never ends a staff session); the staff's through the staff client, every action with
// If-Match: <version> (409 STALE_VERSION when someone acted first).
import { queryOptions } from '@tanstack/react-query';
import type {
  FeedbackAction,
  FeedbackDetail,
  FeedbackList,
  FeedbackListQuery,
  FeedbackRatingBody,
  FeedbackReport,
  FeedbackSettings,
  FeedbackSettingsBody,
  PublicFeedback,
  PublishedFeedbackList,
  RecordFeedbackBody,
  SubmitFeedbackBody,
  SubmitFeedbackResponse,
} from '../../../common/contracts/feedback.ts';
import { apiGet, apiRequest } from '../../app/http.ts';
import { featureQueries } from '../../app/query.ts';
import { citizenRequest } from '../citizen/citizen-http.ts';

export type {
  FeedbackAction,
  FeedbackDetail,
  FeedbackList,
  FeedbackListQuery,
  FeedbackReport,
  FeedbackSettings,
  PublicFeedback,
  PublishedFeedbackList,
  SubmitFeedbackBody,
  SubmitFeedbackResponse,
};
export type FeedbackRow = FeedbackList['items'][number];

/** Where the portal's attachments go (each answered with its fileId and uploadToken). */
export const FEEDBACK_FILES_URL = '/api/v1/public/feedback/files';

const enc = encodeURIComponent;

/** Sent once: a retry under the same Idempotency-Key (a lost answer, a double click) is the same PAKN. */
export function submitFeedback(
  body: SubmitFeedbackBody,
  idempotencyKey: string,
): Promise<SubmitFeedbackResponse> {
  return citizenRequest('POST', '/api/v1/feedback', { body, headers: { 'idempotency-key': idempotencyKey } });
}

export function rateFeedback(
  code: string,
  body: FeedbackRatingBody,
): Promise<{ code: string; level: string; label: string; ratedAt: string }> {
  return citizenRequest('POST', `/api/v1/public/feedback/${enc(code)}/rating`, { body });
}

/** Recorded once: a retry under the same Idempotency-Key is the same PAKN. */
export function recordFeedback(
  body: RecordFeedbackBody,
  idempotencyKey: string,
): Promise<SubmitFeedbackResponse> {
  return apiRequest('POST', '/api/v1/feedback/recorded', {
    body,
    headers: { 'idempotency-key': idempotencyKey },
  });
}

export function actOnFeedback(
  code: string,
  action: FeedbackAction,
  version: number,
  body: object,
): Promise<FeedbackDetail> {
  return apiRequest('POST', `/api/v1/feedback/${enc(code)}/actions/${action}`, {
    body,
    headers: { 'if-match': String(version) },
  });
}

export function saveFeedbackSettings(
  provinceCode: string,
  version: number,
  body: FeedbackSettingsBody,
): Promise<FeedbackSettings> {
  return apiRequest('PUT', '/api/v1/feedback/settings', {
    body,
    query: { provinceCode },
    headers: { 'if-match': String(version) },
  });
}

/** One page of the register (50 rows from `cursor`). */
export function listFeedback(ask: RegisterAsk, signal?: AbortSignal): Promise<FeedbackList> {
  return apiGet<FeedbackList>('/api/v1/feedback', { ...ask, limit: 50 }, signal);
}

const read = featureQueries('feedback');

export type RegisterAsk = Pick<FeedbackListQuery, 'status' | 'due' | 'q' | 'agencyCode'> & {
  cursor?: string | undefined;
};

/** The staff's reads, keyed `['feedback', …]`; the portal's lookup is a citizen key. */
export const feedbackQueries = {
  all: ['feedback'] as const,
  /** The register's counts only (the home page's card): one row asked, the totals read. */
  totals: () =>
    read('totals', {}, (signal) => apiGet<FeedbackList>('/api/v1/feedback', { limit: 1 }, signal)),
  one: (code: string) =>
    read('one', { code }, (signal) =>
      apiGet<FeedbackDetail>(`/api/v1/feedback/${enc(code)}`, undefined, signal),
    ),
  settings: (provinceCode: string) =>
    read('settings', { provinceCode }, (signal) =>
      apiGet<FeedbackSettings>('/api/v1/feedback/settings', { provinceCode }, signal),
    ),
  report: (ask: { from: string; to: string; agencyCode?: string | undefined }) =>
    read('report', ask, (signal) => apiGet<FeedbackReport>('/api/v1/reports/feedback', ask, signal)),
  /** The answers published (GET /public/feedback), a citizen key: anyone reads them. */
  published: (ask: { q?: string | undefined; page: number }) =>
    queryOptions({
      queryKey: ['citizen', 'feedback', 'published', ask] as const,
      queryFn: ({ signal }) =>
        citizenRequest<PublishedFeedbackList>('GET', '/api/v1/public/feedback', { query: ask, signal }),
    }),
  lookup: (code: string) =>
    queryOptions({
      queryKey: ['citizen', 'feedback', code] as const,
      queryFn: ({ signal }) =>
        citizenRequest<PublicFeedback>('GET', `/api/v1/public/feedback/${enc(code)}`, { signal }),
    }),
};
