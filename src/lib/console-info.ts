import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod/mini';

import { apiGet } from './api-client';
import { resourceKeys } from './resource-keys';
import { errorsInPlace } from './query-client';

/**
 * The answer of GET /console/info, read with the same rules as contract/console.ts `consoleInfoSchema`, in zod/mini:
 * the contract's schemas are full zod, which the SPA does not load (src/lib/read/tolerant.ts).
 */
const consoleInfoReader = z.looseObject({
  mode: z.enum(['local', 'connected']),
  upstream: z.nullable(
    z.looseObject({ host: z.string(), organization_id: z.nullable(z.number()), url: z.optional(z.string()) }),
  ),
  live_events: z.boolean(),
  version: z.string(),
  health_timeout_ms: z.optional(z.nullable(z.number())),
});

/**
 * Whether to ask the console's local-platform reads (`/console/scope/:id/runtime`, `/console/traffic`, instance logs):
 * on the local platform, or when the mode could not be read (the read then says what is wrong). Connected, they
 * would only answer 404: they are not asked for.
 */
export function readsLocalPlatform(info: { data?: { mode: 'local' | 'connected' } | undefined; isError: boolean }) {
  return info.data === undefined ? info.isError : info.data.mode === 'local';
}

/** GET /console/info: local or connected, and whether /console/events carries live changes. */
export const consoleInfoQuery = errorsInPlace(
  queryOptions({
    queryKey: resourceKeys.console.info(),
    queryFn: ({ signal }) => apiGet('/console/info', consoleInfoReader, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  }),
);
