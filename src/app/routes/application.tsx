import { useNavigate } from 'react-router-dom';

import { InvalidId, parseId, renderRelease, useIdParam } from '@/app/route-helpers';
import type { RouteHandle } from '@/app/route-handle';
import { BreadcrumbTrail } from '@/components/ui/breadcrumbs';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { SectionHeading } from '@/components/ui/page-header';
import { PageSpinner } from '@/components/ui/spinner';
import { ActivitySection } from '@/features/activity/components/activity-feed';
import { ApplicationBreadcrumb } from '@/features/applications/components/application-breadcrumb';
import { ApplicationHeader } from '@/features/applications/components/application-header';
import { DeploymentRelease } from '@/features/deployments/components/deployment-release';
import { InFlightDeployment } from '@/features/deployments/components/in-flight-deployment';
import { useApplicationScopes } from '@/features/scopes/api/use-application-scopes';
import { CreateScopeButton } from '@/features/scopes/components/create-scope-dialog';
import { ScopeCard } from '@/features/scopes/components/scope-card';
import { paths } from '@/lib/paths';

export const handle: RouteHandle = {
  Breadcrumb: ({ params }) => {
    const id = parseId(params.applicationId);
    return id ? <ApplicationBreadcrumb applicationId={id} /> : <BreadcrumbTrail items={[{ label: 'Applications' }]} />;
  },
};

function ScopeCards({ applicationId }: { applicationId: number }) {
  const { list, scopes } = useApplicationScopes(applicationId);
  if (list.isPending) return <PageSpinner label="Loading scopes…" />;
  if (list.data === undefined)
    return <ErrorState error={list.error} title="Couldn't load the scopes" onRetry={() => void list.refetch()} />;
  if (!scopes || scopes.length === 0) {
    return <EmptyState title="No scopes yet">A scope is where a release runs: create one to deploy to.</EmptyState>;
  }
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-3">
      {scopes.map((scope) => (
        <ScopeCard
          key={scope.id}
          scope={scope}
          activeRelease={
            typeof scope.active_deployment === 'number' ? (
              <DeploymentRelease deploymentId={scope.active_deployment} renderRelease={renderRelease} />
            ) : scope.active_deployment === null ? (
              <span className="text-slate-500 dark:text-slate-400">Nothing deployed yet</span>
            ) : (
              <span className="text-slate-500 dark:text-slate-400">Unknown</span>
            )
          }
          inFlight={
            typeof scope.in_progress_deployment === 'number' ? (
              <InFlightDeployment deploymentId={scope.in_progress_deployment} renderRelease={renderRelease} />
            ) : undefined
          }
        />
      ))}
    </div>
  );
}

/** "Create scope" next to the scopes, opening the new scope's page once it exists. */
function CreateScopeAction({ applicationId }: { applicationId: number }) {
  const { scopes } = useApplicationScopes(applicationId);
  const navigate = useNavigate();
  return (
    <CreateScopeButton
      applicationId={applicationId}
      existing={scopes ?? []}
      onCreated={(scope) => void navigate(paths.scope.getHref(scope.id))}
    />
  );
}

export default function ApplicationRoute() {
  const applicationId = useIdParam('applicationId');
  if (applicationId === undefined) return <InvalidId what="an application" />;
  return (
    <>
      <ApplicationHeader applicationId={applicationId} section="overview">
        <section aria-labelledby="scopes-heading">
          <SectionHeading id="scopes-heading" actions={<CreateScopeAction applicationId={applicationId} />}>
            Scopes
          </SectionHeading>
          <ScopeCards applicationId={applicationId} />
        </section>
        <ActivitySection of={{ application_id: applicationId }} />
      </ApplicationHeader>
    </>
  );
}
