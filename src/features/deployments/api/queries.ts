import { keepPreviousData, queryOptions } from '@tanstack/react-query';

import { NEWEST_FIRST, listAll, listPath } from '@/lib/api-queries';
import { apiGet, apiPath } from '@/lib/api-client';
import { deploymentReader } from '@/lib/read/deployment';
import { listOf } from '@/lib/read/list';
import { resourceKeys } from '@/lib/resource-keys';

export type DeploymentListFilters = {
  application_id?: number;
  scope_id?: number;
  status?: string;
  limit: number;
  offset: number;
};

const deploymentListReader = listOf(deploymentReader);
const keys = resourceKeys.deployment;

export const deploymentQueries = {
  all: () => keys.all,
  lists: () => keys.lists(),
  /** Newest first. */
  list: (filters: DeploymentListFilters) =>
    queryOptions({
      queryKey: keys.list(filters),
      queryFn: ({ signal }) => apiGet(listPath('deployment', { ...filters, sort: NEWEST_FIRST }), deploymentListReader, { signal }),
      placeholderData: keepPreviousData,
    }),
  /**
   * Every deployment of an application, newest first (up to LIST_ALL_CAP): where each release runs and how its last
   * deployment went are read from it, since nullplatform documents no `release_id` filter (src/lib/api-queries.ts).
   */
  ofApplication: (applicationId: number) =>
    queryOptions({
      queryKey: keys.list({ application_id: applicationId, all: true }),
      queryFn: ({ signal }) => listAll('deployment', { application_id: applicationId, sort: NEWEST_FIRST }, deploymentReader, signal),
    }),
  details: () => keys.details(),
  /** With its messages (GET /deployment/:id only fills them with include_messages=true). */
  detail: (deploymentId: number) =>
    queryOptions({
      queryKey: keys.detail(deploymentId),
      queryFn: ({ signal }) => apiGet(apiPath(`/deployment/${deploymentId}`, { include_messages: true }), deploymentReader, { signal }),
    }),
};
