/**
 * `GET /namespace` and `GET /namespace/:id` on the local platform. It keeps no namespace records: its namespaces are
 * the ones its applications use (`namespace_id`), all in its one account. That is enough for the SPA's namespace
 * picker, which works the same against nullplatform (where applications are listed per namespace).
 */
import { Hono } from 'hono';

import { type Namespace, namespaceListQuerySchema } from '../../contract/namespace';
import { ACCOUNT_ID, ORGANIZATION_ID } from '../store/applications-repository';
import type { Store } from '../store/store';
import { notFound } from './errors';
import { listEnvelope, noQuerySchema, type RouteDeps } from './route-deps';
import { parseId, parseQuery } from './validation';

export function namespacesRoutes({ store }: RouteDeps): Hono {
  const routes = new Hono();

  routes.get('/namespace', (c) => {
    const query = parseQuery(c, namespaceListQuerySchema);
    const all = namespaceIds(store)
      .filter((id) => query.id === undefined || query.id.includes(id))
      .filter(() => query.account_id === undefined || query.account_id.includes(ACCOUNT_ID))
      .map(toNamespace);
    const results = all.slice(query.offset, query.offset + query.limit);
    return c.json(listEnvelope(query, { results, total: all.length }));
  });

  routes.get('/namespace/:id', (c) => {
    const id = parseId(c);
    parseQuery(c, noQuerySchema);
    if (!namespaceIds(store).includes(id)) throw notFound('namespace', id);
    return c.json(toNamespace(id));
  });

  return routes;
}

/** The namespaces in use, in id order. A read of the applications table (indexed by namespace_id). */
function namespaceIds(store: Store): number[] {
  const rows = store.db.prepare('SELECT DISTINCT namespace_id AS id FROM applications ORDER BY namespace_id').all() as { id: number }[];
  return rows.map((row) => row.id);
}

function toNamespace(id: number): Namespace {
  return {
    id,
    name: `Namespace ${id}`,
    slug: `namespace-${id}`,
    account_id: ACCOUNT_ID,
    status: 'active',
    nrn: `organization=${ORGANIZATION_ID}:account=${ACCOUNT_ID}:namespace=${id}`,
  };
}
