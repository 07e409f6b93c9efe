import type { ScopeRuntime } from '@contract/console';
import type { Deployment } from '@/lib/read/deployment';

import { Spinner } from '@/components/ui/spinner';
import { formatDuration } from '@/lib/format';

import { isMissingEndpoint } from '../api/scope-traffic';
import { useNow } from '../hooks/use-now';
import type { Loadable } from './deploy-dialog';
import { InstanceList } from './instance-list';

export type InstanceProgressProps = {
  deployment: Pick<Deployment, 'id' | 'strategy_data' | 'status' | 'status_started_at' | 'created_at'>;
  /** GET /console/scope/:id/runtime, read by the page (the scopes feature owns it). */
  runtime: Loadable<ScopeRuntime>;
  /** Connected to nullplatform: there is no per-instance health to read (the runtime is not asked for). */
  connected?: boolean;
  /** How long instances get to become healthy (the local platform says; nullplatform does not), if known. */
  healthTimeoutMs?: number | null | undefined;
};

function percent(part: number, whole: number): number {
  return whole > 0 ? Math.min(100, Math.round((part / whole) * 100)) : 0;
}

const waitingStatuses = ['creating', 'waiting_for_instances'];

/**
 * How long the deployment has been waiting for healthy instances, ticking, and — where the platform publishes its
 * health timeout — how long until it fails. The local engine counts the timeout from when the current status began
 * (or from when the instances started, if later: after a restart), so the countdown is the earliest the failure comes.
 */
function WaitingFor({ deployment, healthTimeoutMs }: Pick<InstanceProgressProps, 'deployment' | 'healthTimeoutMs'>) {
  const waiting = waitingStatuses.includes(deployment.status);
  const now = useNow(1_000, waiting);
  if (!waiting) return null;
  const raw = deployment.status_started_at?.[deployment.status] ?? deployment.created_at;
  const since = typeof raw === 'number' ? raw : raw === undefined ? Number.NaN : Date.parse(raw);
  if (Number.isNaN(since)) return null;
  return (
    <p className="text-sm text-amber-800 dark:text-amber-300" data-testid="waiting-for-instances">
      Waiting for healthy instances for {formatDuration(Math.max(0, now - since))}
      {typeof healthTimeoutMs === 'number' && (
        <span data-testid="health-timeout-countdown">
          {' '}
          ·{' '}
          {since + healthTimeoutMs > now
            ? `fails in ${formatDuration(since + healthTimeoutMs - now)} unless they are healthy by then`
            : 'the health timeout has passed'}
        </span>
      )}
    </p>
  );
}

/** Launched and healthy instances out of those the deployment waits for, then each instance's last health check. */
export function InstanceProgress({ deployment, runtime, connected = false, healthTimeoutMs }: InstanceProgressProps) {
  const {
    amount_instances_to_wait: wanted,
    launched_instances: launched = 0,
    healthy_instances: healthy = 0,
  } = deployment.strategy_data;
  const instances = runtime.data?.instances.filter((instance) => instance.deployment_id === deployment.id);
  return (
    <div className="space-y-3">
      <WaitingFor deployment={deployment} healthTimeoutMs={healthTimeoutMs} />
      {wanted === undefined ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          The platform has not reported instance counters yet.
        </p>
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
            <div
              className="absolute inset-y-0 left-0 bg-sky-300 transition-all dark:bg-sky-800"
              style={{ width: `${percent(launched, wanted)}%` }}
            />
            <div
              className="absolute inset-y-0 left-0 bg-emerald-600 transition-all dark:bg-emerald-400"
              style={{ width: `${percent(healthy, wanted)}%` }}
            />
          </div>
        </div>
      )}
      {runtime.isPending && !connected ? (
        <Spinner size="sm" label="Loading instance health…" />
      ) : runtime.data === undefined ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          {connected || isMissingEndpoint(runtime.error)
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
