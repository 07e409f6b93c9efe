import { Hono } from 'hono';

import {
  applicationListQuerySchema,
  createApplicationBodySchema,
  patchApplicationBodySchema,
} from '../../contract/application';
import { notFound } from './errors';
import { listEnvelope, noQuerySchema, type RouteDeps } from './route-deps';
import { parseId, parseJsonBody, parseQuery } from './validation';

export function applicationsRoutes({ store }: RouteDeps): Hono {
  const routes = new Hono();

  routes.get('/application', (c) => {
    const query = parseQuery(c, applicationListQuerySchema);
    return c.json(listEnvelope(query, store.applications.list(query)));
  });

  routes.post('/application', async (c) => {
    const body = await parseJsonBody(c, createApplicationBodySchema);
    const application = store.write((tx) =>
      tx.applications.insert({
        name: body.name,
        namespace_id: body.namespace_id,
        repository_url: body.repository_url ?? null,
        repository_app_path: body.repository_app_path ?? null,
        template_id: body.template_id ?? null,
        tags: body.tags ?? {},
        metadata: body.metadata ?? {},
      }),
    );
    return c.json(application, 200);
  });

  routes.get('/application/:id', (c) => {
    const id = parseId(c);
    parseQuery(c, noQuerySchema);
    const application = store.applications.get(id);
    if (application === undefined) throw notFound('application', id);
    return c.json(application);
  });

  routes.patch('/application/:id', async (c) => {
    const id = parseId(c);
    const body = await parseJsonBody(c, patchApplicationBodySchema);
    const application = store.write((tx) => {
      if (tx.applications.get(id) === undefined) throw notFound('application', id);
      return tx.applications.update(id, body);
    });
    return c.json(application);
  });

  return routes;
}
