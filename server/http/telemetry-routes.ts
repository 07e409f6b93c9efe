/**
 * nullplatform's metric telemetry on the local platform (`GET /telemetry/application/:id/metric/:name`), answered from
 * the scope proxy's request counters. The response shape is an assumption: see contract/telemetry.ts.
 */
import { Hono } from 'hono';

import { telemetryMetrics, type TelemetryMetric, telemetryQuerySchema } from '../../contract/telemetry';
import { badRequest, notFound } from './errors';
import type { RouteDeps } from './route-deps';
import { telemetrySeries } from './telemetry-series';
import { parseId, parseQuery } from './validation';

export function telemetryRoutes({ store, runtimeView }: RouteDeps): Hono {
  const routes = new Hono();

  routes.get('/telemetry/application/:id/metric/:name', async (c) => {
    const applicationId = parseId(c);
    const name = c.req.param('name');
    if (!isTelemetryMetric(name)) {
      throw badRequest(`metric ${name} is not measured by the local platform; it measures ${telemetryMetrics.join(', ')}`);
    }
    const query = parseQuery(c, telemetryQuerySchema);
    if (store.applications.get(applicationId) === undefined) throw notFound('application', applicationId);
    const scope = store.scopes.get(query.scope_id);
    if (scope === undefined) throw notFound('scope', query.scope_id);
    if (scope.application_id !== applicationId) throw badRequest(`scope_id: scope ${scope.id} belongs to application ${scope.application_id}, not ${applicationId}`);
    const windowSeconds = query.minutes * 60;
    const traffic = await runtimeView.traffic(scope.id, windowSeconds);
    return c.json(telemetrySeries(name, traffic?.samples ?? [], query.period));
  });

  return routes;
}

function isTelemetryMetric(value: string): value is TelemetryMetric {
  return (telemetryMetrics as readonly string[]).includes(value);
}
