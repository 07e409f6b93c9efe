/**
 * Where each release of an application runs, from two cached reads (its scopes and its deployments, newest first):
 * the scopes whose active deployment is of the release, the scopes where one of it is in flight, and how its last
 * deployment went. The releases list and the release page read it; both belong to no single feature.
 */
import type { Deployment } from '@/lib/read/deployment';
import type { Scope } from '@/lib/read/scope';
import { useQuery } from '@tanstack/react-query';

import { Badge } from '@/components/ui/badge';
import { Spinner } from '@/components/ui/spinner';
import { TextLink } from '@/components/ui/text-link';
import { deploymentQueries } from '@/features/deployments/api/queries';
import { useApplicationScopes } from '@/features/scopes/api/use-application-scopes';
import { paths } from '@/lib/paths';
import { displayName } from '@/lib/read/display';
import { errorsInPlace } from '@/lib/query-client';

export type ReleasePlacement = {
  serving: Scope[];
  inFlight: { scope: Scope; deployment: Deployment }[];
  /** The release's deployments, newest first. */
  deployments: Deployment[];
  lastFailed: boolean;
};

export function useReleasePlacements(applicationId: number) {
  const { list, scopes, isPending: scopesPending } = useApplicationScopes(applicationId);
  const deployments = useQuery(errorsInPlace(deploymentQueries.ofApplication(applicationId)));
  const byId = new Map((deployments.data?.results ?? []).map((deployment) => [deployment.id, deployment]));
  const placementOf = (releaseId: number): ReleasePlacement => {
    const own = (deployments.data?.results ?? []).filter((deployment) => deployment.release_id === releaseId);
    const releaseOf = (deploymentId: unknown) =>
      typeof deploymentId === 'number' ? byId.get(deploymentId)?.release_id : undefined;
    return {
      serving: (scopes ?? []).filter((scope) => releaseOf(scope.active_deployment) === releaseId),
      inFlight: (scopes ?? []).flatMap((scope) => {
        const deployment =
          typeof scope.in_progress_deployment === 'number' ? byId.get(scope.in_progress_deployment) : undefined;
        return deployment?.release_id === releaseId ? [{ scope, deployment }] : [];
      }),
      deployments: own,
      lastFailed: own[0]?.status === 'failed',
    };
  };
  return {
    isPending: scopesPending || deployments.isPending,
    error: list.error ?? deployments.error,
    scopeName: (scopeId: number) => {
      const scope = scopes?.find((candidate) => candidate.id === scopeId);
      return scope ? displayName(scope, 'Scope') : undefined;
    },
    placementOf,
  };
}

export type Placements = ReturnType<typeof useReleasePlacements>;

/** A releases-table cell: the scopes it serves, where it is being deployed, and a mark when its last deployment failed. */
export function ReleasePlacementCell({ placements, releaseId }: { placements: Placements; releaseId: number }) {
  if (placements.isPending) return <Spinner size="sm" label="Reading where it runs…" />;
  if (placements.error) return <span className="text-slate-500 dark:text-slate-400">unknown</span>;
  const { serving, inFlight, lastFailed, deployments } = placements.placementOf(releaseId);
  return (
    <span className="flex flex-wrap items-center gap-1.5">
      {serving.map((scope) => (
        <TextLink key={scope.id} to={paths.scope.getHref(scope.id)}>
          {displayName(scope, 'Scope')}
        </TextLink>
      ))}
      {inFlight.map(({ scope, deployment }) => (
        <TextLink
          key={`flight-${scope.id}`}
          to={paths.deployment.getHref(deployment.id)}
          className="text-amber-800 dark:text-amber-300"
        >
          → {displayName(scope, 'Scope')} (deploying)
        </TextLink>
      ))}
      {serving.length === 0 && inFlight.length === 0 && (
        <span className="text-slate-500 dark:text-slate-400">
          {deployments.length === 0 ? 'never deployed' : 'nowhere now'}
        </span>
      )}
      {lastFailed && deployments[0] && (
        <TextLink to={paths.deployment.getHref(deployments[0].id)}>
          <Badge tone="danger">last deployment failed</Badge>
        </TextLink>
      )}
    </span>
  );
}
