import { consoleInfoSchema, consolePaths } from '@contract/console';
import { queryOptions } from '@tanstack/react-query';

import { apiGet } from './api-client';
import { resourceKeys } from './resource-keys';

/** GET /console/info: local or connected, and whether /console/events carries live changes. */
export const consoleInfoQuery = queryOptions({
  queryKey: resourceKeys.console.info(),
  queryFn: ({ signal }) => apiGet(consolePaths.info, consoleInfoSchema, { signal }),
  staleTime: Number.POSITIVE_INFINITY,
  throwOnError: false,
});
