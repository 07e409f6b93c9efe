import { listEnvelopeSchema, MAX_PAGE_LIMIT } from '@contract/common';
import { namespaceSchema } from '@contract/namespace';
import { queryOptions } from '@tanstack/react-query';

import { apiGet, apiPath } from '@/lib/api-client';
import { resourceKeys } from '@/lib/resource-keys';

const namespaceListSchema = listEnvelopeSchema(namespaceSchema);
const keys = resourceKeys.namespace;

/** Namespaces change rarely: read them once a few minutes (polling still refreshes the ones on screen). */
const NAMESPACE_STALE_MS = 5 * 60_000;

export const namespaceQueries = {
  all: () => keys.all,
  lists: () => keys.lists(),
  /** The first page at the API's largest page size: enough for a picker (an organization has a handful). */
  list: () =>
    queryOptions({
      queryKey: keys.list({ limit: MAX_PAGE_LIMIT }),
      queryFn: ({ signal }) => apiGet(apiPath('/namespace', { limit: MAX_PAGE_LIMIT }), namespaceListSchema, { signal }),
      staleTime: NAMESPACE_STALE_MS,
      // The picker says in place that the list failed; it never takes the page down.
      throwOnError: false,
    }),
};
