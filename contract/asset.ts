import { z } from 'zod';

import {
  idInputSchema,
  idListParam,
  idSchema,
  metadataInputSchema,
  metadataSchema,
  pagingQueryShape,
  sortParam,
  timestampSchema,
} from './common';

const assetTypes = ['docker-image', 'lambda', 'bundle'] as const;

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
 * Environment variables that make a process load code it was not given: Node's own settings (`NODE_OPTIONS=--require
 * …`, `NODE_PATH`, …), the Linux dynamic linker's (`LD_PRELOAD`, `LD_LIBRARY_PATH`, …) and macOS's (`DYLD_*`).
 * An instance runs its asset's folder, which must lie under the folders the console allows; one of these would load
 * code from anywhere else on the machine. Matched without regard to case (Windows' environment ignores it).
 */
export const codeLoadingEnvPattern = /^(NODE_|LD_|DYLD_)/i;

/** The variables of `env` (an asset's `metadata.env`) that may not reach an instance. */
export function codeLoadingEnvNames(env: unknown): string[] {
  if (typeof env !== 'object' || env === null || Array.isArray(env)) return [];
  return Object.keys(env).filter((key) => codeLoadingEnvPattern.test(key));
}

export function codeLoadingEnvMessage(name: string): string {
  return `${name} is not allowed: NODE_*, LD_* and DYLD_* variables would make the instance's process load other code`;
}

const assetMetadataInputSchema = metadataInputSchema.superRefine((metadata, ctx) => {
  for (const name of codeLoadingEnvNames(metadata['env'])) {
    ctx.addIssue({ code: 'custom', message: codeLoadingEnvMessage(name), path: ['env', name] });
  }
});

/**
 * The local platform runs an asset whose `url` is `file:<folder>` (relative to the console's folder, or absolute),
 * under demo-apps/ or a folder NP_CONSOLE_ASSET_ROOTS names: the folder's package.json `main` (or server.js) is
 * started with node. `metadata.env` adds environment variables to every instance (but none of
 * `codeLoadingEnvPattern`). Other URLs (a registry image) are stored as given and can be deployed only in connected
 * mode.
 */
export const createAssetBodySchema = z.strictObject({
  build_id: idInputSchema,
  /** Sent by nullplatform's own tooling; checked against the build when present. */
  application_id: idInputSchema.optional(),
  name: assetName.default('main'),
  type: z.enum(assetTypes, { error: `type must be one of ${assetTypes.join(', ')}` }).default('docker-image'),
  url: z.string().trim().min(1, 'url must not be empty'),
  platform: z.string().optional(),
  metadata: assetMetadataInputSchema.optional(),
});

/** `POST /build/:id/asset` takes the same body; the build id comes from the path. */
export const createBuildAssetBodySchema = createAssetBodySchema.extend({ build_id: idInputSchema.optional() });
