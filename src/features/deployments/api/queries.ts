import { deploymentStatuses } from '@contract/deployment-lifecycle';
import { keepPreviousData, queryOptions, skipToken } from '@tanstack/react-query';

import { NEWEST_FIRST, listAll, listPath } from '@/lib/api-queries';
import { apiGet, apiPath } from '@/lib/api-client';
import { deploymentReader } from '@/lib/read/deployment';
import { listOf } from '@/lib/read/list';
import { resourceKeys } from '@/lib/resource-keys';
import { readEnum, readPaging } from '@/lib/search-params';

export type DeploymentListFilters = {
  application_id?: number;
  scope_id?: number;
  status?: string;
  limit: number;
  offset: number;
};

/** The list a page shows for `filter`, with the status and the page its URL says: the list and its loader agree. */
export function deploymentListFilters(
  filter: { application_id: number } | { scope_id: number },
  params: URLSearchParams,
): DeploymentListFilters {
  return { ...filter, status: readEnum(params, 'status', deploymentStatuses), ...readPaging(params) };
}

const deploymentListReader = listOf(deploymentReader);
const keys = resourceKeys.deployment;

export const deploymentQueries = {
  all: () => keys.all,
  lists: () => keys.lists(),
  /** Newest first. */
  list: (filters: DeploymentListFilters) =>
    queryOptions({
      queryKey: keys.list(filters),
      queryFn: ({ signal }) =>
        apiGet(listPath('deployment', { ...filters, sort: NEWEST_FIRST }), deploymentListReader, { signal }),
      placeholderData: keepPreviousData,
    }),
  /**
   * Every deployment of an application, newest first (up to LIST_ALL_CAP): where each release runs and how its last
   * deployment went are read from it, since nullplatform documents no `release_id` filter (src/lib/api-queries.ts).
   */
  ofApplication: (applicationId: number) =>
    queryOptions({
      queryKey: keys.list({ application_id: applicationId, all: true }),
      queryFn: ({ signal }) =>
        listAll('deployment', { application_id: applicationId, sort: NEWEST_FIRST }, deploymentReader, signal),
    }),
  details: () => keys.details(),
  /** With its messages (GET /deployment/:id only fills them with include_messages=true). */
  /** `undefined` while the id is not known yet: the query waits (`skipToken`) instead of asking for a placeholder id. */
  detail: (deploymentId: number | undefined) =>
    queryOptions({
      queryKey: keys.detail(deploymentId),
      queryFn:
        deploymentId === undefined
          ? skipToken
          : ({ signal }) =>
              apiGet(apiPath(`/deployment/${deploymentId}`, { include_messages: true }), deploymentReader, { signal }),
    }),
};
