/**
 * The console's test traffic for a scope (local platform only: connected mode answers 404): read while shown, every
 * second while it runs so the counts stay live; started and stopped with one request at a time.
 */
import type { StartTestTrafficBody } from '@contract/test-traffic';
import { testTrafficPath } from '@contract/test-traffic-values';
import { queryOptions, useQueryClient } from '@tanstack/react-query';

import { apiGet, apiSend } from '@/lib/api-client';
import { testTrafficStatusReader, type TestTrafficStatus } from '@/lib/read/test-traffic';
import { resourceKeys } from '@/lib/resource-keys';
import { useSingleFlightMutation } from '@/lib/single-flight-mutation';

/** How often the counts are read again while the generator runs. */
export const TEST_TRAFFIC_REFRESH_MS = 1_000;

export const testTrafficQuery = (scopeId: number) =>
  queryOptions({
    queryKey: resourceKeys.scope.testTraffic(scopeId),
    queryFn: ({ signal }) => apiGet(testTrafficPath(scopeId), testTrafficStatusReader, { signal }),
    refetchInterval: (query) => (query.state.data?.running === true ? TEST_TRAFFIC_REFRESH_MS : false),
    retry: false,
    throwOnError: false,
  });

function useTestTrafficMutation<Variables>(
  scopeId: number,
  send: (variables: Variables) => Promise<TestTrafficStatus>,
) {
  const queryClient = useQueryClient();
  return useSingleFlightMutation({
    mutationFn: send,
    // The answer is the generator's new state: shown at once, and polled from there while it runs.
    onSuccess: (status: TestTrafficStatus) => queryClient.setQueryData(resourceKeys.scope.testTraffic(scopeId), status),
    // A refusal may mean that another tab started one meanwhile: read the state again, so Stop appears.
    onError: () => queryClient.invalidateQueries({ queryKey: resourceKeys.scope.testTraffic(scopeId) }),
  });
}

export function useStartTestTraffic(scopeId: number) {
  return useTestTrafficMutation(scopeId, (body: StartTestTrafficBody) =>
    apiSend('POST', testTrafficPath(scopeId), body, testTrafficStatusReader),
  );
}

export function useStopTestTraffic(scopeId: number) {
  return useTestTrafficMutation(scopeId, () =>
    apiSend('DELETE', testTrafficPath(scopeId), undefined, testTrafficStatusReader),
  );
}
