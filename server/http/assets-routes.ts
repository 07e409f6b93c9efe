import { type Asset, assetListQuerySchema, assetSchema, createAssetBodySchema } from '@contract/asset';
import { listEnvelopeSchema } from '@contract/common';
import { refuseAssetUrl } from '../engine/asset-launch';
import type { Store } from '../store/store';
import { endpoint, json, pathId } from './endpoint';
import { badRequest, conflict, notFound } from './errors';
import { listEnvelope } from './route-deps';

export type AssetInput = {
  application_id?: number | undefined;
  name: string;
  type: string;
  url: string;
  platform?: string | undefined;
  metadata?: Record<string, unknown> | undefined;
};

/** What POST /asset and POST /build/:id/asset check beyond the body's form, for the document. */
export const ASSET_RULES =
  'A `file:` url must name a folder under demo-apps/ or a folder NP_CONSOLE_ASSET_ROOTS names, after `..` and links ' +
  'are resolved (400 otherwise); other urls are stored as given. `metadata.env` may not set NODE_*, LD_* or DYLD_* ' +
  "variables (400). An `application_id` must be the build's application (400).";

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
      throw badRequest(
        `build ${buildId} belongs to application ${build.application_id}, not application ${input.application_id}`,
      );
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

const tag = 'asset';

export const assetEndpoints = [
  endpoint({
    method: 'get',
    path: '/api/asset',
    tag,
    summary: 'List assets',
    query: assetListQuerySchema,
    response: json(listEnvelopeSchema(assetSchema)),
    examples: [{ summary: "A build's assets", query: { build_id: '1' } }],
    handle: ({ query }, _c, { store }) => listEnvelope(query, store.assets.list(query)),
  }),

  endpoint({
    method: 'post',
    path: '/api/asset',
    tag,
    summary: 'Create an asset',
    description: ASSET_RULES,
    body: createAssetBodySchema,
    response: json(assetSchema, 'The asset created'),
    errors: { 404: 'No build with this build_id', 409: 'The build already has an asset of this name' },
    examples: [
      {
        summary: 'An asset that runs the demo greeter with an environment variable',
        body: { build_id: 1, name: 'worker', url: 'file:demo-apps/greeter', metadata: { env: { GREETING: 'hello' } } },
      },
    ],
    handle: ({ body }, _c, { store, assetRoots }) => addAsset(store, assetRoots, body.build_id, body),
  }),

  endpoint({
    method: 'get',
    path: '/api/asset/:id',
    tag,
    summary: 'Read an asset',
    params: { id: pathId('id') },
    response: json(assetSchema),
    errors: { 404: 'No asset with this id' },
    examples: [{ summary: 'Asset 1', params: { id: 1 } }],
    handle: ({ params: { id } }, _c, { store }) => {
      const asset = store.assets.get(id);
      if (asset === undefined) throw notFound('asset', id);
      return asset;
    },
  }),
];
