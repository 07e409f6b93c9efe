/** Shared steps: what pages show of the deployments they name (a release label each). */
import { deploymentQueries } from '@/features/deployments/api/queries';
import { releaseQueries } from '@/features/releases/api/queries';
import { scopeQueries } from '@/features/scopes/api/queries';
import type { Scope } from '@/lib/read/scope';

import type { PageQueries } from './page-load';

/** A deployment a page names by its release (DeploymentRelease, InFlightDeployment): the deployment, then the release. */
export async function deploymentRelease(queries: PageQueries, deploymentId: number): Promise<void> {
  const deployment = await queries.read(deploymentQueries.detail(deploymentId));
  if (deployment !== undefined) queries.start(releaseQueries.detail(deployment.release_id));
}

/**
 * An application's scopes as useApplicationScopes reads them: the list, then one by one those the list leaves without
 * their deployments (nullplatform's lists do).
 */
export async function applicationScopes(queries: PageQueries, applicationId: number): Promise<Scope[]> {
  const list = await queries.read(scopeQueries.ofApplication(applicationId));
  const live = (list?.results ?? []).filter((scope) => scope.status !== 'deleted');
  const scopes = await Promise.all(
    live.map((scope) =>
      scope.active_deployment === undefined ? queries.read(scopeQueries.detail(scope.id)) : Promise.resolve(scope),
    ),
  );
  return scopes.filter((scope): scope is Scope => scope !== undefined);
}

/** The scopes of an application, each shown with the release of its active and in-flight deployments. */
export async function scopesWithReleases(queries: PageQueries, applicationId: number): Promise<void> {
  for (const scope of await applicationScopes(queries, applicationId)) {
    for (const deploymentId of [scope.active_deployment, scope.in_progress_deployment]) {
      if (typeof deploymentId === 'number') void deploymentRelease(queries, deploymentId);
    }
  }
}
