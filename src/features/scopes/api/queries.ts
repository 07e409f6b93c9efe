import { consolePaths } from '@contract/console-paths';
import { queryOptions, skipToken } from '@tanstack/react-query';

import { listAll } from '@/lib/api-queries';
import { apiGet, apiPath } from '@/lib/api-client';
import { errorsInPlace } from '@/lib/query-client';
import { scopeRuntimeReader } from '@/lib/read/console';
import { scopeReader } from '@/lib/read/scope';
import { resourceKeys } from '@/lib/resource-keys';

const keys = resourceKeys.scope;

/** How often the runtime (instances and their last health check) is refreshed while shown. */
export const RUNTIME_REFRESH_MS = 5_000;

export const scopeQueries = {
  all: () => keys.all,
  lists: () => keys.lists(),
  /**
   * Every scope of an application (applications have few), sorted by name here: nullplatform documents no sort by
   * name (src/lib/api-queries.ts).
   */
  ofApplication: (applicationId: number) =>
    queryOptions({
      queryKey: keys.list({ application_id: applicationId }),
      queryFn: async ({ signal }) => {
        const all = await listAll('scope', { application_id: applicationId }, scopeReader, signal);
        return {
          ...all,
          results: all.results.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '') || a.id - b.id),
        };
      },
    }),
  details: () => keys.details(),
  /** `undefined` while the id is not known yet: the query waits (`skipToken`) instead of asking for a placeholder id. */
  detail: (scopeId: number | undefined) =>
    queryOptions({
      queryKey: keys.detail(scopeId),
      queryFn:
        scopeId === undefined
          ? skipToken
          : ({ signal }) => apiGet(apiPath(`/scope/${scopeId}`), scopeReader, { signal }),
    }),
  /**
   * The local platform's instances and their last health check. Local-only: connected mode answers 404 by design
   * (nullplatform reports health itself), so it is asked for only when /console/info says `local`
   * (useScopeRuntime, and the route loaders).
   */
  runtime: (scopeId: number) =>
    errorsInPlace(
      queryOptions({
        queryKey: keys.runtime(scopeId),
        queryFn: ({ signal }) => apiGet(consolePaths.scopeRuntime(scopeId), scopeRuntimeReader, { signal }),
        refetchInterval: RUNTIME_REFRESH_MS,
        retry: false,
      }),
    ),
};
