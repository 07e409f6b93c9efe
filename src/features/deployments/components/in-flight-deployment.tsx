import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';

import { StatusBadge } from '@/components/ui/badge';
import { ErrorDetails } from '@/components/ui/error-state';
import { TextLink } from '@/components/ui/text-link';
import { paths } from '@/lib/paths';
import { errorsInPlace } from '@/lib/query-client';

import { deploymentQueries } from '../api/queries';
import { strategyLabel, trafficSplit } from '../utils';
import { TrafficSplitBar } from './traffic-split-bar';

export type InFlightDeploymentProps = { deploymentId: number; renderRelease: (releaseId: number) => ReactNode };

/** A deployment in flight at a glance: status, release, strategy and (blue/green) the traffic split. */
export function InFlightDeployment({ deploymentId, renderRelease }: InFlightDeploymentProps) {
  const query = useQuery(errorsInPlace(deploymentQueries.detail(deploymentId)));
  const link = <TextLink to={paths.deployment.getHref(deploymentId)}>Deployment #{deploymentId}</TextLink>;
  if (query.data === undefined && query.isError) {
    return (
      <div className="text-sm">
        {link}
        <div className="text-red-700 dark:text-red-400">
          <ErrorDetails error={query.error} />
        </div>
      </div>
    );
  }
  if (!query.data) return <div className="text-sm">{link} …</div>;
  const deployment = query.data;
  const split = trafficSplit(deployment);
  return (
    <div className="space-y-2 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">In flight:</span>
        {link}
        <StatusBadge status={deployment.status} />
      </div>
      <div className="text-slate-600 dark:text-slate-400">
        {strategyLabel(deployment.strategy)} of {renderRelease(deployment.release_id)}
      </div>
      {deployment.strategy === 'blue_green' && (
        <TrafficSplitBar current={split.current} desired={split.desired} size="sm" />
      )}
    </div>
  );
}
