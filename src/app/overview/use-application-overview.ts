import type { Application } from '@/lib/read/application';
import { useQuery } from '@tanstack/react-query';

import { deploymentQueries } from '@/features/deployments/api/queries';
import { useApplicationScopes } from '@/features/scopes/api/use-application-scopes';
import { displayName } from '@/lib/read/display';
import { errorsInPlace } from '@/lib/query-client';

import { scopeAttention } from './attention';

/**
 * An application's scopes with what each serves, what is in flight there and what needs attention, from two cached
 * reads (its scopes, its deployments newest first) that the event stream keeps current. The rows and the "needs you"
 * list both call it; the second reads from the cache.
 */
export function useApplicationOverview(application: Application, now: number) {
  const { list, scopes, isPending } = useApplicationScopes(application.id);
  const deployments = useQuery(errorsInPlace(deploymentQueries.ofApplication(application.id)));
  const all = deployments.data?.results ?? [];
  const byId = new Map(all.map((deployment) => [deployment.id, deployment]));
  const rows = (scopes ?? []).map((scope) => {
    const inFlight =
      typeof scope.in_progress_deployment === 'number' ? byId.get(scope.in_progress_deployment) : undefined;
    const active = typeof scope.active_deployment === 'number' ? byId.get(scope.active_deployment) : undefined;
    const own = all.filter((deployment) => deployment.scope_id === scope.id);
    return {
      scope,
      scopeName: displayName(scope, 'Scope'),
      inFlight,
      active,
      attention: scopeAttention(own, inFlight, now),
    };
  });
  return {
    name: displayName(application, 'Application'),
    isPending: isPending || deployments.isPending,
    error: list.error ?? deployments.error,
    rows,
  };
}
