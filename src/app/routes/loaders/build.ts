/** The build page: the build, then its application and its releases. */
import { parseId } from '@/lib/paths';
import { applicationQueries } from '@/features/applications/api/queries';
import { buildQueries } from '@/features/builds/api/queries';
import { releaseListFilters, releaseQueries } from '@/features/releases/api/queries';

import type { PageLoad, PageQueries } from './page-load';

async function buildPage(queries: PageQueries, buildId: number): Promise<void> {
  const build = await queries.read(buildQueries.detail(buildId));
  if (build === undefined) return;
  queries.start(applicationQueries.detail(build.application_id));
  queries.start(releaseQueries.list(releaseListFilters(build.application_id, build.id, undefined)));
}

export const loadBuildPage: PageLoad = (queries, { params }) => {
  const buildId = parseId(params['buildId']);
  if (buildId !== undefined) void buildPage(queries, buildId);
};
