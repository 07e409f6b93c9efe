/**
 * nullplatform's metric telemetry on the local platform (`GET /telemetry/application/:id/metric/:name`), answered from
 * the scope proxy's request counters. The response shape is an assumption: see contract/telemetry.ts.
 */
import { z } from 'zod';

import { telemetryMetrics, telemetryQuerySchema, telemetryResponseSchema } from '@contract/telemetry';
import { endpoint, json, pathId } from './endpoint';
import { badRequest, notFound } from './errors';
import { telemetrySeries } from './telemetry-series';

const metricName = z.enum(telemetryMetrics, {
  error: (issue) =>
    `metric ${String(issue.input)} is not measured by the local platform; it measures ${telemetryMetrics.join(', ')}`,
});

export const telemetryEndpoints = [
  endpoint({
    method: 'get',
    path: '/api/telemetry/application/:id/metric/:name',
    tag: 'telemetry',
    summary: "A metric at a scope's address, one value per period (http.rpm, http.error_rate, http.response_time)",
    description: "The scope must be the application's (400). `value` is null for a period without requests.",
    params: { id: pathId('id'), name: metricName },
    query: telemetryQuerySchema,
    response: json(telemetryResponseSchema),
    errors: { 404: 'No application with this id, or no scope with this scope_id' },
    examples: [
      {
        summary: 'Requests per minute at scope 1, the last 5 minutes',
        params: { id: 1, name: 'http.rpm' },
        query: { scope_id: '1', minutes: '5', period: '60' },
      },
    ],
    handle: async ({ params: { id: applicationId, name }, query }, _c, { store, runtimeView }) => {
      if (store.applications.get(applicationId) === undefined) throw notFound('application', applicationId);
      const scope = store.scopes.get(query.scope_id);
      if (scope === undefined) throw notFound('scope', query.scope_id);
      if (scope.application_id !== applicationId) {
        throw badRequest(
          `scope_id: scope ${scope.id} belongs to application ${scope.application_id}, not ${applicationId}`,
        );
      }
      const traffic = await runtimeView.traffic(scope.id, query.minutes * 60);
      return telemetrySeries(name, traffic?.samples ?? [], query.period);
    },
  }),
];
