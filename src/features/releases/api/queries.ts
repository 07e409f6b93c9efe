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
   * The application's highest versions (the API's maximum page, highest semver first), for suggesting the next
   * semver: sorted by semver, the latest release is on this page however many releases there are. A page in
   * creation or id order could leave it out. Whether a version is taken is checked against the page, and beyond it
   * with `semverTaken`.
   */
  versions: (applicationId: number) => {
    const filters = { application_id: applicationId, limit: MAX_PAGE_LIMIT, offset: 0, sort: 'semver:desc' } as const;
    return queryOptions({
      queryKey: keys.list(filters),
      queryFn: ({ signal }) => apiGet(apiPath('/release', filters), releaseListSchema, { signal }),
    });
  },
  /**
   * Whether `semver` is already a release of the application: one request filtered by `semver=`, for the versions
   * `versions`' page does not hold. Under the lists' key, so creating a release refreshes it.
   */
  semverTaken: (applicationId: number, semver: string) => {
    const filters = { application_id: applicationId, semver, limit: 1, offset: 0 } as const;
    return queryOptions({
      queryKey: keys.list(filters),
      // Compared by value rather than trusting `paging.total`: an API that ignored the filter must not make every
      // version look taken.
      queryFn: async ({ signal }) =>
        (await apiGet(apiPath('/release', filters), releaseListSchema, { signal })).results.some((release) => release.semver === semver),
    });
  },
  details: () => keys.details(),
  detail: (releaseId: number) =>
    queryOptions({
      queryKey: keys.detail(releaseId),
      queryFn: ({ signal }) => apiGet(apiPath(`/release/${releaseId}`), releaseSchema, { signal }),
    }),
};
