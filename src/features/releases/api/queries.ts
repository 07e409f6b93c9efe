import { keepPreviousData, queryOptions } from '@tanstack/react-query';

import { NEWEST_FIRST, listAll, listPath } from '@/lib/api-queries';
import { apiGet, apiPath } from '@/lib/api-client';
import { listOf } from '@/lib/read/list';
import { releaseReader } from '@/lib/read/release';
import { resourceKeys } from '@/lib/resource-keys';

export type ReleaseListFilters = { application_id: number; build_id?: number; limit: number; offset: number };

const releaseListReader = listOf(releaseReader);
const keys = resourceKeys.release;

/** Newest first. */
function list(filters: ReleaseListFilters) {
  return queryOptions({
    queryKey: keys.list(filters),
    queryFn: ({ signal }) => apiGet(listPath('release', { ...filters, sort: NEWEST_FIRST }), releaseListReader, { signal }),
    placeholderData: keepPreviousData,
  });
}

export const releaseQueries = {
  all: () => keys.all,
  lists: () => keys.lists(),
  list,
  /**
   * Every release of the application, for suggesting the next semver and saying whether a version is taken. Read
   * whole, because nullplatform documents neither a sort by semver nor a semver filter (src/lib/api-queries.ts).
   */
  versions: (applicationId: number) =>
    queryOptions({
      queryKey: keys.list({ application_id: applicationId, all: true }),
      queryFn: ({ signal }) => listAll('release', { application_id: applicationId, sort: NEWEST_FIRST }, releaseReader, signal),
    }),
  details: () => keys.details(),
  detail: (releaseId: number) =>
    queryOptions({
      queryKey: keys.detail(releaseId),
      queryFn: ({ signal }) => apiGet(apiPath(`/release/${releaseId}`), releaseReader, { signal }),
    }),
};
