import { Hono } from 'hono';

import { createReleaseBodySchema, patchReleaseBodySchema, releaseListQuerySchema } from '../../contract/release';
import { badRequest, conflict, notFound } from './errors';
import { listEnvelope, noQuerySchema, type RouteDeps } from './route-deps';
import { parseId, parseJsonBody, parseQuery } from './validation';

export function releasesRoutes({ store }: RouteDeps): Hono {
  const routes = new Hono();

  routes.get('/release', (c) => {
    const query = parseQuery(c, releaseListQuerySchema);
    return c.json(listEnvelope(query, store.releases.list(query)));
  });

  routes.post('/release', async (c) => {
    const body = await parseJsonBody(c, createReleaseBodySchema);
    const release = store.write((tx) => {
      if (tx.applications.get(body.application_id) === undefined) throw notFound('application', body.application_id);
      const build = tx.builds.get(body.build_id);
      if (build === undefined) throw notFound('build', body.build_id);
      if (build.application_id !== body.application_id) {
        throw badRequest(`build ${build.id} belongs to application ${build.application_id}, not application ${body.application_id}`);
      }
      if (build.status !== 'successful') {
        throw badRequest(`build ${build.id} is ${build.status}; only a successful build can be released`);
      }
      // `v1.2.0` and `1.2.0` are one version: nullplatform writes both (reference §8b).
      const existing = tx.releases.findBySemver(body.application_id, body.semver);
      if (existing !== undefined) {
        const spelled = existing.semver === body.semver ? '' : ` (as ${existing.semver})`;
        throw conflict(`release ${body.semver} already exists for application ${body.application_id}${spelled}`);
      }
      return tx.releases.insert({
        application_id: body.application_id,
        build_id: body.build_id,
        semver: body.semver,
        status: body.status,
        metadata: body.metadata ?? {},
      });
    });
    return c.json(release, 200);
  });

  routes.get('/release/:id', (c) => {
    const id = parseId(c);
    parseQuery(c, noQuerySchema);
    const release = store.releases.get(id);
    if (release === undefined) throw notFound('release', id);
    return c.json(release);
  });

  routes.patch('/release/:id', async (c) => {
    const id = parseId(c);
    const body = await parseJsonBody(c, patchReleaseBodySchema);
    const release = store.write((tx) => {
      if (tx.releases.get(id) === undefined) throw notFound('release', id);
      return tx.releases.update(id, body);
    });
    return c.json(release);
  });

  return routes;
}
