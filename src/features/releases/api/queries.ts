import { listEnvelopeSchema, MAX_PAGE_LIMIT } from '@contract/common';
import { releaseSchema } from '@contract/release';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';

import { apiGet, apiPath } from '@/lib/api-client';
import { resourceKeys } from '@/lib/resource-keys';

export type ReleaseListFilters = { application_id: number; build_id?: number; limit: number; offset: number };

const releaseListSchema = listEnvelopeSchema(releaseSchema);
const keys = resourceKeys.release;

/** Newest first. */
function list(filters: ReleaseListFilters) {
  return queryOptions({
    queryKey: keys.list(filters),
    queryFn: ({ signal }) => apiGet(apiPath('/release', { ...filters, sort: 'created_at:desc' }), releaseListSchema, { signal }),
    placeholderData: keepPreviousData,
  });
}

export const releaseQueries = {
  all: () => keys.all,
  lists: () => keys.lists(),
  list,
  /**
   * The application's releases as far as one page goes (the API's maximum page), for suggesting the next semver
   * and checking that a version is free. The server still refuses a taken version beyond it (409).
   */
  versions: (applicationId: number) =>
    list({ application_id: applicationId, limit: MAX_PAGE_LIMIT, offset: 0 }),
  details: () => keys.details(),
  detail: (releaseId: number) =>
    queryOptions({
      queryKey: keys.detail(releaseId),
      queryFn: ({ signal }) => apiGet(apiPath(`/release/${releaseId}`), releaseSchema, { signal }),
    }),
};
