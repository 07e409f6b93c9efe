/**
 * Console-only endpoints (contract/console.ts `consolePaths`): served by the console server itself, never by
 * nullplatform.
 */
import { z } from 'zod';

import {
  changeEventSchema,
  consoleInfoSchema,
  consolePaths,
  type ScopeRuntime,
  scopeRuntimeSchema,
  type ScopeTraffic,
  scopeTrafficSchema,
  TRAFFIC_WINDOW_SECONDS,
  trafficQuerySchema,
} from '@contract/console';
import { metricEvaluationListSchema } from '@contract/metric-evaluation';
import { DEFAULT_HEALTH_CHECK_PATH } from '@contract/scope';

import { endpoint, eventStream, json, pathId } from './endpoint';
import { notFound } from './errors';
import { eventsHandler } from './events-route';
import { EVALUATIONS_BY_NULLPLATFORM, LIVE_EVENTS_LOCAL_ONLY, REPORTED_BY_NULLPLATFORM } from './local-only';

const tag = 'console';

export const consoleEndpoints = [
  endpoint({
    method: 'get',
    path: consolePaths.info,
    tag,
    summary: 'How this console runs',
    response: json(consoleInfoSchema),
    examples: [{ summary: 'The console info' }],
    // The SPA and tools read it first, before they can have a token.
    open: true,
    handle: (_input, _c, { consoleInfo }) => consoleInfo,
  }),

  endpoint({
    method: 'get',
    path: consolePaths.events,
    localOnly: LIVE_EVENTS_LOCAL_ONLY,
    tag,
    summary: 'Server-sent change events (event: change)',
    response: eventStream(
      changeEventSchema,
      'One `event: change` per changed entity; its `data` is this object. `: ping` comments keep it open.',
    ),
    examples: [{ summary: 'Follow every change' }],
    handle: (_input, c, { hub, pingIntervalMs }) => eventsHandler(hub, pingIntervalMs)(c),
  }),

  /** Requests per deployment at the scope's address; empty (not 404) for a scope the engine does not run yet. */
  endpoint({
    method: 'get',
    path: consolePaths.traffic,
    localOnly: REPORTED_BY_NULLPLATFORM,
    tag,
    summary: "Requests per deployment at a scope's address, the last minute",
    description: 'Empty (no samples) for a scope that serves nothing yet.',
    query: trafficQuerySchema,
    response: json(scopeTrafficSchema),
    errors: { 404: 'No scope with this scope_id' },
    examples: [{ summary: "Scope 1's traffic", query: { scope_id: '1' } }],
    handle: async ({ query: { scope_id: scopeId } }, _c, { store, runtimeView }) => {
      const scope = store.scopes.get(scopeId);
      if (scope === undefined) throw notFound('scope', scopeId);
      const traffic: ScopeTraffic = (await runtimeView.traffic(scopeId)) ?? {
        scope_id: scopeId,
        address: scope.domain ?? null,
        window_seconds: TRAFFIC_WINDOW_SECONDS,
        samples: [],
        totals: {},
        weights: {},
      };
      return traffic;
    },
  }),

  endpoint({
    method: 'get',
    path: '/console/scope/:id/runtime',
    localOnly: REPORTED_BY_NULLPLATFORM,
    tag,
    summary: "A scope's instances as they really run",
    params: { id: pathId('id') },
    response: json(scopeRuntimeSchema),
    errors: { 404: 'No scope with this id' },
    examples: [{ summary: "Scope 1's instances", params: { id: 1 } }],
    handle: async ({ params: { id: scopeId } }, _c, { store, runtimeView }) => {
      const scope = store.scopes.get(scopeId);
      if (scope === undefined) throw notFound('scope', scopeId);
      const runtime: ScopeRuntime = (await runtimeView.scopeRuntime(scopeId)) ?? {
        scope_id: scopeId,
        address: scope.domain ?? null,
        health_check_path: scope.capabilities?.health_check?.path ?? DEFAULT_HEALTH_CHECK_PATH,
        instances: [],
      };
      return runtime;
    },
  }),

  /** Every check of the deployment's metric rules, oldest first; empty for a deployment without rules. */
  endpoint({
    method: 'get',
    path: '/console/deployment/:id/evaluations',
    localOnly: EVALUATIONS_BY_NULLPLATFORM,
    tag,
    summary: "Every check of a deployment's metric rules, oldest first",
    params: { id: pathId('id') },
    response: json(metricEvaluationListSchema),
    errors: { 404: 'No deployment with this id' },
    examples: [{ summary: "Deployment 2's checks", params: { id: 2 } }],
    handle: ({ params: { id: deploymentId } }, _c, { store }) => {
      if (store.deployments.get(deploymentId) === undefined) throw notFound('deployment', deploymentId);
      return { deployment_id: deploymentId, results: store.evaluations.forDeployment(deploymentId) };
    },
  }),

  endpoint({
    method: 'get',
    path: consolePaths.openapi,
    tag,
    summary: 'This document',
    response: json(z.record(z.string(), z.unknown()), 'An OpenAPI 3.1 document'),
    examples: [{ summary: 'The document' }],
    open: true,
    handle: (_input, _c, { openApiDocument }) => openApiDocument(),
  }),
];
