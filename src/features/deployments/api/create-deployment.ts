import { useQueryClient } from '@tanstack/react-query';

import { apiPath, apiSend } from '@/lib/api-client';
import { useSingleFlightMutation } from '@/lib/single-flight-mutation';
import { deploymentReader, type Deployment } from '@/lib/read/deployment';
import { resourceKeys } from '@/lib/resource-keys';

import { deploymentQueries } from './queries';

/**
 * POST /deployment. `strategy_data.parameters` carries the chosen strategy's values, where nullplatform keeps them on
 * a deployment (reference §8b, context.json); without it traffic is moved by hand, as before.
 */
export type CreateDeploymentInput = {
  scope_id: number;
  release_id: number;
  asset_name?: string;
  strategy_data?: { parameters: Readonly<Record<string, unknown>> };
};

export function createDeployment(input: CreateDeploymentInput): Promise<Deployment> {
  return apiSend('POST', apiPath('/deployment'), input, deploymentReader);
}

export function useCreateDeployment(options: { onSuccess?: (deployment: Deployment) => void } = {}) {
  const queryClient = useQueryClient();
  // One at a time: a double click must not create two.
  return useSingleFlightMutation({
    mutationFn: createDeployment,
    onSuccess: (deployment) => {
      queryClient.setQueryData(deploymentQueries.detail(deployment.id).queryKey, deployment);
      options.onSuccess?.(deployment);
      // The scope now has an in-progress deployment.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: deploymentQueries.lists() }),
        queryClient.invalidateQueries({ queryKey: resourceKeys.scope.all }),
      ]);
    },
  });
}
