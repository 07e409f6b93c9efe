import type { InstanceSnapshot } from '@contract/console';

import { StatusBadge } from '@/components/ui/badge';
import { CheckedAt } from '@/components/ui/checked-at';

export type InstanceListProps = { instances: readonly InstanceSnapshot[]; healthCheckPath: string };

function lastHealth(instance: InstanceSnapshot, path: string): string {
  const health = instance.last_health;
  if (!health) return `${path} not checked yet`;
  if (health.error) return `${path}: ${health.error}`;
  return health.status_code === null ? `${path}: no answer` : `${path} answered ${health.status_code}`;
}

/** Each instance of the deployment: state, port, restarts and the last answer of its health check. */
export function InstanceList({ instances, healthCheckPath }: InstanceListProps) {
  return (
    <ul aria-label="Instances of this deployment" className="divide-y divide-slate-200 text-sm dark:divide-slate-700">
      {instances.map((instance) => (
        <li key={instance.index} className="flex flex-wrap items-center gap-x-2 gap-y-1 py-2">
          <span className="font-medium tabular-nums">#{instance.index}</span>
          <StatusBadge status={instance.state} />
          <span className="text-xs text-slate-600 tabular-nums dark:text-slate-400">
            {instance.port === null ? 'no port' : `port ${instance.port}`} · {instance.restarts}{' '}
            {instance.restarts === 1 ? 'restart' : 'restarts'}
          </span>
          <span className="w-full text-xs text-slate-600 dark:text-slate-400">
            {lastHealth(instance, healthCheckPath)}
            {instance.last_health && (
              <>
                {' '}
                · <CheckedAt value={instance.last_health.at} />
              </>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
