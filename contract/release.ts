import { z } from 'zod';

import { enumListParam, idInputSchema, idListParam, idSchema, metadataInputSchema, metadataSchema, pagingQueryShape, sortParam, timestampSchema } from './common';

/** Only `active` is seen in the wild (reference §5). */
export const releaseStatuses = ['active'] as const;

/** Strict semver 2.0 (no leading `v`), the same rule the SPA form checks before sending. */
export const SEMVER_PATTERN =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export const releaseSchema = z.looseObject({
  id: idSchema,
  application_id: idSchema,
  build_id: idSchema,
  semver: z.string(),
  status: z.string(),
  metadata: metadataSchema.optional(),
  created_at: timestampSchema.optional(),
  updated_at: timestampSchema.optional(),
});
export type Release = z.infer<typeof releaseSchema>;

export const releaseListQuerySchema = z.strictObject({
  ...pagingQueryShape,
  sort: sortParam(['id', 'created_at', 'semver'] as const),
  id: idListParam('id'),
  application_id: idListParam('application_id'),
  build_id: idListParam('build_id'),
  status: enumListParam('status', releaseStatuses),
  semver: z.string().optional(),
});
export type ReleaseListQuery = z.infer<typeof releaseListQuerySchema>;

export const semverInputSchema = z
  .string({ error: 'semver must be a string' })
  .regex(SEMVER_PATTERN, 'semver must be a semantic version such as 1.4.0');

export const createReleaseBodySchema = z.strictObject({
  status: z.enum(releaseStatuses, { error: 'status must be active' }),
  build_id: idInputSchema,
  application_id: idInputSchema,
  semver: semverInputSchema,
  metadata: metadataInputSchema.optional(),
});
export type CreateReleaseBody = z.infer<typeof createReleaseBodySchema>;

export const patchReleaseBodySchema = z.strictObject({
  status: z.enum(releaseStatuses, { error: 'status must be active' }).optional(),
  metadata: metadataInputSchema.optional(),
});
export type PatchReleaseBody = z.infer<typeof patchReleaseBodySchema>;
