// Server state in the web app: one QueryClient (TanStack Query v5) for the whole app, with the
// defaults of a back office, and the conventions every page follows (docs/web.md, "Data").
//
// Query keys: `[feature, entity, params]`, built by `featureQueries(feature)` in the `<feature>Queries`
// object beside the feature's calls in its *-api.ts (dossierQueries, syncQueries, citizenQueries ...). Params are the request's
// own query object, so two pages asking the same thing share one cache entry. A change invalidates
// by prefix: `invalidate(syncKeys.all)` refetches every list of that feature that is on screen.
// Citizen queries start with 'citizen', so the citizen's sign-out drops them and nothing else.
import { QueryClient, queryOptions, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError } from './http.ts';

/**
 * Worth asking again: the server could not be reached or failed (5xx). A 4xx is an answer (not
 * allowed, not found, invalid) that a second try would repeat; a bug in our code (not an ApiError)
 * would repeat too.
 */
export function isTransient(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.status >= 500);
}

/** Reads retry once, and only after a transient failure. */
export function retryOnce(failureCount: number, error: unknown): boolean {
  return failureCount < 1 && isTransient(error);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: retryOnce,
        // Officers switch windows all day; a page refetches on focus only when it asks to.
        refetchOnWindowFocus: false,
        // Shown again at once when a page is revisited, and refetched behind it.
        staleTime: 0,
      },
      // A change is never repeated behind the user's back; those that may be repeated safely carry
      // an Idempotency-Key and the user's own retry.
      mutations: { retry: false },
    },
  });
}

/** Marks the queries under each key prefix stale and refetches those on screen. */
export function useInvalidate(): (...keys: QueryKey[]) => Promise<void> {
  const client = useQueryClient();
  return useCallback(
    async (...keys: QueryKey[]) => {
      await Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })));
    },
    [client],
  );
}

/** What a status line needs of a read (a useQuery result). */
export type ReadState<T> = { isFetching: boolean; isError: boolean; data: T | undefined };

/**
 * The words of a read's status line (role="status"): `loading` while it fetches, nothing after a
 * failure (the alert speaks), else what `done` says of the data.
 */
export function readStatus<T>(read: ReadState<T>, loading: string, done: (data: T) => string): string {
  if (read.isFetching) return loading;
  if (read.isError || read.data === undefined) return '';
  return done(read.data);
}

/**
 * The query builder of one feature: `read(entity, params, fetch)` gives the options of a read keyed
 * `[feature, entity, params]`, so every feature's keys have the one shape its `all` prefix invalidates.
 */
export function featureQueries<const F extends string>(feature: F) {
  return <const E extends string, const P, T>(
    entity: E,
    params: P,
    fetch: (signal: AbortSignal) => Promise<T>,
  ) => queryOptions({ queryKey: [feature, entity, params] as const, queryFn: ({ signal }) => fetch(signal) });
}
