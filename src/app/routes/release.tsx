import type { Release } from '@/lib/read/release';
import { useQuery } from '@tanstack/react-query';

import { DeployReleaseButton } from '@/app/compose/deploy-dialogs';
import { useReleasePlacements, type ReleasePlacement } from '@/app/compose/release-placement';
import { InvalidId, parseId, renderRelease, useIdParam } from '@/app/route-helpers';
import type { RouteHandle } from '@/app/route-handle';
import { Badge, StatusBadge } from '@/components/ui/badge';
import { BreadcrumbTrail } from '@/components/ui/breadcrumbs';
import { PageSkeleton, Skeleton } from '@/components/ui/skeleton';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader, SectionHeading } from '@/components/ui/page-header';
import { RelativeTime } from '@/components/ui/relative-time';
import { Spinner } from '@/components/ui/spinner';
import { TextLink } from '@/components/ui/text-link';
import { ApplicationBreadcrumb } from '@/features/applications/components/application-breadcrumb';
import { buildQueries } from '@/features/builds/api/queries';
import { BuildDetails } from '@/features/builds/components/build-details';
import { DeploymentsTable } from '@/features/deployments/components/deployments-table';
import { releaseQueries } from '@/features/releases/api/queries';
import { paths } from '@/lib/paths';
import { displayName } from '@/lib/read/display';
import { errorsInPlace } from '@/lib/query-client';

function ReleaseBreadcrumb({ releaseId }: { releaseId: number }) {
  const release = useQuery(errorsInPlace(releaseQueries.detail(releaseId)));
  if (!release.data)
    return (
      <BreadcrumbTrail
        items={[
          { label: 'Applications', href: paths.home.getHref() },
          { label: release.isPending ? <Skeleton /> : `Release #${releaseId}` },
        ]}
      />
    );
  const { application_id: applicationId, semver } = release.data;
  return (
    <ApplicationBreadcrumb
      applicationId={applicationId}
      trail={[
        { label: 'Releases', href: paths.releases.getHref(applicationId) },
        { label: semver ?? `Release #${releaseId}` },
      ]}
    />
  );
}

export const handle: RouteHandle = {
  Breadcrumb: ({ params }) => {
    const id = parseId(params.releaseId);
    return id ? <ReleaseBreadcrumb releaseId={id} /> : null;
  },
};

function ReleaseBuild({ release }: { release: Release }) {
  const build = useQuery(errorsInPlace(buildQueries.detail(release.build_id)));
  return (
    <section aria-labelledby="release-build">
      <SectionHeading id="release-build">
        Build <TextLink to={paths.build.getHref(release.build_id)}>#{release.build_id}</TextLink>
      </SectionHeading>
      {build.isPending ? (
        <Spinner label="Loading the build…" />
      ) : build.data ? (
        <BuildDetails build={build.data} />
      ) : (
        <ErrorState error={build.error} title={`Couldn't load build #${release.build_id}`} className="mb-8" />
      )}
    </section>
  );
}

function RunsNow({ placement }: { placement: ReleasePlacement }) {
  const { serving, inFlight, lastFailed, deployments } = placement;
  return (
    <ul className="mb-8 space-y-2 text-sm" aria-label="Where this release runs">
      {serving.map((scope) => (
        <li key={scope.id} className="flex items-center gap-2">
          <Badge tone="success" dot>
            serving
          </Badge>
          <TextLink to={paths.scope.getHref(scope.id)}>{displayName(scope, 'Scope')}</TextLink>
        </li>
      ))}
      {inFlight.map(({ scope, deployment }) => (
        <li key={`flight-${scope.id}`} className="flex items-center gap-2">
          <Badge tone="progress" dot>
            deploying
          </Badge>
          <TextLink to={paths.scope.getHref(scope.id)}>{displayName(scope, 'Scope')}</TextLink>
          <TextLink to={paths.deployment.getHref(deployment.id)}>deployment #{deployment.id}</TextLink>
        </li>
      ))}
      {serving.length === 0 && inFlight.length === 0 && (
        <li className="text-slate-600 dark:text-slate-400">
          {deployments.length === 0 ? 'Never deployed.' : 'Not serving in any scope now.'}
        </li>
      )}
      {lastFailed && deployments[0] && (
        <li className="flex items-center gap-2">
          <Badge tone="danger">last deployment failed</Badge>
          <TextLink to={paths.deployment.getHref(deployments[0].id)}>deployment #{deployments[0].id}</TextLink>
        </li>
      )}
    </ul>
  );
}

function ReleaseRuns({ release }: { release: Release }) {
  const placements = useReleasePlacements(release.application_id);
  if (placements.isPending) return <Spinner label="Reading where it runs…" />;
  if (placements.error) return <ErrorState error={placements.error} title="Couldn't read where this release runs" />;
  const placement = placements.placementOf(release.id);
  return (
    <>
      <section aria-labelledby="release-runs">
        <SectionHeading id="release-runs">Where it runs now</SectionHeading>
        <RunsNow placement={placement} />
      </section>
      <section aria-labelledby="release-deployments">
        <SectionHeading id="release-deployments">Deployments of {release.semver ?? 'this release'}</SectionHeading>
        {placement.deployments.length === 0 ? (
          <EmptyState title="Not deployed yet">Deploy it to a scope with "Deploy".</EmptyState>
        ) : (
          <DeploymentsTable
            deployments={placement.deployments}
            caption={`Deployments of ${release.semver ?? `release #${release.id}`}`}
            renderRelease={renderRelease}
            renderScope={(scopeId) => (
              <TextLink to={paths.scope.getHref(scopeId)}>
                {placements.scopeName(scopeId) ?? `Scope #${scopeId}`}
              </TextLink>
            )}
          />
        )}
      </section>
    </>
  );
}

function ReleasePage({ releaseId }: { releaseId: number }) {
  const query = useQuery(releaseQueries.detail(releaseId));
  if (query.isPending) return <PageSkeleton label="Loading release…" />;
  if (query.data === undefined) {
    return (
      <ErrorState
        error={query.error}
        title={`Couldn't load release #${releaseId}`}
        onRetry={() => void query.refetch()}
        back={{ href: paths.home.getHref(), label: 'Back to applications' }}
      />
    );
  }
  const release = query.data;
  const title = `Release ${release.semver ?? `#${release.id}`}`;
  return (
    <>
      <title>{`${title} · np-console`}</title>
      <PageHeader
        title={title}
        meta={
          <>
            <StatusBadge status={release.status} />{' '}
            <span>
              created <RelativeTime value={release.created_at} />
            </span>
          </>
        }
        actions={<DeployReleaseButton release={release} />}
      />
      <ReleaseBuild release={release} />
      <ReleaseRuns release={release} />
    </>
  );
}

export default function ReleaseRoute() {
  const releaseId = useIdParam('releaseId');
  if (releaseId === undefined) return <InvalidId what="a release" />;
  return <ReleasePage releaseId={releaseId} />;
}
