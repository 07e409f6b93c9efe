/**
 * `GET|POST|DELETE /console/scope/:id/test-traffic` (console-only, local platform): start, read and stop the scope's
 * test traffic generator (server/http/test-traffic-generator.ts says where it runs and why). One generator per
 * scope: a second POST while one runs is a 409 naming it, so that two tabs never silently reset each other's run.
 */
import { startTestTrafficBodySchema, testTrafficStatusSchema } from '@contract/test-traffic';
import { endpoint, json, pathId } from './endpoint';
import { TEST_TRAFFIC_LOCAL_ONLY } from './local-only';

const path = '/console/scope/:id/test-traffic';
const scopeParams = { id: pathId('id') };

export const testTrafficEndpoints = [
  endpoint({
    method: 'get',
    path,
    localOnly: TEST_TRAFFIC_LOCAL_ONLY,
    tag: 'console',
    summary: "The scope's test traffic: the generator running, else its last run",
    params: scopeParams,
    response: json(testTrafficStatusSchema),
    errors: { 404: 'No scope with this id' },
    examples: [{ summary: "Scope 1's test traffic", params: { id: 1 } }],
    handle: ({ params }, _c, { testTraffic }) => testTraffic.status(params.id),
  }),
  endpoint({
    method: 'post',
    path,
    localOnly: TEST_TRAFFIC_LOCAL_ONLY,
    tag: 'console',
    summary: "Send test traffic to the scope's address (at most 50 requests/s for at most 10 minutes)",
    description:
      "Real HTTP requests to the scope's own address, through its traffic split, counted for the deployment that " +
      'served each. Local platform only; one run per scope.',
    params: scopeParams,
    body: startTestTrafficBodySchema,
    response: json(testTrafficStatusSchema),
    errors: {
      404: 'No scope with this id',
      409: 'Test traffic already runs on this scope (or on too many scopes), or the scope serves no release yet',
    },
    examples: [
      {
        summary: '2 requests/s for 1 s at scope 1',
        params: { id: 1 },
        body: { rate_per_second: 2, duration_seconds: 1 },
      },
    ],
    handle: ({ params, body }, _c, { testTraffic }) => testTraffic.start(params.id, body),
  }),
  endpoint({
    method: 'delete',
    path,
    localOnly: TEST_TRAFFIC_LOCAL_ONLY,
    tag: 'console',
    summary: "Stop the scope's test traffic (stopped already: no change)",
    params: scopeParams,
    response: json(testTrafficStatusSchema),
    errors: { 404: 'No scope with this id' },
    examples: [{ summary: "Stop scope 1's test traffic", params: { id: 1 } }],
    handle: ({ params }, _c, { testTraffic }) => testTraffic.stop(params.id),
  }),
];
