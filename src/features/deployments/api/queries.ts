import { listEnvelopeSchema } from '@contract/common';
import { deploymentSchema } from '@contract/deployment';
import type { DeploymentStatus } from '@contract/deployment-lifecycle';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';

import { apiGet, apiPath } from '@/lib/api-client';
import { resourceKeys } from '@/lib/resource-keys';

export type DeploymentListFilters = {
  application_id?: number;
  scope_id?: number;
  release_id?: number;
  status?: DeploymentStatus;
  limit: number;
  offset: number;
};

const deploymentListSchema = listEnvelopeSchema(deploymentSchema);
const keys = resourceKeys.deployment;

export const deploymentQueries = {
  all: () => keys.all,
  lists: () => keys.lists(),
  /** Newest first. */
  list: (filters: DeploymentListFilters) =>
    queryOptions({
      queryKey: keys.list(filters),
      queryFn: ({ signal }) =>
        apiGet(apiPath('/deployment', { ...filters, sort: 'created_at:desc' }), deploymentListSchema, { signal }),
      placeholderData: keepPreviousData,
    }),
  details: () => keys.details(),
  /** With its messages (GET /deployment/:id only fills them with include_messages=true). */
  detail: (deploymentId: number) =>
    queryOptions({
      queryKey: keys.detail(deploymentId),
      queryFn: ({ signal }) =>
        apiGet(apiPath(`/deployment/${deploymentId}`, { include_messages: true }), deploymentSchema, { signal }),
    }),
};
