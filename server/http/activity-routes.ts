/**
 * `GET /console/activity`: the local platform's audit trail, newest first, filtered by application, scope or
 * deployment, actor and action (contract/activity.ts); `GET /console/actors`: who has written, with the numbers
 * `created_by`/`updated_by` hold. Local platform only: nullplatform keeps its own audit.
 */
import { Hono } from 'hono';

import { type ActorList, activityListQuerySchema } from '../../contract/activity';
import { consolePaths } from '../../contract/console';
import { listEnvelope, noQuerySchema, type RouteDeps } from './route-deps';
import { parseQuery } from './validation';

export function activityRoutes({ store }: RouteDeps): Hono {
  const routes = new Hono();

  routes.get(consolePaths.activity, (c) => {
    const query = parseQuery(c, activityListQuerySchema);
    return c.json(listEnvelope(query, store.activity.list(query)));
  });

  routes.get(consolePaths.actors, (c) => {
    parseQuery(c, noQuerySchema);
    const actors: ActorList = { results: store.activity.actors() };
    return c.json(actors);
  });

  return routes;
}
