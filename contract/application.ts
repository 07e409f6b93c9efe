import { z } from 'zod';

import {
  enumListParam,
  httpUrlInput,
  idInputSchema,
  idListParam,
  idSchema,
  metadataInputSchema,
  metadataSchema,
  nrnSchema,
  pagingQueryShape,
  sortParam,
  timestampSchema,
} from './common';

export const applicationStatuses = ['creating', 'active', 'inactive', 'archived'] as const;
export const applicationStatusSchema = z.enum(applicationStatuses);
export type ApplicationStatus = z.infer<typeof applicationStatusSchema>;

export const applicationSchema = z.looseObject({
  id: idSchema,
  name: z.string(),
  slug: z.string(),
  status: z.string(),
  namespace_id: idSchema,
  repository_url: z.string().nullable(),
  repository_app_path: z.string().nullable().optional(),
  is_mono_repo: z.boolean().optional(),
  template_id: z.number().nullable().optional(),
  tags: z.array(z.unknown()).optional(),
  metadata: metadataSchema.optional(),
  nrn: nrnSchema,
  created_at: timestampSchema.optional(),
  updated_at: timestampSchema.optional(),
});
export type Application = z.infer<typeof applicationSchema>;

export const applicationSortFields = ['id', 'name', 'created_at', 'updated_at'] as const;

export const applicationListQuerySchema = z.strictObject({
  ...pagingQueryShape,
  sort: sortParam(applicationSortFields),
  id: idListParam('id'),
  namespace_id: idListParam('namespace_id'),
  status: enumListParam('status', applicationStatuses),
  name: z.string().optional(),
});
export type ApplicationListQuery = z.infer<typeof applicationListQuerySchema>;

const applicationName = z
  .string({ error: 'name must be a string' })
  .trim()
  .min(1, 'name must not be empty')
  .max(100, 'name must be at most 100 characters');

export const createApplicationBodySchema = z.strictObject({
  name: applicationName,
  namespace_id: idInputSchema,
  repository_url: httpUrlInput('repository_url').optional(),
  repository_app_path: z.string().optional(),
  template_id: idInputSchema.optional(),
  metadata: metadataInputSchema.optional(),
});
export type CreateApplicationBody = z.infer<typeof createApplicationBodySchema>;

export const patchApplicationBodySchema = z.strictObject({
  name: applicationName.optional(),
  status: applicationStatusSchema.optional(),
  repository_url: httpUrlInput('repository_url').optional(),
  metadata: metadataInputSchema.optional(),
});
export type PatchApplicationBody = z.infer<typeof patchApplicationBodySchema>;
