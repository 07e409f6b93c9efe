/** `GET|POST /deployment_strategy` and `GET /deployment_strategy/:id` on the local platform (reference §8). */
import { listEnvelopeSchema } from '@contract/common';
import {
  createDeploymentStrategyBodySchema,
  deploymentStrategyListQuerySchema,
  deploymentStrategySchema,
} from '@contract/deployment-strategy';
import { endpoint, json, pathId } from './endpoint';
import { notFound } from './errors';
import { listEnvelope } from './route-deps';

const tag = 'deployment_strategy';

export const deploymentStrategyEndpoints = [
  endpoint({
    method: 'get',
    path: '/api/deployment_strategy',
    tag,
    summary: 'List deployment strategies, oldest first (nrn: those that apply there)',
    query: deploymentStrategyListQuerySchema,
    response: json(listEnvelopeSchema(deploymentStrategySchema)),
    examples: [
      {
        summary: "The strategies that apply in the local platform's account",
        query: { nrn: 'organization=1:account=1' },
      },
    ],
    handle: ({ query }, _c, { store }) => listEnvelope(query, store.strategies.list(query)),
  }),

  endpoint({
    method: 'post',
    path: '/api/deployment_strategy',
    tag,
    summary: 'Create a deployment strategy (its parameters: traffic steps and rollback rules)',
    body: createDeploymentStrategyBodySchema,
    response: json(deploymentStrategySchema, 'The strategy created'),
    examples: [
      {
        summary: '10% every 30 s, back if more than 10% of the answers fail',
        body: {
          name: 'Careful',
          dimensions: { environment: 'production' },
          parameters: {
            traffic: { enable_auto_switch: true, step: '0.1', interval: 30 },
            metrics: {
              enabled: true,
              rules: [{ metric: 'http.error_rate', operation: 'greater_than', threshold: 0.1 }],
            },
          },
        },
      },
    ],
    handle: ({ body }, _c, { store }) => store.write((tx) => tx.strategies.insert(body)),
  }),

  endpoint({
    method: 'get',
    path: '/api/deployment_strategy/:id',
    tag,
    summary: 'Read a deployment strategy',
    params: { id: pathId('id') },
    response: json(deploymentStrategySchema),
    errors: { 404: 'No strategy with this id' },
    examples: [{ summary: 'Strategy 1', params: { id: 1 } }],
    handle: ({ params: { id } }, _c, { store }) => {
      const strategy = store.strategies.get(id);
      if (strategy === undefined) throw notFound('deployment_strategy', id);
      return strategy;
    },
  }),
];
