/**
 * `GET /namespace` and `GET /namespace/:id` on the local platform: the namespaces its applications use, all in its one
 * account (see server/store/namespaces-repository.ts). Filtered by `id`, `account_id` and `slug`, as nullplatform's
 * clients ask (`GET /namespace?account_id=`, nullplatform/ai-plugins np-api docs).
 */
import { Hono } from 'hono';

import { namespaceListQuerySchema } from '../../contract/namespace';
import { notFound } from './errors';
import { listEnvelope, noQuerySchema, type RouteDeps } from './route-deps';
import { parseId, parseQuery } from './validation';

export function namespacesRoutes({ store }: RouteDeps): Hono {
  const routes = new Hono();

  routes.get('/namespace', (c) => {
    const query = parseQuery(c, namespaceListQuerySchema);
    const all = store.namespaces
      .all()
      .filter((namespace) => query.id === undefined || query.id.includes(namespace.id))
      .filter((namespace) => query.account_id === undefined || query.account_id.includes(namespace.account_id))
      .filter((namespace) => query.slug === undefined || namespace.slug === query.slug);
    const results = all.slice(query.offset, query.offset + query.limit);
    return c.json(listEnvelope(query, { results, total: all.length }));
  });

  routes.get('/namespace/:id', (c) => {
    const id = parseId(c);
    parseQuery(c, noQuerySchema);
    const namespace = store.namespaces.get(id);
    if (namespace === undefined) throw notFound('namespace', id);
    return c.json(namespace);
  });

  return routes;
}
