/**
 * `GET /account` and `GET /account/:id` on the local platform: its one account. nullplatform's clients start here:
 * `GET /account?organization_id=` (then namespaces, then applications; nullplatform/ai-plugins np-api docs), or
 * `GET /account?organization_id=<id>&slug=<slug>` (nullplatform/terraform-provider-nullplatform nullplatform/nrn.go
 * `GetAccountBySlug`).
 */
import { Hono } from 'hono';

import { accountListQuerySchema } from '../../contract/account';
import { notFound } from './errors';
import { listEnvelope, noQuerySchema, type RouteDeps } from './route-deps';
import { parseId, parseQuery } from './validation';

export function accountsRoutes({ store }: RouteDeps): Hono {
  const routes = new Hono();

  routes.get('/account', (c) => {
    const query = parseQuery(c, accountListQuerySchema);
    const all = store.accounts
      .all()
      .filter((account) => query.id === undefined || query.id.includes(account.id))
      .filter((account) => query.organization_id === undefined || query.organization_id.includes(account.organization_id))
      .filter((account) => query.slug === undefined || account.slug === query.slug);
    const results = all.slice(query.offset, query.offset + query.limit);
    return c.json(listEnvelope(query, { results, total: all.length }));
  });

  routes.get('/account/:id', (c) => {
    const id = parseId(c);
    parseQuery(c, noQuerySchema);
    const account = store.accounts.get(id);
    if (account === undefined) throw notFound('account', id);
    return c.json(account);
  });

  return routes;
}
