import { queryOptions, skipToken } from '@tanstack/react-query';

import { NEWEST_FIRST, listAll } from '@/lib/api-queries';
import { apiGet, apiPath } from '@/lib/api-client';
import { applicationReader, type Application } from '@/lib/read/application';
import type { List } from '@/lib/read/list';
import { resourceKeys } from '@/lib/resource-keys';

export type ApplicationListFilters = {
  name?: string | undefined;
  status?: string | undefined;
  limit: number;
  offset: number;
};

const keys = resourceKeys.application;

/**
 * One page of a namespace's applications, searched by name and filtered by status here: nullplatform documents no
 * name filter (src/lib/api-queries.ts), so the namespace's applications are read whole and shown sorted by name.
 */
export function applicationPage(all: List<Application> & { truncated: boolean }, filters: ApplicationListFilters) {
  const needle = filters.name?.trim().toLowerCase();
  const matching = all.results
    .filter((application) => !needle || (application.name ?? '').toLowerCase().includes(needle))
    .filter((application) => !filters.status || application.status === filters.status)
    .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '') || a.id - b.id);
  return {
    results: matching.slice(filters.offset, filters.offset + filters.limit),
    paging: { total: matching.length, offset: filters.offset, limit: filters.limit },
    truncated: all.truncated,
  };
}

export const applicationQueries = {
  all: () => keys.all,
  lists: () => keys.lists(),
  /** Every application of a namespace (of every namespace when undefined: the local platform lists them all). */
  ofNamespace: (namespaceId: number | undefined) =>
    queryOptions({
      queryKey: keys.list({ namespace_id: namespaceId }),
      queryFn: ({ signal }) =>
        listAll('application', { namespace_id: namespaceId, sort: NEWEST_FIRST }, applicationReader, signal),
    }),
  details: () => keys.details(),
  /** `undefined` while the id is not known yet: the query waits (`skipToken`) instead of asking for a placeholder id. */
  detail: (applicationId: number | undefined) =>
    queryOptions({
      queryKey: keys.detail(applicationId),
      queryFn:
        applicationId === undefined
          ? skipToken
          : ({ signal }) => apiGet(apiPath(`/application/${applicationId}`), applicationReader, { signal }),
    }),
};
