/**
 * A metric as a time series from a scope proxy's one-second samples: one point per `period` seconds, oldest first.
 * All the scope's requests count (every deployment's, and the proxy's own failures); units as the metric rules'
 * (server/engine/metric-measures.ts).
 */
import type { TelemetryMetric, TelemetryResponse } from '@contract/telemetry';
import { metricUnits, percentile, RESPONSE_TIME_PERCENTILE } from '../engine/metric-measures';
import type { TrafficSample } from '../runtime/traffic-counters';

export function telemetrySeries(
  metric: TelemetryMetric,
  samples: readonly TrafficSample[],
  period: number,
): TelemetryResponse {
  const results: TelemetryResponse['results'] = [];
  for (let start = 0; start < samples.length; start += period) {
    const chunk = samples.slice(start, start + period);
    const first = chunk[0];
    if (first === undefined) break;
    results.push({ timestamp: new Date(first.at).toISOString(), value: pointValue(metric, chunk) });
  }
  return { metric, unit: metricUnits[metric], period, results };
}

function pointValue(metric: TelemetryMetric, chunk: readonly TrafficSample[]): number | null {
  let requests = 0;
  let errors = 0;
  const latencies = new Map<number, number>();
  for (const sample of chunk) {
    const served = Object.values(sample.counts).reduce((sum, count) => sum + count, 0);
    const attributed = Object.values(sample.errors_by_deployment ?? {}).reduce((sum, count) => sum + count, 0);
    // Errors no deployment is blamed for (the proxy had no instance) are requests too; an older runtime sends no
    // per-deployment errors, and then none can be told apart.
    requests += served + (sample.errors_by_deployment === undefined ? 0 : sample.errors - attributed);
    errors += sample.errors;
    for (const histogram of Object.values(sample.latency_ms ?? {})) {
      for (const [ms, count] of Object.entries(histogram))
        latencies.set(Number(ms), (latencies.get(Number(ms)) ?? 0) + count);
    }
  }
  switch (metric) {
    case 'http.rpm':
      return (requests * 60) / chunk.length;
    case 'http.error_rate':
      return requests === 0 ? null : errors / requests;
    case 'http.response_time':
      return percentile(latencies, RESPONSE_TIME_PERCENTILE);
  }
}
