import type { Deployment } from '@/lib/read/deployment';
import type { List } from '@/lib/read/list';
import { isInFlight } from '@contract/deployment-lifecycle';
import { useQuery } from '@tanstack/react-query';

import { errorsInPlace } from '@/lib/query-client';

import { deploymentQueries } from '../api/queries';

/** How far back the scope's history is searched for the deployment a finished blue/green one replaced. */
const HISTORY_LIMIT = 50;

type Replacing = Pick<Deployment, 'id' | 'scope_id' | 'status' | 'strategy'>;

/** While a blue/green deployment is in flight, the one it replaces is the scope's active deployment. */
export function replacedFromScope(
  deployment: Replacing,
  scopeActiveDeployment: number | null | undefined,
): number | undefined {
  return deployment.strategy === 'blue_green' &&
    isInFlight(deployment.status) &&
    typeof scopeActiveDeployment === 'number' &&
    scopeActiveDeployment !== deployment.id
    ? scopeActiveDeployment
    : undefined;
}

/** The scope's finalized deployments: where a blue/green deployment's predecessor is found once it is not in flight. */
export function replacedHistoryQuery(scopeId: number) {
  return deploymentQueries.list({ scope_id: scopeId, status: 'finalized', limit: HISTORY_LIMIT, offset: 0 });
}

/** The newest finalized deployment created before this one (newest first; ids grow with creation time). */
export function replacedInHistory(deployment: Replacing, finalized: List<Deployment>): number | undefined {
  return finalized.results.find((candidate) => candidate.id < deployment.id)?.id;
}

/**
 * The deployment a blue/green deployment replaces (or replaced): while it is in flight, the scope's active deployment;
 * afterwards, the scope's newest finalized deployment created before it (the scope's active one has moved on by then).
 * Undefined for initial deployments and while unknown.
 */
export function useReplacedDeployment(
  deployment: Replacing,
  scopeActiveDeployment: number | null | undefined,
): number | undefined {
  const blueGreen = deployment.strategy === 'blue_green';
  const fromScope = replacedFromScope(deployment, scopeActiveDeployment);
  // Asked as soon as the scope's answer is not known to name the active one (also while it loads).
  const history = useQuery(
    errorsInPlace({ ...replacedHistoryQuery(deployment.scope_id), enabled: blueGreen && fromScope === undefined }),
  );
  if (!blueGreen) return undefined;
  if (fromScope !== undefined) return fromScope;
  return history.data ? replacedInHistory(deployment, history.data) : undefined;
}
