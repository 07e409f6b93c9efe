/**
 * The numbers metric rules judge, measured from the scope proxy's own counters (the new deployment's requests at the
 * scope address) and its instances' health checks. Units where the reference is silent are chosen here, once:
 * - `http.error_rate`: a FRACTION from 0 to 1 of the deployment's answers that were 5xx or proxy failures; the
 *   reference's example rule is "http.error_rate > 0.3" (reference §8, docs "deployment strategies").
 * - `http.response_time`: the 95th percentile, in milliseconds, of the time until the instance's answer began.
 * - `http.rpm`: requests per minute over the window.
 * - `http.healthcheck_fail`: how many of the deployment's instances failed their last health check.
 */
import type { InstanceSnapshot } from '@contract/console';
import type { RuleMetric } from '@contract/strategy-parameters';

import type { TrafficSample } from '../runtime/traffic-counters';

export const RESPONSE_TIME_PERCENTILE = 95;

export const metricUnits: Record<RuleMetric, string> = {
  'http.error_rate': 'fraction',
  'http.response_time': 'ms',
  'http.rpm': 'requests/min',
  'http.healthcheck_fail': 'instances',
};

/** Metrics computed from requests: judged only once the window holds the minimum request count. */
export const requestMetrics: readonly RuleMetric[] = ['http.error_rate', 'http.response_time', 'http.rpm'];

export type Measurements = { requests: number; values: Record<RuleMetric, number | null> };

export function measure(
  samples: readonly TrafficSample[],
  deploymentId: number,
  windowSeconds: number,
  instances: readonly InstanceSnapshot[],
): Measurements {
  const key = String(deploymentId);
  let requests = 0;
  let errors = 0;
  const latencies = new Map<number, number>();
  for (const sample of samples) {
    requests += sample.counts[key] ?? 0;
    errors += sample.errors_by_deployment?.[key] ?? 0;
    for (const [ms, count] of Object.entries(sample.latency_ms?.[key] ?? {})) {
      latencies.set(Number(ms), (latencies.get(Number(ms)) ?? 0) + count);
    }
  }
  return {
    requests,
    values: {
      'http.error_rate': requests === 0 ? null : errors / requests,
      'http.response_time': percentile(latencies, RESPONSE_TIME_PERCENTILE),
      'http.rpm': (requests * 60) / windowSeconds,
      'http.healthcheck_fail': instances.filter(
        (instance) => instance.deployment_id === deploymentId && failedHealth(instance),
      ).length,
    },
  };
}

function failedHealth(instance: InstanceSnapshot): boolean {
  const health = instance.last_health;
  if (health === null) return false;
  return health.error !== null || health.status_code === null || health.status_code < 200 || health.status_code >= 300;
}

/** The smallest latency at or below which `p` percent of the requests fall; null without requests. */
export function percentile(histogram: ReadonlyMap<number, number>, p: number): number | null {
  const total = [...histogram.values()].reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const rank = Math.ceil((p / 100) * total);
  let seen = 0;
  for (const ms of [...histogram.keys()].sort((a, b) => a - b)) {
    seen += histogram.get(ms) ?? 0;
    if (seen >= rank) return ms;
  }
  return null;
}
