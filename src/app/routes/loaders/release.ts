/** The release page: the release, then its build and application, and where the application's releases run. */
import { parseId } from '@/lib/paths';
import { applicationQueries } from '@/features/applications/api/queries';
import { buildQueries } from '@/features/builds/api/queries';
import { deploymentQueries } from '@/features/deployments/api/queries';
import { releaseQueries } from '@/features/releases/api/queries';

import { applicationScopes } from './deployments-of';
import type { PageLoad, PageQueries } from './page-load';

async function releasePage(queries: PageQueries, releaseId: number): Promise<void> {
  const release = await queries.read(releaseQueries.detail(releaseId));
  if (release === undefined) return;
  queries.start(buildQueries.detail(release.build_id));
  queries.start(applicationQueries.detail(release.application_id));
  queries.start(deploymentQueries.ofApplication(release.application_id));
  void applicationScopes(queries, release.application_id);
}

export const loadReleasePage: PageLoad = (queries, { params }) => {
  const releaseId = parseId(params['releaseId']);
  if (releaseId !== undefined) void releasePage(queries, releaseId);
};
