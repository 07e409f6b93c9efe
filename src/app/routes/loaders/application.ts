/**
 * The pages of one application (`/applications/:applicationId/…`): the application (their header) and what each
 * section lists, with the filters and the page its URL says.
 */
import { parseId } from '@/lib/paths';
import { applicationQueries } from '@/features/applications/api/queries';
import { buildListFilters, buildQueries } from '@/features/builds/api/queries';
import { deploymentListFilters, deploymentQueries } from '@/features/deployments/api/queries';
import { releaseListFilters, releaseQueries } from '@/features/releases/api/queries';
import { scopeQueries } from '@/features/scopes/api/queries';

import { applicationScopes, scopesWithReleases } from './deployments-of';
import type { PageLoad, PageQueries } from './page-load';

type Section = (queries: PageQueries, applicationId: number, search: URLSearchParams) => Promise<void>;

function applicationPage(section: Section): PageLoad {
  return (queries, { params, search }) => {
    const applicationId = parseId(params['applicationId']);
    if (applicationId === undefined) return;
    queries.start(applicationQueries.detail(applicationId));
    void section(queries, applicationId, search);
  };
}

/** Overview and scopes: the scopes, each with the releases it runs. */
export const loadApplicationPage = applicationPage(scopesWithReleases);
export const loadScopesPage = applicationPage(scopesWithReleases);

export const loadBuildsPage = applicationPage(async (queries, applicationId, search) => {
  const builds = await queries.read(buildQueries.list(buildListFilters(applicationId, search)));
  // Each row says which releases its build has, from the application's releases (BuildReleases).
  for (const build of builds?.results ?? []) queries.start(releaseQueries.versions(build.application_id));
});

export const loadReleasesPage = applicationPage(async (queries, applicationId, search) => {
  queries.start(deploymentQueries.ofApplication(applicationId));
  // Where each release runs (useReleasePlacements).
  void applicationScopes(queries, applicationId);
  const releases = await queries.read(releaseQueries.list(releaseListFilters(applicationId, undefined, search)));
  for (const release of releases?.results ?? []) queries.start(buildQueries.detail(release.build_id));
});

export const loadDeploymentsPage = applicationPage(async (queries, applicationId, search) => {
  queries.start(scopeQueries.ofApplication(applicationId));
  const deployments = await queries.read(
    deploymentQueries.list(deploymentListFilters({ application_id: applicationId }, search)),
  );
  for (const deployment of deployments?.results ?? []) queries.start(releaseQueries.detail(deployment.release_id));
});
