import { listEnvelopeSchema, MAX_PAGE_LIMIT } from '@contract/common';
import { consolePaths, scopeRuntimeSchema } from '@contract/console';
import { scopeSchema } from '@contract/scope';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';

import { ApiError, apiGet, apiPath } from '@/lib/api-client';
import { resourceKeys } from '@/lib/resource-keys';

export type ScopeListFilters = { application_id: number; limit: number; offset: number };

const scopeListSchema = listEnvelopeSchema(scopeSchema);
const keys = resourceKeys.scope;

/** How often the runtime (instances and their last health check) is refreshed while shown. */
export const RUNTIME_REFRESH_MS = 5_000;

function list(filters: ScopeListFilters) {
  return queryOptions({
    queryKey: keys.list(filters),
    queryFn: ({ signal }) => apiGet(apiPath('/scope', { ...filters, sort: 'name:asc' }), scopeListSchema, { signal }),
    placeholderData: keepPreviousData,
  });
}

export const scopeQueries = {
  all: () => keys.all,
  lists: () => keys.lists(),
  list,
  /** Every scope of an application (applications have few; one page of the API's maximum size). */
  ofApplication: (applicationId: number) => list({ application_id: applicationId, limit: MAX_PAGE_LIMIT, offset: 0 }),
  details: () => keys.details(),
  detail: (scopeId: number) =>
    queryOptions({
      queryKey: keys.detail(scopeId),
      queryFn: ({ signal }) => apiGet(apiPath(`/scope/${scopeId}`), scopeSchema, { signal }),
    }),
  /** Console-only: 404 in connected mode, where nullplatform reports health itself. */
  runtime: (scopeId: number) =>
    queryOptions({
      queryKey: keys.runtime(scopeId),
      queryFn: ({ signal }) => apiGet(consolePaths.scopeRuntime(scopeId), scopeRuntimeSchema, { signal }),
      refetchInterval: (query) => (query.state.error instanceof ApiError && query.state.error.isNotFound ? false : RUNTIME_REFRESH_MS),
      retry: false,
      throwOnError: false,
    }),
};
