import { z } from 'zod';

import { applicationStatuses } from './application-status';

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

export type { ApplicationStatus } from './application-status';

const applicationStatusSchema = z.enum(applicationStatuses);

/**
 * An application's tags: an object, not a list. nullplatform sends `"tags": {}` and types it as a map
 * (nullplatform/scopes-static-files static-files/deployment/tests/resources/context.json; Go
 * `map[string]interface{}` in nullplatform/terraform-provider-nullplatform nullplatform/application.go). Read loosely:
 * the values may be anything there; the local platform stores and sends strings.
 */
const applicationTagsSchema = z.record(z.string(), z.unknown());

/** Tags in a request body: an object of string values (scope tags, unlike these, are a list). */
const applicationTagsInputSchema = z.record(z.string(), z.string({ error: 'tag values must be strings' }), {
  error: 'tags must be an object of string values, such as {"team": "payments"}',
});

export const applicationSchema = z.looseObject({
  id: idSchema,
  name: z.string(),
  slug: z.string(),
  status: z.string(),
  namespace_id: idSchema,
  repository_url: z.string().nullable(),
  repository_app_path: z.string().nullable().optional(),
  is_mono_repo: z.boolean().optional(),
  /** A large integer on nullplatform (`1037172878` in context.json). */
  template_id: z.number().nullable().optional(),
  tags: applicationTagsSchema.optional(),
  /** Always `{}`, `[]` and `false` on the local platform; fields of the real object (context.json, application.go). */
  settings: z.record(z.string(), z.unknown()).optional(),
  messages: z.array(z.unknown()).optional(),
  auto_deploy_on_creation: z.boolean().optional(),
  metadata: metadataSchema.optional(),
  nrn: nrnSchema,
  created_at: timestampSchema.optional(),
  updated_at: timestampSchema.optional(),
});
export type Application = z.infer<typeof applicationSchema>;

const applicationSortFields = ['id', 'name', 'created_at', 'updated_at'] as const;

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
  tags: applicationTagsInputSchema.optional(),
  metadata: metadataInputSchema.optional(),
});

export const patchApplicationBodySchema = z.strictObject({
  name: applicationName.optional(),
  status: applicationStatusSchema.optional(),
  repository_url: httpUrlInput('repository_url').optional(),
  /** Replaces the whole tags object. */
  tags: applicationTagsInputSchema.optional(),
  metadata: metadataInputSchema.optional(),
});
