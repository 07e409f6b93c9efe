/**
 * `GET /console/release-diff?from_release_id=&to_release_id=`: "what am I deploying", the commits between two
 * releases of one application (contract/release-diff.ts, server/release-diff/). Local platform only: in connected
 * mode the SPA links the repository host's compare page itself.
 */
import { Hono } from 'hono';

import { consolePaths } from '../../contract/console';
import { releaseDiffQuerySchema } from '../../contract/release-diff';
import { releaseDiff } from '../release-diff/release-diff';
import { badRequest, notFound } from './errors';
import type { RouteDeps } from './route-deps';
import { parseQuery } from './validation';

export function releaseDiffRoutes({ store, assetRoots }: RouteDeps): Hono {
  const routes = new Hono();

  routes.get(consolePaths.releaseDiff, async (c) => {
    const query = parseQuery(c, releaseDiffQuerySchema);
    const from = store.releases.get(query.from_release_id);
    if (from === undefined) throw notFound('release', query.from_release_id);
    const to = store.releases.get(query.to_release_id);
    if (to === undefined) throw notFound('release', query.to_release_id);
    if (from.application_id !== to.application_id) {
      throw badRequest(
        `release ${from.id} belongs to application ${from.application_id} and release ${to.id} to application ${to.application_id}: ` +
          'only releases of one application can be compared',
      );
    }
    return c.json(await releaseDiff(store, from, to, { assetRoots }));
  });

  return routes;
}
