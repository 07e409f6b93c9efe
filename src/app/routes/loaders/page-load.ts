/**
 * Route loaders: each page's queries start as the navigation starts, in parallel with the page's code, and each
 * query that waits for another's answer (a deployment's scope, a release's build) starts as soon as that answer is in,
 * not when the component that shows it renders.
 *
 * A loader never holds the navigation: it starts the queries and returns. The page reads the same queries (same
 * factories, same keys), so it finds them in flight or answered; a failure is shown by the page itself, as before.
 * A loader starts only queries its page asks for in any case, so it adds no request a page would not make.
 */
import type { FetchQueryOptions, QueryClient, QueryKey } from '@tanstack/react-query';
import type { Params } from 'react-router-dom';

export type PageLoadArgs = { params: Params; search: URLSearchParams };

export type PageLoad = (queries: PageQueries, args: PageLoadArgs) => void;

export type PageQueries = {
  /** Starts a query (a no-op while it is fresh in the cache). */
  start<Data, Key extends QueryKey>(options: FetchQueryOptions<Data, Error, Data, Key>): void;
  /** Its answer, cached or fetched, for the queries that need it; undefined when it failed (the page says so). */
  read<Data, Key extends QueryKey>(options: FetchQueryOptions<Data, Error, Data, Key>): Promise<Data | undefined>;
};

export function pageQueries(queryClient: QueryClient): PageQueries {
  return {
    start: (options) => void queryClient.prefetchQuery(options),
    read: (options) => queryClient.ensureQueryData(options).catch(() => undefined),
  };
}
