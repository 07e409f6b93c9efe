/**
 * Console-only endpoints (contract/console.ts `consolePaths`): served by the console server itself, never by
 * nullplatform.
 */
import { Hono } from 'hono';

import { type ConsoleInfo, consolePaths, type ScopeRuntime, type ScopeTraffic, trafficQuerySchema } from '../../contract/console';
import type { MetricEvaluationList } from '../../contract/metric-evaluation';
import { DEFAULT_HEALTH_CHECK_PATH } from './scopes-routes';
import { notFound } from './errors';
import { EventHub, eventsHandler } from './events-route';
import { openApiDocument } from './openapi';
import { noQuerySchema, type RouteDeps } from './route-deps';
import { parseId, parseQuery } from './validation';

/** The route of `consolePaths.scopeRuntime(id)`. */
export const consoleScopeRuntimePath = '/console/scope/:id/runtime';

/** The route of `consolePaths.deploymentEvaluations(id)`. */
export const consoleEvaluationsPath = '/console/deployment/:id/evaluations';

/** The window the SPA's chart shows when the engine has no counters for a scope yet. */
const EMPTY_TRAFFIC_WINDOW_SECONDS = 60;

export function consoleRoutes(deps: RouteDeps & { consoleInfo: ConsoleInfo; hub: EventHub; pingIntervalMs?: number | undefined }): Hono {
  const { store, runtimeView, consoleInfo, hub } = deps;
  const routes = new Hono();

  routes.get(consolePaths.info, (c) => {
    parseQuery(c, noQuerySchema);
    return c.json(consoleInfo);
  });

  routes.get(consolePaths.events, (c) => {
    parseQuery(c, noQuerySchema);
    return eventsHandler(hub, deps.pingIntervalMs)(c);
  });

  /** Requests per deployment at the scope's address; empty (not 404) for a scope the engine does not run yet. */
  routes.get(consolePaths.traffic, async (c) => {
    const { scope_id: scopeId } = parseQuery(c, trafficQuerySchema);
    const scope = store.scopes.get(scopeId);
    if (scope === undefined) throw notFound('scope', scopeId);
    const traffic: ScopeTraffic = (await runtimeView.traffic(scopeId)) ?? {
      scope_id: scopeId,
      address: scope.domain ?? null,
      window_seconds: EMPTY_TRAFFIC_WINDOW_SECONDS,
      samples: [],
      totals: {},
      weights: {},
    };
    return c.json(traffic);
  });

  routes.get(consoleScopeRuntimePath, async (c) => {
    const scopeId = parseId(c);
    parseQuery(c, noQuerySchema);
    const scope = store.scopes.get(scopeId);
    if (scope === undefined) throw notFound('scope', scopeId);
    const runtime: ScopeRuntime = (await runtimeView.scopeRuntime(scopeId)) ?? {
      scope_id: scopeId,
      address: scope.domain ?? null,
      health_check_path: scope.capabilities?.health_check?.path ?? DEFAULT_HEALTH_CHECK_PATH,
      instances: [],
    };
    return c.json(runtime);
  });

  /** Every check of the deployment's metric rules, oldest first; empty for a deployment without rules. */
  routes.get(consoleEvaluationsPath, (c) => {
    const deploymentId = parseId(c);
    parseQuery(c, noQuerySchema);
    if (store.deployments.get(deploymentId) === undefined) throw notFound('deployment', deploymentId);
    const list: MetricEvaluationList = { deployment_id: deploymentId, results: store.evaluations.forDeployment(deploymentId) };
    return c.json(list);
  });

  routes.get(consolePaths.openapi, (c) => {
    parseQuery(c, noQuerySchema);
    return c.json(openApiDocument(consoleInfo.version));
  });

  return routes;
}
