import type { PatchDeploymentBody } from '@contract/deployment';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiPath, apiSend } from '@/lib/api-client';
import { deploymentReader, type Deployment } from '@/lib/read/deployment';
import { resourceKeys } from '@/lib/resource-keys';

import { deploymentQueries } from './queries';

export type PatchDeploymentInput = { deploymentId: number; body: PatchDeploymentBody };

/**
 * PATCH /deployment/:id. nullplatform answers 204 (reference §1.5); a server that answers with the deployment is
 * accepted too, and its answer goes straight into the cache.
 */
export function patchDeployment({ deploymentId, body }: PatchDeploymentInput): Promise<Deployment | undefined> {
  return apiSend('PATCH', apiPath(`/deployment/${deploymentId}`), body, deploymentReader.optional());
}

/**
 * Traffic changes (`{strategy_data:{desired_switched_traffic}}`) and status requests (`{status:"finalizing"}`,
 * `"cancelling"`, `"rolling_back"`). Refreshes the deployment, the deployment lists and the scope (its active and
 * in-progress deployments change on finalize and cancel) before the mutation settles.
 */
export function usePatchDeployment(options: { onSuccess?: (input: PatchDeploymentInput) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: patchDeployment,
    onSuccess: (deployment, input) => {
      if (deployment) {
        queryClient.setQueryData(deploymentQueries.detail(input.deploymentId).queryKey, (old) =>
          old ? { ...old, ...deployment } : deployment,
        );
      }
      options.onSuccess?.(input);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: deploymentQueries.detail(input.deploymentId).queryKey }),
        queryClient.invalidateQueries({ queryKey: deploymentQueries.lists() }),
        queryClient.invalidateQueries({ queryKey: resourceKeys.scope.all }),
      ]);
    },
  });
}
