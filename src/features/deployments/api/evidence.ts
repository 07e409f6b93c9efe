/**
 * The evidence the deployment page shows beside a rollout plan:
 * - the local platform's checks of the rules (`GET /console/deployment/:id/evaluations`), which nullplatform does
 *   not publish: never asked for in connected mode;
 * - the metric over time from the telemetry API (`GET /telemetry/application/:id/metric/:name?scope_id&minutes&
 *   period`, reference §7.6), in both modes.
 * Neither is in the event stream (a check records no change): both are read again when the deployment changes, and
 * polled while it is in flight.
 */
import { consolePaths } from '@contract/console-paths';
import { queryOptions } from '@tanstack/react-query';

import { apiGet, apiPath } from '@/lib/api-client';
import { QUIET_BACKGROUND_ERRORS } from '@/lib/query-client';
import { evaluationListReader } from '@/lib/read/metric-evaluation';
import { telemetryReader } from '@/lib/read/telemetry';
import { resourceKeys } from '@/lib/resource-keys';

/** How often checks are read while the deployment is in flight (the demo checks every couple of seconds). */
export const EVALUATIONS_REFRESH_MS = 3_000;
/** How often telemetry is read while the deployment is in flight. */
export const TELEMETRY_REFRESH_MS = 10_000;

/**
 * The telemetry window per mode. The local platform keeps five minutes of counters and answers any period; the only
 * values nullplatform's own code is seen asking are `period=60` with `minutes` 5 or 15
 * (nullplatform/workflows deploy/tools/deploy-metrics.yaml, progressive-deploy.yaml).
 */
export const telemetryWindow = {
  local: { minutes: 5, period: 10 },
  connected: { minutes: 15, period: 60 },
} as const;

export type TelemetryTarget = { applicationId: number; scopeId: number; metric: string; mode: 'local' | 'connected' };

/** The key every telemetry query of the evidence shares: invalidated whole when the deployment changes. */
export const TELEMETRY_KEY = ['telemetry'] as const;

export const evidenceQueries = {
  evaluations: (deploymentId: number, inFlight: boolean) =>
    queryOptions({
      queryKey: [...resourceKeys.deployment.all, 'evaluations', deploymentId] as const,
      queryFn: ({ signal }) =>
        apiGet(consolePaths.deploymentEvaluations(deploymentId), evaluationListReader, { signal }),
      refetchInterval: inFlight ? EVALUATIONS_REFRESH_MS : false,
      refetchIntervalInBackground: false,
      staleTime: 0,
      throwOnError: false,
      meta: { [QUIET_BACKGROUND_ERRORS]: true },
    }),
  telemetry: ({ applicationId, scopeId, metric, mode }: TelemetryTarget, inFlight: boolean) => {
    const window = telemetryWindow[mode];
    return queryOptions({
      queryKey: [...TELEMETRY_KEY, applicationId, metric, { scope_id: scopeId, ...window }] as const,
      queryFn: ({ signal }) =>
        apiGet(
          apiPath(`/telemetry/application/${applicationId}/metric/${encodeURIComponent(metric)}`, {
            scope_id: scopeId,
            ...window,
          }),
          telemetryReader,
          {
            signal,
          },
        ),
      refetchInterval: inFlight ? TELEMETRY_REFRESH_MS : false,
      refetchIntervalInBackground: false,
      staleTime: 0,
      retry: false,
      throwOnError: false,
      meta: { [QUIET_BACKGROUND_ERRORS]: true },
    });
  },
};
