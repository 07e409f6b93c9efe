import type { PatchDeploymentBody } from '@contract/deployment';
import { useQueryClient } from '@tanstack/react-query';
import { z } from 'zod/mini';

import { ApiError, apiGet, apiPath, apiSend } from '@/lib/api-client';
import { deploymentReader, type Deployment } from '@/lib/read/deployment';
import { resourceKeys } from '@/lib/resource-keys';
import { useSingleFlightMutation } from '@/lib/single-flight-mutation';

import { isAlreadyDone } from './already-done';
import { deploymentQueries } from './queries';

export type PatchDeploymentInput = { deploymentId: number; body: PatchDeploymentBody };

/** What a PATCH achieved: `alreadyDone` when the platform refused because the deployment was already there. */
export type PatchOutcome = { deployment: Deployment | undefined; alreadyDone: boolean };

/**
 * PATCH /deployment/:id. nullplatform answers 204 (reference §1.5); a server that answers with the deployment is
 * accepted too, and its answer goes straight into the cache. A 409 is checked against the deployment as it is now: if
 * it already is where the request asked (a double click, another tab), the request counts as done.
 */
export async function patchDeployment({ deploymentId, body }: PatchDeploymentInput): Promise<PatchOutcome> {
  try {
    const deployment = await apiSend(
      'PATCH',
      apiPath(`/deployment/${deploymentId}`),
      body,
      z.optional(deploymentReader),
    );
    return { deployment, alreadyDone: false };
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 409) throw error;
    const now = await apiGet(
      apiPath(`/deployment/${deploymentId}`, { include_messages: true }),
      deploymentReader,
    ).catch(() => undefined);
    if (now === undefined || !isAlreadyDone(body, now)) throw error;
    return { deployment: now, alreadyDone: true };
  }
}

/**
 * Traffic changes (`{strategy_data:{desired_switched_traffic}}`) and status requests (`{status:"finalizing"}`,
 * `"cancelling"`). One request at a time. Refreshes the deployment, the deployment lists and the scope (its active
 * and in-progress deployments change on finalize and cancel) before the mutation settles.
 */
export function usePatchDeployment(
  options: { onSuccess?: (input: PatchDeploymentInput, outcome: PatchOutcome) => void } = {},
) {
  const queryClient = useQueryClient();
  return useSingleFlightMutation({
    mutationFn: patchDeployment,
    onSuccess: (outcome, input) => {
      if (outcome.deployment) {
        const deployment = outcome.deployment;
        queryClient.setQueryData(deploymentQueries.detail(input.deploymentId).queryKey, (old) =>
          old ? { ...old, ...deployment } : deployment,
        );
      }
      options.onSuccess?.(input, outcome);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: deploymentQueries.detail(input.deploymentId).queryKey }),
        queryClient.invalidateQueries({ queryKey: deploymentQueries.lists() }),
        queryClient.invalidateQueries({ queryKey: resourceKeys.scope.all }),
      ]);
    },
  });
}
