import type { Release } from '@/lib/read/release';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';

import { InvalidId, parseId, renderRelease, useIdParam } from '@/app/route-helpers';
import type { RouteHandle } from '@/app/route-handle';
import { Button } from '@/components/ui/button';
import { ApplicationBreadcrumb } from '@/features/applications/components/application-breadcrumb';
import { ApplicationHeader } from '@/features/applications/components/application-header';
import { buildQueries } from '@/features/builds/api/queries';
import { BuildReference } from '@/features/builds/components/build-reference';
import { DeployDialog } from '@/features/deployments/components/deploy-dialog';
import { ReleasesList } from '@/features/releases/components/releases-list';
import { useApplicationScopes } from '@/features/scopes/api/use-application-scopes';
import { paths } from '@/lib/paths';

export const handle: RouteHandle = {
  Breadcrumb: ({ params }) => {
    const id = parseId(params.applicationId);
    return id ? <ApplicationBreadcrumb applicationId={id} trail={[{ label: 'Releases' }]} /> : null;
  },
};

/** The deploy dialog with what it needs from other features: the application's scopes and the build's assets. */
function DeployReleaseDialog({ release, onClose }: { release: Release; onClose: () => void }) {
  const navigate = useNavigate();
  const { list, scopes, isPending } = useApplicationScopes(release.application_id);
  const build = useQuery({ ...buildQueries.detail(release.build_id), throwOnError: false });
  return (
    <DeployDialog
      release={release}
      scopes={{ data: scopes, isPending, error: list.error }}
      assets={{ data: build.data?.assets, isPending: build.isPending, error: build.error }}
      renderRelease={renderRelease}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      onDeployed={(deployment) => void navigate(paths.deployment.getHref(deployment.id))}
    />
  );
}

function DeployAction({ release }: { release: Release }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" onClick={() => setOpen(true)} aria-label={`Deploy ${release.semver}`}>
        Deploy
      </Button>
      {open && <DeployReleaseDialog release={release} onClose={() => setOpen(false)} />}
    </>
  );
}

export default function ReleasesRoute() {
  const applicationId = useIdParam('applicationId');
  if (applicationId === undefined) return <InvalidId what="an application" />;
  return (
    <>
      <ApplicationHeader applicationId={applicationId} section="releases" />
      <ReleasesList
        applicationId={applicationId}
        renderBuild={(release) => <BuildReference buildId={release.build_id} />}
        renderActions={(release) => <DeployAction release={release} />}
      />
    </>
  );
}
