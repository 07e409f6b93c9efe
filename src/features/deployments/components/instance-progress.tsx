import type { ScopeRuntime } from '@contract/console';
import type { Deployment } from '@/lib/read/deployment';

import { Spinner } from '@/components/ui/spinner';

import { isMissingEndpoint } from '../api/scope-traffic';
import type { Loadable } from './deploy-dialog';
import { InstanceList } from './instance-list';

export type InstanceProgressProps = {
  deployment: Pick<Deployment, 'id' | 'strategy_data'>;
  /** GET /console/scope/:id/runtime, read by the page (the scopes feature owns it). */
  runtime: Loadable<ScopeRuntime>;
};

function percent(part: number, whole: number): number {
  return whole > 0 ? Math.min(100, Math.round((part / whole) * 100)) : 0;
}

/** Launched and healthy instances out of those the deployment waits for, then each instance's last health check. */
export function InstanceProgress({ deployment, runtime }: InstanceProgressProps) {
  const { amount_instances_to_wait: wanted, launched_instances: launched = 0, healthy_instances: healthy = 0 } = deployment.strategy_data;
  const instances = runtime.data?.instances.filter((instance) => instance.deployment_id === deployment.id);
  return (
    <div className="space-y-3">
      {wanted === undefined ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">The platform has not reported instance counters yet.</p>
      ) : (
        <div>
          <p className="mb-1 flex justify-between text-sm tabular-nums">
            <span>
              <strong>{healthy}</strong> of {wanted} healthy
            </span>
            <span className="text-slate-600 dark:text-slate-400">{launched} launched</span>
          </p>
          <div
            role="progressbar"
            aria-label="Healthy instances"
            aria-valuemin={0}
            aria-valuemax={wanted}
            aria-valuenow={Math.min(healthy, wanted)}
            aria-valuetext={`${healthy} of ${wanted} healthy, ${launched} launched`}
            className="relative h-2.5 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
          >
            <div className="absolute inset-y-0 left-0 bg-sky-300 transition-all dark:bg-sky-800" style={{ width: `${percent(launched, wanted)}%` }} />
            <div className="absolute inset-y-0 left-0 bg-emerald-600 transition-all dark:bg-emerald-400" style={{ width: `${percent(healthy, wanted)}%` }} />
          </div>
        </div>
      )}
      {runtime.isPending ? (
        <Spinner size="sm" label="Loading instance health…" />
      ) : runtime.data === undefined ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          {isMissingEndpoint(runtime.error)
            ? 'Per-instance health is not available from this platform.'
            : 'Per-instance health could not be read.'}
        </p>
      ) : instances && instances.length > 0 ? (
        <InstanceList instances={instances} healthCheckPath={runtime.data.health_check_path} />
      ) : (
        <p className="text-xs text-slate-500 dark:text-slate-400">No instance of this deployment is running now.</p>
      )}
    </div>
  );
}
