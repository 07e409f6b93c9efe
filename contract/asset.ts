import { z } from 'zod';

import { idInputSchema, idListParam, idSchema, metadataInputSchema, metadataSchema, pagingQueryShape, sortParam, timestampSchema } from './common';

export const assetTypes = ['docker-image', 'lambda', 'bundle'] as const;

export const assetSchema = z.looseObject({
  id: idSchema,
  build_id: idSchema,
  name: z.string(),
  type: z.string(),
  url: z.string(),
  platform: z.string().nullable().optional(),
  metadata: metadataSchema.optional(),
  created_at: timestampSchema.optional(),
  updated_at: timestampSchema.optional(),
});
export type Asset = z.infer<typeof assetSchema>;

export const assetListQuerySchema = z.strictObject({
  ...pagingQueryShape,
  sort: sortParam(['id', 'name', 'created_at'] as const),
  id: idListParam('id'),
  build_id: idListParam('build_id'),
  name: z.string().optional(),
});
export type AssetListQuery = z.infer<typeof assetListQuerySchema>;

const assetName = z
  .string({ error: 'name must be a string' })
  .regex(/^[a-z0-9][a-z0-9-_]*$/i, 'name must be letters, digits, - or _')
  .max(100);

/**
 * The local platform runs an asset whose `url` is `file:<folder>` (relative to the console's folder, or absolute):
 * the folder's package.json `main` (or server.js) is started with node. `metadata.env` adds environment variables to
 * every instance. Other URLs (a registry image) are stored as given and can be deployed only in connected mode.
 */
export const createAssetBodySchema = z.strictObject({
  build_id: idInputSchema,
  /** Sent by nullplatform's own tooling; checked against the build when present. */
  application_id: idInputSchema.optional(),
  name: assetName.default('main'),
  type: z.enum(assetTypes, { error: `type must be one of ${assetTypes.join(', ')}` }).default('docker-image'),
  url: z.string().trim().min(1, 'url must not be empty'),
  platform: z.string().optional(),
  metadata: metadataInputSchema.optional(),
});
export type CreateAssetBody = z.infer<typeof createAssetBodySchema>;

/** `POST /build/:id/asset` takes the same body; the build id comes from the path. */
export const createBuildAssetBodySchema = createAssetBodySchema.extend({ build_id: idInputSchema.optional() });
