import type { Deployment } from '@contract/deployment';
import type { ReactNode } from 'react';

import { StatusBadge } from '@/components/ui/badge';
import { RelativeTime } from '@/components/ui/relative-time';
import { TextLink } from '@/components/ui/text-link';
import { paths } from '@/lib/paths';

import { strategyLabel, trafficSplit } from '../utils';
import { TrafficSplitBar } from './traffic-split-bar';

export type DeploymentSummaryProps = { deployment: Deployment; renderRelease: (releaseId: number) => ReactNode };

/** Status, release, scope and traffic of a deployment (the deployment page's first block). */
export function DeploymentSummary({ deployment, renderRelease }: DeploymentSummaryProps) {
  const split = trafficSplit(deployment);
  return (
    <dl className="grid grid-cols-1 gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4 dark:border-slate-700 dark:bg-slate-900">
      <div>
        <dt className="text-xs font-medium text-slate-500 uppercase dark:text-slate-400">Status</dt>
        <dd className="mt-1">
          <StatusBadge status={deployment.status} />
        </dd>
      </div>
      <div>
        <dt className="text-xs font-medium text-slate-500 uppercase dark:text-slate-400">Release</dt>
        <dd className="mt-1">{renderRelease(deployment.release_id)}</dd>
      </div>
      <div>
        <dt className="text-xs font-medium text-slate-500 uppercase dark:text-slate-400">Scope</dt>
        <dd className="mt-1">
          <TextLink to={paths.scope.getHref(deployment.scope_id)}>Scope #{deployment.scope_id}</TextLink>
        </dd>
      </div>
      <div>
        <dt className="text-xs font-medium text-slate-500 uppercase dark:text-slate-400">Strategy</dt>
        <dd className="mt-1 text-sm">
          {strategyLabel(deployment.strategy)} · created <RelativeTime value={deployment.created_at} />
        </dd>
      </div>
      {deployment.strategy === 'blue_green' && (
        <div className="sm:col-span-2 lg:col-span-4">
          <dt className="text-xs font-medium text-slate-500 uppercase dark:text-slate-400">Traffic</dt>
          <dd className="mt-2">
            <TrafficSplitBar current={split.current} desired={split.desired} />
          </dd>
        </div>
      )}
    </dl>
  );
}
