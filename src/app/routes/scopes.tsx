import { useNavigate } from 'react-router-dom';

import { InvalidId, parseId, renderRelease, useIdParam } from '@/app/route-helpers';
import type { RouteHandle } from '@/app/route-handle';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { PageSpinner } from '@/components/ui/spinner';
import { ApplicationBreadcrumb } from '@/features/applications/components/application-breadcrumb';
import { ApplicationHeader } from '@/features/applications/components/application-header';
import { DeploymentRelease } from '@/features/deployments/components/deployment-release';
import { useApplicationScopes } from '@/features/scopes/api/use-application-scopes';
import { CreateScopeButton } from '@/features/scopes/components/create-scope-dialog';
import { ScopesTable } from '@/features/scopes/components/scopes-table';
import { paths } from '@/lib/paths';

export const handle: RouteHandle = {
  Breadcrumb: ({ params }) => {
    const id = parseId(params.applicationId);
    return id ? <ApplicationBreadcrumb applicationId={id} trail={[{ label: 'Scopes' }]} /> : null;
  },
};

function Scopes({ applicationId }: { applicationId: number }) {
  const { list, scopes } = useApplicationScopes(applicationId);
  const navigate = useNavigate();
  const create = (variant: 'primary' | 'secondary') => (
    <CreateScopeButton
      applicationId={applicationId}
      existing={scopes ?? []}
      variant={variant}
      onCreated={(scope) => void navigate(paths.scope.getHref(scope.id))}
    />
  );
  if (list.isPending) return <PageSpinner label="Loading scopes…" />;
  if (list.data === undefined)
    return <ErrorState error={list.error} title="Couldn't load the scopes" onRetry={() => void list.refetch()} />;
  if (!scopes || scopes.length === 0) {
    return (
      <EmptyState title="No scopes yet" action={create('primary')}>
        A scope is where a release runs.
      </EmptyState>
    );
  }
  return (
    <>
      <div className="mb-4 flex justify-end">{create('secondary')}</div>
      <ScopesTable
        scopes={scopes}
        renderActiveRelease={(scope) =>
          typeof scope.active_deployment === 'number' ? (
            <DeploymentRelease deploymentId={scope.active_deployment} renderRelease={renderRelease} />
          ) : (
            <span className="text-slate-500 dark:text-slate-400">
              {scope.active_deployment === null ? 'Nothing yet' : '—'}
            </span>
          )
        }
        renderInFlight={(scope) =>
          typeof scope.in_progress_deployment === 'number' ? (
            <DeploymentRelease deploymentId={scope.in_progress_deployment} renderRelease={renderRelease} />
          ) : (
            <span className="text-slate-400">—</span>
          )
        }
      />
    </>
  );
}

export default function ScopesRoute() {
  const applicationId = useIdParam('applicationId');
  if (applicationId === undefined) return <InvalidId what="an application" />;
  return (
    <>
      <ApplicationHeader applicationId={applicationId} section="scopes">
        <Scopes applicationId={applicationId} />
      </ApplicationHeader>
    </>
  );
}
