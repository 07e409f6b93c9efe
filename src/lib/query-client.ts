/**
 * QueryClient defaults, set once. The client itself is created by the app provider (one per app, one per test).
 */
import { MutationCache, QueryCache, QueryClient, type Query, type QueryClientConfig } from '@tanstack/react-query';

import { ApiError, NetworkError } from './api-client';
import { resourceKeys } from './resource-keys';
import { isTroubleError, reportFailure, reportSuccess } from './upstream-trouble';

export const DEFAULT_STALE_TIME = 30_000;
const MAX_RETRIES = 2;
/** The `meta` flag of a query whose failed background refreshes do not toast. */
export const QUIET_BACKGROUND_ERRORS = 'quietBackgroundErrors';

/** Only failures that may go away by themselves are retried: no answer, or a 5xx. Never a 4xx or a schema error. */
export function isRetryable(error: unknown): boolean {
  return error instanceof NetworkError || (error instanceof ApiError && error.isServerError);
}

/**
 * A 5xx with nothing to show goes to the route error boundary; everything else is shown in place by the page. An
 * unreachable API (502/503/504, or no answer at all) is also shown in place, under the trouble banner: the query
 * stays mounted, so the polling that retries it brings the page back by itself.
 */
export function shouldThrowToBoundary(error: unknown, query: { state: { data: unknown } }): boolean {
  return error instanceof ApiError && error.isServerError && !isTroubleError(error) && query.state.data === undefined;
}

/**
 * A query whose failure the page shows where its data would be (a name, a label, a panel, a picker) rather than by the
 * route's error boundary: every query but the one a page is about. `useQuery(errorsInPlace(releaseQueries.detail(id)))`.
 */
export function errorsInPlace<Options extends object>(options: Options): Options & { throwOnError: false } {
  return { ...options, throwOnError: false };
}

/** Whether a query's answer comes from the console server itself rather than from the API behind it. */
function isConsoleQuery(query: { queryKey: readonly unknown[] }): boolean {
  return query.queryKey[0] === resourceKeys.console.all[0];
}

export type CreateQueryClientOptions = {
  /** Called when a refetch fails while the query already had data (a failed background refresh). */
  onBackgroundError?: (error: Error, query: Query<unknown, unknown, unknown, readonly unknown[]>) => void;
  /** Tests turn retries off. */
  retry?: boolean;
};

export function createQueryClient(options: CreateQueryClientOptions = {}): QueryClient {
  const config: QueryClientConfig = {
    queryCache: new QueryCache({
      onSuccess: (_data, query) => reportSuccess(isConsoleQuery(query) ? 'console' : 'api'),
      onError: (error, query) => {
        // The trouble banner says it once for every page; a failed refresh toasts only for other failures.
        reportFailure(error);
        if (isTroubleError(error)) return;
        // Only background refreshes toast: a first load that fails is an error state on the page itself. A query
        // polled every second (live counters) opts out with `meta: { quietBackgroundErrors: true }` and shows its
        // own staleness instead of a toast a second.
        if (query.state.data !== undefined && query.meta?.[QUIET_BACKGROUND_ERRORS] !== true)
          options.onBackgroundError?.(error, query);
      },
    }),
    mutationCache: new MutationCache({
      onSuccess: () => reportSuccess('api'),
      onError: (error) => reportFailure(error),
    }),
    defaultOptions: {
      queries: {
        staleTime: DEFAULT_STALE_TIME,
        retry:
          options.retry === false ? false : (failureCount, error) => failureCount < MAX_RETRIES && isRetryable(error),
        throwOnError: shouldThrowToBoundary,
        // Live updates (or the polling fallback) keep data fresh and resync when the tab comes back.
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  };
  return new QueryClient(config);
}
