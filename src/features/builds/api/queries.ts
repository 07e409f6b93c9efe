import { keepPreviousData, queryOptions } from '@tanstack/react-query';

import { NEWEST_FIRST, listPath } from '@/lib/api-queries';
import { apiGet, apiPath } from '@/lib/api-client';
import { buildReader } from '@/lib/read/build';
import { listOf } from '@/lib/read/list';
import { resourceKeys } from '@/lib/resource-keys';

export type BuildListFilters = {
  application_id: number;
  branch?: string;
  status?: string;
  limit: number;
  offset: number;
};

const buildListReader = listOf(buildReader);
const keys = resourceKeys.build;

export const buildQueries = {
  all: () => keys.all,
  lists: () => keys.lists(),
  /** Newest first. */
  list: (filters: BuildListFilters) =>
    queryOptions({
      queryKey: keys.list(filters),
      queryFn: ({ signal }) => apiGet(listPath('build', { ...filters, sort: NEWEST_FIRST }), buildListReader, { signal }),
      placeholderData: keepPreviousData,
    }),
  details: () => keys.details(),
  /** GET /build/:id includes the build's assets. */
  detail: (buildId: number) =>
    queryOptions({
      queryKey: keys.detail(buildId),
      queryFn: ({ signal }) => apiGet(apiPath(`/build/${buildId}`), buildReader, { signal }),
    }),
};
