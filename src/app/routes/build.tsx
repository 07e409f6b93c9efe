import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';

import { InvalidId, parseId, useIdParam } from '@/app/route-helpers';
import type { RouteHandle } from '@/app/route-handle';
import { BreadcrumbTrail } from '@/components/ui/breadcrumbs';
import { PageSkeleton, Skeleton } from '@/components/ui/skeleton';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader, SectionHeading } from '@/components/ui/page-header';
import { ApplicationBreadcrumb } from '@/features/applications/components/application-breadcrumb';
import { buildQueries } from '@/features/builds/api/queries';
import { BuildAssets, BuildDetails } from '@/features/builds/components/build-details';
import { CreateReleaseButton } from '@/features/releases/components/create-release-dialog';
import { ReleasesList } from '@/features/releases/components/releases-list';
import { paths } from '@/lib/paths';
import { errorsInPlace } from '@/lib/query-client';

function BuildBreadcrumb({ buildId }: { buildId: number }) {
  const build = useQuery(errorsInPlace(buildQueries.detail(buildId)));
  if (!build.data)
    return (
      <BreadcrumbTrail
        items={[
          { label: 'Applications', href: paths.home.getHref() },
          { label: build.isPending ? <Skeleton /> : `Build #${buildId}` },
        ]}
      />
    );
  const applicationId = build.data.application_id;
  return (
    <ApplicationBreadcrumb
      applicationId={applicationId}
      trail={[{ label: 'Builds', href: paths.builds.getHref(applicationId) }, { label: `Build #${buildId}` }]}
    />
  );
}

export const handle: RouteHandle = {
  Breadcrumb: ({ params }) => {
    const id = parseId(params.buildId);
    return id ? <BuildBreadcrumb buildId={id} /> : null;
  },
};

function BuildPage({ buildId }: { buildId: number }) {
  const navigate = useNavigate();
  const query = useQuery(buildQueries.detail(buildId));
  if (query.isPending) return <PageSkeleton label="Loading build…" />;
  if (query.data === undefined) {
    return (
      <ErrorState
        error={query.error}
        title={`Couldn't load build #${buildId}`}
        onRetry={() => void query.refetch()}
        back={{ href: paths.home.getHref(), label: 'Back to applications' }}
      />
    );
  }
  const build = query.data;
  return (
    <>
      <title>{`Build #${build.id} · np-console`}</title>
      <PageHeader
        title={`Build #${build.id}`}
        actions={
          <CreateReleaseButton
            build={build}
            onCreated={() => void navigate(paths.releases.getHref(build.application_id))}
          />
        }
      />
      <BuildDetails build={build} />
      <BuildAssets build={build} />
      <section aria-labelledby="build-releases">
        <SectionHeading id="build-releases">Releases of this build</SectionHeading>
        <ReleasesList
          applicationId={build.application_id}
          buildId={build.id}
          paged={false}
          emptyText={
            build.status === 'successful'
              ? 'Create one with "Create release".'
              : 'Only a successful build can be released.'
          }
        />
      </section>
    </>
  );
}

export default function BuildRoute() {
  const buildId = useIdParam('buildId');
  if (buildId === undefined) return <InvalidId what="a build" />;
  return <BuildPage buildId={buildId} />;
}
