import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';

import { Skeleton } from '@/components/ui/skeleton';
import { TextLink } from '@/components/ui/text-link';
import { paths } from '@/lib/paths';
import { errorsInPlace } from '@/lib/query-client';

import { deploymentQueries } from '../api/queries';

export type DeploymentReleaseProps = {
  deploymentId: number;
  /** How to show a release (the releases feature's label), given its id. */
  renderRelease: (releaseId: number) => ReactNode;
};

/** The release a deployment runs, linked to the deployment: "1.4.0 (deployment #12)". */
export function DeploymentRelease({ deploymentId, renderRelease }: DeploymentReleaseProps) {
  const query = useQuery(errorsInPlace(deploymentQueries.detail(deploymentId)));
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2">
      {query.data ? renderRelease(query.data.release_id) : query.isPending ? <Skeleton className="w-12" /> : null}
      <TextLink to={paths.deployment.getHref(deploymentId)} className="text-xs">
        deployment #{deploymentId}
      </TextLink>
    </span>
  );
}
