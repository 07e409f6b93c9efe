/**
 * `GET|POST|DELETE /console/scope/:id/test-traffic` (console-only, local platform): start, read and stop the scope's
 * test traffic generator (server/http/test-traffic-generator.ts says where it runs and why). One generator per
 * scope: a second POST while one runs is a 409 naming it, so that two tabs never silently reset each other's run.
 */
import { Hono } from 'hono';

import { startTestTrafficBodySchema } from '../../contract/test-traffic';
import { noQuerySchema, type RouteDeps } from './route-deps';
import { TestTrafficGenerators } from './test-traffic-generator';
import { parseId, parseJsonBody, parseQuery } from './validation';

/** The route of `testTrafficPath(id)`. */
export const consoleTestTrafficPath = '/console/scope/:id/test-traffic';

export function testTrafficRoutes({ store }: RouteDeps): Hono {
  const generators = new TestTrafficGenerators(store);
  const routes = new Hono();

  routes.get(consoleTestTrafficPath, (c) => {
    const scopeId = parseId(c);
    parseQuery(c, noQuerySchema);
    return c.json(generators.status(scopeId));
  });

  routes.post(consoleTestTrafficPath, async (c) => {
    const scopeId = parseId(c);
    parseQuery(c, noQuerySchema);
    const body = await parseJsonBody(c, startTestTrafficBodySchema);
    return c.json(generators.start(scopeId, body));
  });

  routes.delete(consoleTestTrafficPath, (c) => {
    const scopeId = parseId(c);
    parseQuery(c, noQuerySchema);
    return c.json(generators.stop(scopeId));
  });

  return routes;
}
