/**
 * QueryClient defaults, set once. The client itself is created by the app provider (one per app, one per test).
 */
import { QueryCache, QueryClient, type Query, type QueryClientConfig } from '@tanstack/react-query';

import { ApiError, NetworkError } from './api-client';

export const DEFAULT_STALE_TIME = 30_000;
const MAX_RETRIES = 2;

/** Only failures that may go away by themselves are retried: no answer, or a 5xx. Never a 4xx or a schema error. */
export function isRetryable(error: unknown): boolean {
  return error instanceof NetworkError || (error instanceof ApiError && error.isServerError);
}

/** A 5xx with nothing to show goes to the route error boundary; everything else is shown in place by the page. */
export function shouldThrowToBoundary(error: unknown, query: { state: { data: unknown } }): boolean {
  return error instanceof ApiError && error.isServerError && query.state.data === undefined;
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
      onError: (error, query) => {
        // Only background refreshes toast: a first load that fails is an error state on the page itself.
        if (query.state.data !== undefined) options.onBackgroundError?.(error, query);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: DEFAULT_STALE_TIME,
        retry: options.retry === false ? false : (failureCount, error) => failureCount < MAX_RETRIES && isRetryable(error),
        throwOnError: shouldThrowToBoundary,
        // Live updates (or the polling fallback) keep data fresh and resync when the tab comes back.
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  };
  return new QueryClient(config);
}
