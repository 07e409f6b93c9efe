/** `GET|POST /deployment_strategy` and `GET /deployment_strategy/:id` on the local platform (reference §8). */
import { Hono } from 'hono';

import { createDeploymentStrategyBodySchema, deploymentStrategyListQuerySchema } from '../../contract/deployment-strategy';
import { notFound } from './errors';
import { listEnvelope, noQuerySchema, type RouteDeps } from './route-deps';
import { parseId, parseJsonBody, parseQuery } from './validation';

export function deploymentStrategiesRoutes({ store }: RouteDeps): Hono {
  const routes = new Hono();

  routes.get('/deployment_strategy', (c) => {
    const query = parseQuery(c, deploymentStrategyListQuerySchema);
    return c.json(listEnvelope(query, store.strategies.list(query)));
  });

  routes.post('/deployment_strategy', async (c) => {
    const body = await parseJsonBody(c, createDeploymentStrategyBodySchema);
    return c.json(store.write((tx) => tx.strategies.insert(body)), 200);
  });

  routes.get('/deployment_strategy/:id', (c) => {
    const id = parseId(c);
    parseQuery(c, noQuerySchema);
    const strategy = store.strategies.get(id);
    if (strategy === undefined) throw notFound('deployment_strategy', id);
    return c.json(strategy);
  });

  return routes;
}
