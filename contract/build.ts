import { z } from 'zod';

import { assetSchema } from './asset';
import {
  enumListParam,
  httpUrlInput,
  idInputSchema,
  idListParam,
  idSchema,
  metadataInputSchema,
  metadataSchema,
  pagingQueryShape,
  sortParam,
  timestampSchema,
} from './common';
import { buildStatuses } from './build-status';

export { buildStatuses };
export const buildStatusSchema = z.enum(buildStatuses);
export type BuildStatus = z.infer<typeof buildStatusSchema>;

const commitSchema = z.looseObject({
  id: z.string(),
  permalink: z.string().nullable().optional(),
});

export const buildSchema = z.looseObject({
  id: idSchema,
  application_id: idSchema,
  status: z.string(),
  branch: z.string().nullable().optional(),
  commit: commitSchema.nullable().optional(),
  description: z.string().nullable().optional(),
  created_at: timestampSchema.optional(),
  updated_at: timestampSchema.optional(),
  /** Only on GET /build/:id. */
  assets: z.array(assetSchema).optional(),
  metadata: metadataSchema.optional(),
});
export type Build = z.infer<typeof buildSchema>;

const buildSortFields = ['id', 'created_at', 'updated_at', 'status', 'branch'] as const;

export const buildListQuerySchema = z.strictObject({
  ...pagingQueryShape,
  sort: sortParam(buildSortFields),
  id: idListParam('id'),
  application_id: idListParam('application_id'),
  status: enumListParam('status', buildStatuses),
  branch: z.string().optional(),
  'commit.id': z.string().optional(),
  'commit.permalink': z.string().optional(),
  description: z.string().optional(),
});
export type BuildListQuery = z.infer<typeof buildListQuerySchema>;

const commitInputSchema = z.strictObject({
  id: z.string().trim().min(1, 'commit.id must not be empty').max(100),
  permalink: httpUrlInput('commit.permalink').optional(),
});

export const createBuildBodySchema = z.strictObject({
  application_id: idInputSchema,
  status: buildStatusSchema,
  branch: z.string().trim().min(1, 'branch must not be empty').max(255),
  commit: commitInputSchema,
  description: z.string().max(2000, 'description must be at most 2000 characters').optional(),
  metadata: metadataInputSchema.optional(),
});

export const patchBuildBodySchema = z.strictObject({
  /** nullplatform's CI action repeats the id in the body; accepted when it matches the path. */
  id: idInputSchema.optional(),
  status: buildStatusSchema.optional(),
  description: z.string().max(2000, 'description must be at most 2000 characters').optional(),
  metadata: metadataInputSchema.optional(),
});

/** A build may only move forward; `failed` and `successful` are final. */
export const buildTransitions: Record<BuildStatus, readonly BuildStatus[]> = {
  pending: ['in_progress', 'failed', 'successful'],
  in_progress: ['failed', 'successful'],
  failed: [],
  successful: [],
};
