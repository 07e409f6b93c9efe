import type { InstanceSnapshot } from './instance-types';

/**
 * The instances' last health checks in a few words ("HTTP 503", "ECONNREFUSED, no answer yet"): what a deployment
 * that never became healthy says in its failure message.
 */
export function summarizeHealth(instances: InstanceSnapshot[]): string {
  const results = instances.map((instance) => {
    const health = instance.last_health;
    if (health === null) return 'no answer yet';
    if (health.status_code !== null) return `HTTP ${health.status_code}`;
    return health.error ?? 'no answer';
  });
  return [...new Set(results)].join(', ') || 'none';
}
