import { Hono } from 'hono';

import { type Asset, assetListQuerySchema, createAssetBodySchema } from '../../contract/asset';
import { refuseAssetUrl } from '../engine/asset-launch';
import type { Store } from '../store/store';
import { badRequest, conflict, notFound } from './errors';
import { listEnvelope, noQuerySchema, type RouteDeps } from './route-deps';
import { parseId, parseJsonBody, parseQuery } from './validation';

export type AssetInput = {
  application_id?: number | undefined;
  name: string;
  type: string;
  url: string;
  platform?: string | undefined;
  metadata?: Record<string, unknown> | undefined;
};

/**
 * Adds an asset to a build (`POST /asset` and `POST /build/:id/asset`), in one write. A `file:` URL must point under
 * demo-apps/ or one of `assetRoots`: whoever can deploy an asset runs its folder's code on this machine.
 */
export function addAsset(store: Store, assetRoots: readonly string[], buildId: number, input: AssetInput): Asset {
  const refusal = refuseAssetUrl(input.url, { assetRoots });
  if (refusal !== undefined) throw badRequest(refusal);
  return store.write((tx) => {
    const build = tx.builds.get(buildId);
    if (build === undefined) throw notFound('build', buildId);
    if (input.application_id !== undefined && input.application_id !== build.application_id) {
      throw badRequest(`build ${buildId} belongs to application ${build.application_id}, not application ${input.application_id}`);
    }
    if (tx.assets.findByName(buildId, input.name) !== undefined) {
      throw conflict(`asset ${input.name} already exists for build ${buildId}`);
    }
    return tx.assets.insert({
      build_id: buildId,
      name: input.name,
      type: input.type,
      url: input.url,
      platform: input.platform ?? null,
      metadata: input.metadata ?? {},
    });
  });
}

export function assetsRoutes({ store, assetRoots }: RouteDeps): Hono {
  const routes = new Hono();

  routes.get('/asset', (c) => {
    const query = parseQuery(c, assetListQuerySchema);
    return c.json(listEnvelope(query, store.assets.list(query)));
  });

  routes.post('/asset', async (c) => {
    const body = await parseJsonBody(c, createAssetBodySchema);
    return c.json(addAsset(store, assetRoots, body.build_id, body), 200);
  });

  routes.get('/asset/:id', (c) => {
    const id = parseId(c);
    parseQuery(c, noQuerySchema);
    const asset = store.assets.get(id);
    if (asset === undefined) throw notFound('asset', id);
    return c.json(asset);
  });

  return routes;
}
