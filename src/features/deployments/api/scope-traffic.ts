import { consolePaths } from '@contract/console-paths';
import { queryOptions } from '@tanstack/react-query';

import { ApiError, apiGet, toSearch } from '@/lib/api-client';
import { errorsInPlace, QUIET_BACKGROUND_ERRORS } from '@/lib/query-client';
import { scopeTrafficReader } from '@/lib/read/console';
import { resourceKeys } from '@/lib/resource-keys';

/** How often the chart reads the proxy's counters. */
export const TRAFFIC_REFRESH_MS = 1_000;

export function isMissingEndpoint(error: unknown): boolean {
  return error instanceof ApiError && error.isNotFound;
}

/**
 * GET /console/traffic?scope_id=: requests per deployment at the scope's address, per second. The counters are the
 * console proxy's own, so the event stream does not carry them: they are polled, and only while the tab is visible
 * (react-query pauses `refetchInterval` in the background). Connected mode has no such endpoint (404): polling stops.
 */
export function scopeTrafficQuery(scopeId: number) {
  return errorsInPlace(
    queryOptions({
      queryKey: resourceKeys.scope.traffic(scopeId),
      queryFn: ({ signal }) =>
        apiGet(`${consolePaths.traffic}${toSearch({ scope_id: scopeId })}`, scopeTrafficReader, { signal }),
      refetchInterval: (query) => (isMissingEndpoint(query.state.error) ? false : TRAFFIC_REFRESH_MS),
      refetchIntervalInBackground: false,
      staleTime: 0,
      retry: false,
      // Counters are only worth a second: a failed poll must not raise a background-refresh toast every second.
      meta: { [QUIET_BACKGROUND_ERRORS]: true },
    }),
  );
}
