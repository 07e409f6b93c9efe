import { applicationSchema, type ApplicationStatus } from '@contract/application';
import { listEnvelopeSchema } from '@contract/common';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';

import { apiGet, apiPath } from '@/lib/api-client';
import { resourceKeys } from '@/lib/resource-keys';

export type ApplicationListFilters = { name?: string; status?: ApplicationStatus; namespace_id?: number; limit: number; offset: number };

const applicationListSchema = listEnvelopeSchema(applicationSchema);
const keys = resourceKeys.application;

export const applicationQueries = {
  all: () => keys.all,
  lists: () => keys.lists(),
  list: (filters: ApplicationListFilters) =>
    queryOptions({
      queryKey: keys.list(filters),
      queryFn: ({ signal }) => apiGet(apiPath('/application', { ...filters, sort: 'name:asc' }), applicationListSchema, { signal }),
      placeholderData: keepPreviousData,
    }),
  details: () => keys.details(),
  detail: (applicationId: number) =>
    queryOptions({
      queryKey: keys.detail(applicationId),
      queryFn: ({ signal }) => apiGet(apiPath(`/application/${applicationId}`), applicationSchema, { signal }),
    }),
};
