import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';

import { apiGet } from './api-client';
import { resourceKeys } from './resource-keys';

/**
 * The answer of GET /console/info, read with the same rules as contract/console.ts `consoleInfoSchema`. Read here
 * rather than imported because that module's other schemas (traffic, runtime, events) would all come along into the
 * first page: zod schemas are built when their module loads, so the bundler cannot leave the unused ones out.
 */
const consoleInfoReader = z.looseObject({
  mode: z.enum(['local', 'connected']),
  upstream: z.looseObject({ host: z.string(), organization_id: z.number().nullable(), url: z.string().optional() }).nullable(),
  live_events: z.boolean(),
  version: z.string(),
  health_timeout_ms: z.number().nullable().optional(),
});

/** GET /console/info: local or connected, and whether /console/events carries live changes. */
export const consoleInfoQuery = queryOptions({
  queryKey: resourceKeys.console.info(),
  queryFn: ({ signal }) => apiGet('/console/info', consoleInfoReader, { signal }),
  staleTime: Number.POSITIVE_INFINITY,
  throwOnError: false,
});
