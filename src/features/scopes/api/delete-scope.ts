import { useQueryClient } from '@tanstack/react-query';

import { ApiError, apiGet, apiPath, apiSend } from '@/lib/api-client';
import { scopeReader } from '@/lib/read/scope';
import { useSingleFlightMutation } from '@/lib/single-flight-mutation';

import { scopeQueries } from './queries';

const goneStatuses = ['deleting', 'deleted'];

/**
 * DELETE /scope/:id. A 409 for a scope that is already being deleted (a second click, another tab) counts as done:
 * the scope is read again to tell that apart from a refusal, such as a deployment still in flight.
 */
export async function deleteScope(scopeId: number): Promise<void> {
  try {
    await apiSend('DELETE', apiPath(`/scope/${scopeId}`));
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 409) throw error;
    const scope = await apiGet(apiPath(`/scope/${scopeId}`), scopeReader).catch(() => undefined);
    if (!scope?.status || !goneStatuses.includes(scope.status)) throw error;
  }
}

export function useDeleteScope(options: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useSingleFlightMutation({
    mutationFn: deleteScope,
    onSuccess: () => {
      options.onSuccess?.();
      return queryClient.invalidateQueries({ queryKey: scopeQueries.all() });
    },
  });
}
