/**
 * The deployment page: the deployment (its route asked for it already, first-read.ts), then its scope, release and
 * application, then the build and the release of the deployment it replaces. That last one is read from the scope's
 * finalized deployments when they list it (the page asks for that list in any case), so it does not wait for the
 * replaced deployment itself: the page's data arrives in three rounds rather than four.
 */
import { applicationQueries } from '@/features/applications/api/queries';
import { buildQueries } from '@/features/builds/api/queries';
import { deploymentQueries } from '@/features/deployments/api/queries';
import {
  replacedFromScope,
  replacedHistoryQuery,
  replacedInHistory,
} from '@/features/deployments/hooks/use-replaced-deployment';
import { releaseQueries } from '@/features/releases/api/queries';
import { scopeQueries } from '@/features/scopes/api/queries';
import { consoleInfoQuery } from '@/lib/console-info';
import { parseId } from '@/lib/paths';

import type { PageLoad, PageQueries } from './page-load';
import { startScopeRuntime } from './scope-runtime';

async function deploymentPage(queries: PageQueries, deploymentId: number): Promise<void> {
  const deployment = await queries.read(deploymentQueries.detail(deploymentId));
  if (deployment === undefined) return;
  startScopeRuntime(queries, deployment.scope_id);
  if (deployment.application_id !== undefined) queries.start(applicationQueries.detail(deployment.application_id));
  // The instances and the live chart's code, on the local platform only (connected, the page asks for neither).
  void queries.read(consoleInfoQuery).then((info) => {
    if (info?.mode !== 'local') return;
    queries.start(scopeQueries.runtime(deployment.scope_id));
    void import('@/features/deployments/components/traffic-chart');
  });
  // The page asks for a blue/green deployment's history while its scope loads (useReplacedDeployment): so does this.
  const [release, scope, finalized] = await Promise.all([
    queries.read(releaseQueries.detail(deployment.release_id)),
    queries.read(scopeQueries.detail(deployment.scope_id)),
    deployment.strategy === 'blue_green' ? queries.read(replacedHistoryQuery(deployment.scope_id)) : undefined,
  ]);
  if (release !== undefined) queries.start(buildQueries.detail(release.build_id));
  if (scope !== undefined && deployment.application_id === undefined)
    queries.start(applicationQueries.detail(scope.application_id));
  const fromScope = replacedFromScope(deployment, scope?.active_deployment);
  const previousId = fromScope ?? (finalized === undefined ? undefined : replacedInHistory(deployment, finalized));
  if (previousId === undefined) return;
  const listed = finalized?.results.find((candidate) => candidate.id === previousId);
  if (listed !== undefined) queries.start(releaseQueries.detail(listed.release_id));
  const previous = await queries.read(deploymentQueries.detail(previousId));
  if (previous !== undefined && listed === undefined) queries.start(releaseQueries.detail(previous.release_id));
}

export const loadDeploymentPage: PageLoad = (queries, { params }) => {
  const deploymentId = parseId(params['deploymentId']);
  if (deploymentId !== undefined) void deploymentPage(queries, deploymentId);
};
