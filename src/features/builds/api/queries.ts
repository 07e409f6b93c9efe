import { buildSchema, type BuildStatus } from '@contract/build';
import { listEnvelopeSchema } from '@contract/common';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';

import { apiGet, apiPath } from '@/lib/api-client';
import { resourceKeys } from '@/lib/resource-keys';

export type BuildListFilters = {
  application_id: number;
  branch?: string;
  status?: BuildStatus;
  limit: number;
  offset: number;
};

const buildListSchema = listEnvelopeSchema(buildSchema);
const keys = resourceKeys.build;

export const buildQueries = {
  all: () => keys.all,
  lists: () => keys.lists(),
  /** Newest first. */
  list: (filters: BuildListFilters) =>
    queryOptions({
      queryKey: keys.list(filters),
      queryFn: ({ signal }) => apiGet(apiPath('/build', { ...filters, sort: 'created_at:desc' }), buildListSchema, { signal }),
      placeholderData: keepPreviousData,
    }),
  details: () => keys.details(),
  /** GET /build/:id includes the build's assets. */
  detail: (buildId: number) =>
    queryOptions({
      queryKey: keys.detail(buildId),
      queryFn: ({ signal }) => apiGet(apiPath(`/build/${buildId}`), buildSchema, { signal }),
    }),
};
