import { keepPreviousData, queryOptions, skipToken } from '@tanstack/react-query';

import { NEWEST_FIRST, listAll, listPath } from '@/lib/api-queries';
import { apiGet, apiPath } from '@/lib/api-client';
import { listOf } from '@/lib/read/list';
import { releaseReader } from '@/lib/read/release';
import { resourceKeys } from '@/lib/resource-keys';
import { readPaging } from '@/lib/search-params';

export type ReleaseListFilters = { application_id: number; build_id?: number; limit: number; offset: number };

/** An application's releases (of one build), one page or the page its URL says: the list and its loader agree. */
export function releaseListFilters(
  applicationId: number,
  buildId: number | undefined,
  params: URLSearchParams | undefined,
): ReleaseListFilters {
  return {
    application_id: applicationId,
    build_id: buildId,
    ...(params ? readPaging(params) : { limit: 30, offset: 0 }),
  };
}

const releaseListReader = listOf(releaseReader);
const keys = resourceKeys.release;

/** Newest first. */
function list(filters: ReleaseListFilters) {
  return queryOptions({
    queryKey: keys.list(filters),
    queryFn: ({ signal }) =>
      apiGet(listPath('release', { ...filters, sort: NEWEST_FIRST }), releaseListReader, { signal }),
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
  versions: (applicationId: number | undefined) =>
    queryOptions({
      queryKey: keys.list({ application_id: applicationId, all: true }),
      queryFn:
        applicationId === undefined
          ? skipToken
          : ({ signal }) =>
              listAll('release', { application_id: applicationId, sort: NEWEST_FIRST }, releaseReader, signal),
    }),
  details: () => keys.details(),
  /** `undefined` while the id is not known yet: the query waits (`skipToken`) instead of asking for a placeholder id. */
  detail: (releaseId: number | undefined) =>
    queryOptions({
      queryKey: keys.detail(releaseId),
      queryFn:
        releaseId === undefined
          ? skipToken
          : ({ signal }) => apiGet(apiPath(`/release/${releaseId}`), releaseReader, { signal }),
    }),
};
