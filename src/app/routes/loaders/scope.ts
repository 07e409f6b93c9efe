/** The scope page: the scope, then its application, the releases of its active and in-flight deployments, its history. */
import { parseId } from '@/lib/paths';
import { applicationQueries } from '@/features/applications/api/queries';
import { deploymentListFilters, deploymentQueries } from '@/features/deployments/api/queries';
import { releaseQueries } from '@/features/releases/api/queries';
import { scopeQueries } from '@/features/scopes/api/queries';
import { consoleInfoQuery } from '@/lib/console-info';

import { deploymentRelease } from './deployments-of';
import type { PageLoad, PageQueries } from './page-load';

async function scopePage(queries: PageQueries, scopeId: number, search: URLSearchParams): Promise<void> {
  const history = queries.read(deploymentQueries.list(deploymentListFilters({ scope_id: scopeId }, search)));
  const scope = await queries.read(scopeQueries.detail(scopeId));
  if (scope !== undefined) {
    queries.start(applicationQueries.detail(scope.application_id));
    // The instances' health: the local platform's own read (connected, the page does not ask for it).
    void queries.read(consoleInfoQuery).then((info) => {
      if (info?.mode === 'local') queries.start(scopeQueries.runtime(scope.id));
    });
    for (const deploymentId of [scope.active_deployment, scope.in_progress_deployment]) {
      if (typeof deploymentId === 'number') void deploymentRelease(queries, deploymentId);
    }
  }
  for (const deployment of (await history)?.results ?? []) queries.start(releaseQueries.detail(deployment.release_id));
}

export const loadScopePage: PageLoad = (queries, { params, search }) => {
  const scopeId = parseId(params['scopeId']);
  if (scopeId !== undefined) void scopePage(queries, scopeId, search);
};
