import { Hono } from 'hono';

import { createBuildAssetBodySchema } from '../../contract/asset';
import {
  buildListQuerySchema,
  type BuildStatus,
  buildStatuses,
  buildTransitions,
  createBuildBodySchema,
  patchBuildBodySchema,
} from '../../contract/build';
import { addAsset } from './assets-routes';
import { badRequest, conflict, notFound } from './errors';
import { listEnvelope, noQuerySchema, type RouteDeps } from './route-deps';
import { parseId, parseJsonBody, parseQuery } from './validation';

export function buildsRoutes({ store, assetRoots }: RouteDeps): Hono {
  const routes = new Hono();

  routes.get('/build', (c) => {
    const query = parseQuery(c, buildListQuerySchema);
    return c.json(listEnvelope(query, store.builds.list(query)));
  });

  routes.post('/build', async (c) => {
    const body = await parseJsonBody(c, createBuildBodySchema);
    const build = store.write((tx) => {
      if (tx.applications.get(body.application_id) === undefined) throw notFound('application', body.application_id);
      return tx.builds.insert({
        application_id: body.application_id,
        status: body.status,
        branch: body.branch,
        commit: { id: body.commit.id, permalink: body.commit.permalink ?? null },
        description: body.description ?? null,
        metadata: body.metadata ?? {},
      });
    });
    return c.json(build, 200);
  });

  routes.get('/build/:id', (c) => {
    const id = parseId(c);
    parseQuery(c, noQuerySchema);
    const build = store.builds.get(id, { withAssets: true });
    if (build === undefined) throw notFound('build', id);
    return c.json(build);
  });

  routes.patch('/build/:id', async (c) => {
    const id = parseId(c);
    const body = await parseJsonBody(c, patchBuildBodySchema);
    if (body.id !== undefined && body.id !== id) {
      throw badRequest(`id: the body's id (${body.id}) is not the build in the path (${id})`);
    }
    const build = store.write((tx) => {
      const current = tx.builds.get(id);
      if (current === undefined) throw notFound('build', id);
      if (body.status !== undefined && body.status !== current.status) {
        const from = current.status as BuildStatus;
        const allowed = (buildStatuses as readonly string[]).includes(from) ? buildTransitions[from] : [];
        if (!allowed.includes(body.status)) {
          throw conflict(
            `build ${id} cannot go from ${current.status} to ${body.status}` +
              (allowed.length === 0 ? ` (${current.status} is final)` : ` (from ${current.status} it can go to ${allowed.join(', ')})`),
          );
        }
      }
      tx.builds.update(id, { status: body.status, description: body.description, metadata: body.metadata });
      return tx.builds.get(id, { withAssets: true });
    });
    return c.json(build);
  });

  routes.post('/build/:id/asset', async (c) => {
    const id = parseId(c);
    const body = await parseJsonBody(c, createBuildAssetBodySchema);
    if (body.build_id !== undefined && body.build_id !== id) {
      throw badRequest(`build_id: the body's build_id (${body.build_id}) is not the build in the path (${id})`);
    }
    return c.json(addAsset(store, assetRoots, id, body), 200);
  });

  return routes;
}
