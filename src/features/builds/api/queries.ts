import { buildStatuses } from '@contract/build-status';
import { keepPreviousData, queryOptions, skipToken } from '@tanstack/react-query';

import { NEWEST_FIRST, listPath } from '@/lib/api-queries';
import { apiGet, apiPath } from '@/lib/api-client';
import { buildReader } from '@/lib/read/build';
import { listOf } from '@/lib/read/list';
import { resourceKeys } from '@/lib/resource-keys';
import { readEnum, readPaging, readText } from '@/lib/search-params';

export type BuildListFilters = {
  application_id: number;
  branch?: string;
  status?: string;
  limit: number;
  offset: number;
};

/** An application's builds with the branch, status and page its URL says: the list and its loader agree. */
export function buildListFilters(applicationId: number, params: URLSearchParams): BuildListFilters {
  return {
    application_id: applicationId,
    branch: readText(params, 'branch'),
    status: readEnum(params, 'status', buildStatuses),
    ...readPaging(params),
  };
}

const buildListReader = listOf(buildReader);
const keys = resourceKeys.build;

export const buildQueries = {
  all: () => keys.all,
  lists: () => keys.lists(),
  /** Newest first. */
  list: (filters: BuildListFilters) =>
    queryOptions({
      queryKey: keys.list(filters),
      queryFn: ({ signal }) =>
        apiGet(listPath('build', { ...filters, sort: NEWEST_FIRST }), buildListReader, { signal }),
      placeholderData: keepPreviousData,
    }),
  details: () => keys.details(),
  /** GET /build/:id includes the build's assets. */
  /** `undefined` while the id is not known yet: the query waits (`skipToken`) instead of asking for a placeholder id. */
  detail: (buildId: number | undefined) =>
    queryOptions({
      queryKey: keys.detail(buildId),
      queryFn:
        buildId === undefined
          ? skipToken
          : ({ signal }) => apiGet(apiPath(`/build/${buildId}`), buildReader, { signal }),
    }),
};
