/**
 * A minimal deployment page: status and release. It is to be replaced by the full page (status timeline, messages,
 * blue/green traffic panel, finalize/cancel, live chart) built on features/deployments.
 */
import { useQuery } from '@tanstack/react-query';

import { InvalidId, parseId, renderRelease, useIdParam } from '@/app/route-helpers';
import type { RouteHandle } from '@/app/route-handle';
import { BreadcrumbTrail } from '@/components/ui/breadcrumbs';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { PageSpinner } from '@/components/ui/spinner';
import { ApplicationBreadcrumb } from '@/features/applications/components/application-breadcrumb';
import { deploymentQueries } from '@/features/deployments/api/queries';
import { DeploymentSummary } from '@/features/deployments/components/deployment-summary';
import { paths } from '@/lib/paths';

function DeploymentBreadcrumb({ deploymentId }: { deploymentId: number }) {
  const deployment = useQuery({ ...deploymentQueries.detail(deploymentId), throwOnError: false });
  const applicationId = deployment.data?.application_id;
  const label = `Deployment #${deploymentId}`;
  if (applicationId === undefined) {
    return <BreadcrumbTrail items={[{ label: 'Applications', href: paths.home.getHref() }, { label }]} />;
  }
  return (
    <ApplicationBreadcrumb
      applicationId={applicationId}
      trail={[{ label: 'Deployments', href: paths.deployments.getHref(applicationId) }, { label }]}
    />
  );
}

export const handle: RouteHandle = {
  Breadcrumb: ({ params }) => {
    const id = parseId(params.deploymentId);
    return id ? <DeploymentBreadcrumb deploymentId={id} /> : null;
  },
};

function DeploymentPage({ deploymentId }: { deploymentId: number }) {
  const query = useQuery(deploymentQueries.detail(deploymentId));
  if (query.isPending) return <PageSpinner label="Loading deployment…" />;
  if (query.data === undefined) {
    return (
      <ErrorState
        error={query.error}
        title={`Couldn't load deployment #${deploymentId}`}
        onRetry={() => void query.refetch()}
        back={{ href: paths.home.getHref(), label: 'Back to applications' }}
      />
    );
  }
  return (
    <>
      <title>{`Deployment #${deploymentId} · np-console`}</title>
      <PageHeader title={`Deployment #${deploymentId}`} />
      <DeploymentSummary deployment={query.data} renderRelease={renderRelease} />
    </>
  );
}

export default function DeploymentRoute() {
  const deploymentId = useIdParam('deploymentId');
  if (deploymentId === undefined) return <InvalidId what="a deployment" />;
  return <DeploymentPage deploymentId={deploymentId} />;
}
