import { useQuery } from '@tanstack/react-query';

import { InvalidId, parseId, renderRelease, useIdParam } from '@/app/route-helpers';
import type { RouteHandle } from '@/app/route-handle';
import { TextLink } from '@/components/ui/text-link';
import { ApplicationBreadcrumb } from '@/features/applications/components/application-breadcrumb';
import { ApplicationHeader } from '@/features/applications/components/application-header';
import { DeploymentsList } from '@/features/deployments/components/deployments-list';
import { scopeQueries } from '@/features/scopes/api/queries';
import { paths } from '@/lib/paths';
import { displayName } from '@/lib/read/display';
import { errorsInPlace } from '@/lib/query-client';

export const handle: RouteHandle = {
  Breadcrumb: ({ params }) => {
    const id = parseId(params.applicationId);
    return id ? <ApplicationBreadcrumb applicationId={id} trail={[{ label: 'Deployments' }]} /> : null;
  },
};

function Deployments({ applicationId }: { applicationId: number }) {
  const scopes = useQuery(errorsInPlace(scopeQueries.ofApplication(applicationId)));
  const scopeName = new Map((scopes.data?.results ?? []).map((scope) => [scope.id, displayName(scope, 'Scope')]));
  return (
    <DeploymentsList
      filter={{ application_id: applicationId }}
      clearHref={paths.deployments.getHref(applicationId)}
      renderRelease={renderRelease}
      renderScope={(scopeId) => (
        <TextLink to={paths.scope.getHref(scopeId)}>{scopeName.get(scopeId) ?? `Scope #${scopeId}`}</TextLink>
      )}
    />
  );
}

export default function DeploymentsRoute() {
  const applicationId = useIdParam('applicationId');
  if (applicationId === undefined) return <InvalidId what="an application" />;
  return (
    <>
      <ApplicationHeader applicationId={applicationId} section="deployments">
        <Deployments applicationId={applicationId} />
      </ApplicationHeader>
    </>
  );
}
