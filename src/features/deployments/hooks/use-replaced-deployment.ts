import type { Deployment } from '@/lib/read/deployment';
import { isInFlight } from '@contract/deployment-lifecycle';
import { useQuery } from '@tanstack/react-query';

import { deploymentQueries } from '../api/queries';

/** How far back the scope's history is searched for the deployment a finished blue/green one replaced. */
const HISTORY_LIMIT = 50;

/**
 * The deployment a blue/green deployment replaces (or replaced): while it is in flight, the scope's active deployment;
 * afterwards, the scope's newest finalized deployment created before it (the scope's active one has moved on by then).
 * Undefined for initial deployments and while unknown.
 */
export function useReplacedDeployment(
  deployment: Pick<Deployment, 'id' | 'scope_id' | 'status' | 'strategy'>,
  scopeActiveDeployment: number | null | undefined,
): number | undefined {
  const blueGreen = deployment.strategy === 'blue_green';
  const fromScope =
    blueGreen && isInFlight(deployment.status) && typeof scopeActiveDeployment === 'number' && scopeActiveDeployment !== deployment.id
      ? scopeActiveDeployment
      : undefined;
  const history = useQuery({
    ...deploymentQueries.list({ scope_id: deployment.scope_id, status: 'finalized', limit: HISTORY_LIMIT, offset: 0 }),
    enabled: blueGreen && fromScope === undefined,
    throwOnError: false,
  });
  if (!blueGreen) return undefined;
  if (fromScope !== undefined) return fromScope;
  // Newest first; ids grow with creation time.
  return history.data?.results.find((candidate) => candidate.id < deployment.id)?.id;
}
