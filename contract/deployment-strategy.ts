/**
 * Deployment strategies (reference §8): named, reusable pacing and rollback settings, offered on "New Deployment"
 * filtered by scope type and dimensions. Fields from nullplatform/terraform-provider-nullplatform
 * deployment_strategy.go: `id, name, description, nrn, dimensions, parameters, scope_type_ids, created_by,
 * updated_by, created_at, updated_at`.
 *
 * CHOICE where the reference is silent: nullplatform's `parameters` is a JSON schema with a uiSchema that draws the
 * strategy's form; the local platform has one fixed form, so it keeps the VALUES that form yields, in the shape a
 * deployment carries them (`strategy_data.parameters`: `{traffic, metrics}`, contract/strategy-parameters.ts). A
 * client deploying "with" a strategy copies them into the new deployment's `strategy_data.parameters`, as
 * nullplatform's context.json shows them there. Responses are read loosely (nullplatform's carry the schema).
 */
import { z } from 'zod';

import { idListParam, idSchema, nrnSchema, pagingQueryShape, timestampSchema } from './common';
import { strategyParametersSchema } from './strategy-parameters';

export const deploymentStrategySchema = z.looseObject({
  id: idSchema,
  name: z.string(),
  description: z.string().nullable().optional(),
  nrn: nrnSchema,
  dimensions: z.record(z.string(), z.unknown()).optional(),
  parameters: z.record(z.string(), z.unknown()),
  scope_type_ids: z.array(z.number()).optional(),
  created_by: z.number().nullable().optional(),
  updated_by: z.number().nullable().optional(),
  created_at: timestampSchema.optional(),
  updated_at: timestampSchema.optional(),
});
export type DeploymentStrategyEntity = z.infer<typeof deploymentStrategySchema>;

const nrnInput = z
  .string({ error: 'nrn must be a string such as organization=1:account=1' })
  .regex(
    /^organization=\d+(:[a-z_]+=\d+)*$/,
    'nrn must look like organization=1:account=1 (where the strategy applies)',
  );

export const createDeploymentStrategyBodySchema = z.strictObject({
  name: z
    .string({ error: 'name must be a string' })
    .trim()
    .min(1, 'name must not be empty')
    .max(100, 'name must be at most 100 characters'),
  description: z
    .string({ error: 'description must be a string' })
    .max(500, 'description must be at most 500 characters')
    .optional(),
  /** Where the strategy applies; the local platform's organization and account when absent. */
  nrn: nrnInput.optional(),
  /** e.g. `{"environment": "production"}`: which scopes it is offered for. */
  dimensions: z
    .record(
      z.string().min(1, 'dimension names must not be empty').max(50),
      z.string({ error: 'dimension values must be strings' }).max(100),
    )
    .refine((dimensions) => Object.keys(dimensions).length <= 20, { message: 'at most 20 dimensions' })
    .meta({ maxProperties: 20 })
    .optional(),
  parameters: strategyParametersSchema,
  scope_type_ids: z
    .array(idSchema, { error: 'scope_type_ids must be a list of positive ids' })
    .max(50, 'at most 50 scope_type_ids')
    .optional(),
});
export type CreateDeploymentStrategyBody = z.infer<typeof createDeploymentStrategyBodySchema>;

export const deploymentStrategyListQuerySchema = z.strictObject({
  ...pagingQueryShape,
  id: idListParam('id'),
  nrn: z.string().optional(),
});
