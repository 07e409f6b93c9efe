import { DeployReleaseButton } from '@/app/compose/deploy-dialogs';
import { CompareReleases } from '@/app/compose/release-changes';
import { ReleasePlacementCell, useReleasePlacements } from '@/app/compose/release-placement';
import { InvalidId, parseId, useIdParam } from '@/app/route-helpers';
import type { RouteHandle } from '@/app/route-handle';
import { ApplicationBreadcrumb } from '@/features/applications/components/application-breadcrumb';
import { ApplicationHeader } from '@/features/applications/components/application-header';
import { BuildReference } from '@/features/builds/components/build-reference';
import { ReleasesList } from '@/features/releases/components/releases-list';

export const handle: RouteHandle = {
  Breadcrumb: ({ params }) => {
    const id = parseId(params.applicationId);
    return id ? <ApplicationBreadcrumb applicationId={id} trail={[{ label: 'Releases' }]} /> : null;
  },
};

export default function ReleasesRoute() {
  const applicationId = useIdParam('applicationId');
  if (applicationId === undefined) return <InvalidId what="an application" />;
  return <Releases applicationId={applicationId} />;
}

function Releases({ applicationId }: { applicationId: number }) {
  const placements = useReleasePlacements(applicationId);
  return (
    <>
      <ApplicationHeader applicationId={applicationId} section="releases">
        <ReleasesList
          applicationId={applicationId}
          renderBuild={(release) => <BuildReference buildId={release.build_id} />}
          renderActions={(release) => <DeployReleaseButton release={release} size="sm" />}
          renderPlacement={(release) => <ReleasePlacementCell placements={placements} releaseId={release.id} />}
        />
        <CompareReleases applicationId={applicationId} />
      </ApplicationHeader>
    </>
  );
}
