import { z } from 'zod';

import {
  enumListParam,
  idInputSchema,
  idListParam,
  idSchema,
  metadataInputSchema,
  metadataSchema,
  nrnSchema,
  pagingQueryShape,
  sortParam,
  stringMapSchema,
  timestampSchema,
} from './common';
import { DEFAULT_HEALTH_CHECK_PATH, DEFAULT_INSTANCE_COUNT, MAX_INSTANCE_COUNT, scopeTypes } from './scope-values';

const scopeStatuses = [
  'pending',
  'creating',
  'active',
  'updating',
  'stopping',
  'stopped',
  'failed',
  'unhealthy',
  'deleting',
  'deleted',
] as const;

export { DEFAULT_HEALTH_CHECK_PATH, DEFAULT_INSTANCE_COUNT, MAX_INSTANCE_COUNT, scopeTypes };

/**
 * The capabilities the local platform reads, named as in nullplatform's agent "Containers" scope
 * (reference §6.5): a fixed instance count and the health check path.
 */
const scopeCapabilitiesSchema = z.looseObject({
  scaling_type: z.string().optional(),
  fixed_instances: z.number().int().optional(),
  health_check: z.looseObject({ path: z.string().optional() }).optional(),
});

export const scopeSchema = z.looseObject({
  id: idSchema,
  application_id: idSchema,
  name: z.string(),
  slug: z.string(),
  type: z.string(),
  status: z.string(),
  dimensions: stringMapSchema.optional(),
  /** Where the scope serves its traffic. The local platform gives each scope its own loopback address. */
  domain: z.string().nullable().optional(),
  asset_name: z.string().nullable().optional(),
  capabilities: scopeCapabilitiesSchema.optional(),
  tier: z.string().nullable().optional(),
  /**
   * Returned by GET /scope/:id (the local platform returns them on lists too). nullplatform's scope agents read
   * `current_active_deployment` and `in_progress_deployment` (nullplatform/scopes k8s/deployment/build_context);
   * `np scope read` shows `active_deployment` (reference §6.1). The local platform sends both names, same value.
   */
  active_deployment: idSchema.nullable().optional(),
  current_active_deployment: idSchema.nullable().optional(),
  in_progress_deployment: idSchema.nullable().optional(),
  /**
   * Fields of the real scope object the console does not read, typed as loosely as the real one
   * (nullplatform/scopes-static-files static-files/deployment/tests/resources/context.json): `domains[].name` is read
   * by nullplatform/scopes' templates; scope `tags` are a list, unlike an application's.
   */
  domains: z.array(z.looseObject({ name: z.string() })).optional(),
  profiles: z.array(z.unknown()).optional(),
  tags: z.array(z.unknown()).optional(),
  requested_spec: z.record(z.string(), z.unknown()).optional(),
  runtime_configurations: z.array(z.unknown()).optional(),
  external_created: z.boolean().optional(),
  messages: z.array(z.unknown()).optional(),
  /** The backing service's id on nullplatform (a string there); null on the local platform. */
  instance_id: z.string().nullable().optional(),
  /** A legacy provider string or a service specification id on nullplatform (reference §6.1); null on the local platform. */
  provider: z.string().nullable().optional(),
  metadata: metadataSchema.optional(),
  nrn: nrnSchema,
  created_at: timestampSchema.optional(),
  updated_at: timestampSchema.optional(),
});
export type Scope = z.infer<typeof scopeSchema>;

export const scopeListQuerySchema = z.strictObject({
  ...pagingQueryShape,
  sort: sortParam(['id', 'name', 'created_at', 'updated_at'] as const),
  id: idListParam('id'),
  application_id: idListParam('application_id'),
  status: enumListParam('status', scopeStatuses),
  type: enumListParam('type', scopeTypes),
  name: z.string().optional(),
});
export type ScopeListQuery = z.infer<typeof scopeListQuerySchema>;

const scopeName = z
  .string({ error: 'name must be a string' })
  .trim()
  .min(1, 'name must not be empty')
  .max(60, 'name must be at most 60 characters');

const capabilitiesInputSchema = z.strictObject({
  scaling_type: z.enum(['fixed'], { error: 'scaling_type must be fixed' }).optional(),
  fixed_instances: z
    .number({ error: 'fixed_instances must be a number' })
    .int('fixed_instances must be an integer')
    .min(1, 'fixed_instances must be at least 1')
    .max(MAX_INSTANCE_COUNT, `fixed_instances must be at most ${MAX_INSTANCE_COUNT}`)
    .optional(),
  health_check: z
    .strictObject({ path: z.string().regex(/^\/[^\s]*$/, 'health_check.path must start with /') })
    .optional(),
});

export const createScopeBodySchema = z.strictObject({
  application_id: idInputSchema,
  name: scopeName,
  type: z.enum(scopeTypes, { error: `type must be one of ${scopeTypes.join(', ')}` }).default('web_pool_k8s'),
  dimensions: stringMapSchema.optional(),
  capabilities: capabilitiesInputSchema.optional(),
  asset_name: z.string().min(1).optional(),
  tier: z.string().optional(),
  metadata: metadataInputSchema.optional(),
});

export const patchScopeBodySchema = z.strictObject({
  name: scopeName.optional(),
  dimensions: stringMapSchema.optional(),
  capabilities: capabilitiesInputSchema.optional(),
  asset_name: z.string().min(1).optional(),
  tier: z.string().optional(),
  metadata: metadataInputSchema.optional(),
});
