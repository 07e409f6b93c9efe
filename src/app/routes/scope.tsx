import type { Scope } from '@/lib/read/scope';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';

import { DeployHereDialog } from '@/app/compose/deploy-dialogs';
import { InvalidId, parseId, renderRelease, useIdParam } from '@/app/route-helpers';
import type { RouteHandle } from '@/app/route-handle';
import { BreadcrumbTrail } from '@/components/ui/breadcrumbs';
import { PageSkeleton, Skeleton } from '@/components/ui/skeleton';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader, SectionHeading } from '@/components/ui/page-header';
import { ActivitySection } from '@/features/activity/components/activity-feed';
import { ApplicationBreadcrumb } from '@/features/applications/components/application-breadcrumb';
import { DeploymentRelease } from '@/features/deployments/components/deployment-release';
import { DeploymentsList } from '@/features/deployments/components/deployments-list';
import { InFlightDeployment } from '@/features/deployments/components/in-flight-deployment';
import { scopeQueries } from '@/features/scopes/api/queries';
import { DeleteScopeButton } from '@/features/scopes/components/delete-scope-button';
import { ScopeDetails } from '@/features/scopes/components/scope-details';
import { ScopeRequirements } from '@/features/scopes/components/scope-requirements';
import { TestTrafficControl } from '@/features/scopes/components/test-traffic-control';
import { paths } from '@/lib/paths';
import { displayName } from '@/lib/read/display';
import { errorsInPlace } from '@/lib/query-client';

function ScopeBreadcrumb({ scopeId }: { scopeId: number }) {
  const scope = useQuery(errorsInPlace(scopeQueries.detail(scopeId)));
  if (!scope.data)
    return (
      <BreadcrumbTrail
        items={[
          { label: 'Applications', href: paths.home.getHref() },
          { label: scope.isPending ? <Skeleton /> : `Scope #${scopeId}` },
        ]}
      />
    );
  const applicationId = scope.data.application_id;
  return (
    <ApplicationBreadcrumb
      applicationId={applicationId}
      trail={[
        { label: 'Scopes', href: paths.scopes.getHref(applicationId) },
        { label: displayName(scope.data, 'Scope') },
      ]}
    />
  );
}

export const handle: RouteHandle = {
  Breadcrumb: ({ params }) => {
    const id = parseId(params.scopeId);
    return id ? <ScopeBreadcrumb scopeId={id} /> : null;
  },
};

const goneStatuses = ['deleting', 'deleted'];

/** Deploy a release here, and delete the scope: not offered once the scope is going away. */
function ScopeActions({ scope }: { scope: Scope }) {
  const [deploying, setDeploying] = useState(false);
  const navigate = useNavigate();
  if (scope.status && goneStatuses.includes(scope.status)) return null;
  return (
    <>
      <Button size="sm" onClick={() => setDeploying(true)}>
        Deploy a release here
      </Button>
      {deploying && <DeployHereDialog scope={scope} onClose={() => setDeploying(false)} />}
      <DeleteScopeButton scope={scope} onDeleted={() => void navigate(paths.scopes.getHref(scope.application_id))} />
    </>
  );
}

function ScopePage({ scopeId }: { scopeId: number }) {
  const query = useQuery(scopeQueries.detail(scopeId));
  if (query.isPending) return <PageSkeleton label="Loading scope…" />;
  if (query.data === undefined) {
    return (
      <ErrorState
        error={query.error}
        title={`Couldn't load scope #${scopeId}`}
        onRetry={() => void query.refetch()}
        back={{ href: paths.home.getHref(), label: 'Back to applications' }}
      />
    );
  }
  const scope = query.data;
  return (
    <>
      <title>{`${displayName(scope, 'Scope')} · Scope · np-console`}</title>
      <PageHeader
        title={displayName(scope, 'Scope')}
        description={`Scope #${scope.id} · ${scope.type ?? 'type unknown'}`}
        actions={<ScopeActions scope={scope} />}
      />
      <ScopeDetails
        scope={scope}
        activeDeployment={
          typeof scope.active_deployment === 'number' ? (
            <DeploymentRelease deploymentId={scope.active_deployment} renderRelease={renderRelease} />
          ) : (
            <span className="text-slate-500 dark:text-slate-400">Nothing deployed yet</span>
          )
        }
      />
      {typeof scope.in_progress_deployment === 'number' && (
        <section
          aria-labelledby="scope-in-flight"
          className="mb-8 rounded-lg border border-amber-300 p-4 dark:border-amber-800"
        >
          <h2 id="scope-in-flight" className="sr-only">
            Deployment in flight
          </h2>
          <InFlightDeployment deploymentId={scope.in_progress_deployment} renderRelease={renderRelease} />
        </section>
      )}
      <TestTrafficControl scope={scope} />
      <ScopeRequirements scope={scope} />
      <section aria-labelledby="scope-history">
        <SectionHeading id="scope-history">Deployment history</SectionHeading>
        <DeploymentsList
          filter={{ scope_id: scope.id }}
          clearHref={paths.scope.getHref(scope.id)}
          renderRelease={renderRelease}
          caption={`Deployments of ${displayName(scope, 'Scope')}`}
        />
      </section>
      <ActivitySection of={{ scope_id: scope.id }} />
    </>
  );
}

export default function ScopeRoute() {
  const scopeId = useIdParam('scopeId');
  if (scopeId === undefined) return <InvalidId what="a scope" />;
  return <ScopePage scopeId={scopeId} />;
}
