import { z } from 'zod';

import {
  booleanParam,
  enumListParam,
  idInputSchema,
  idListParam,
  idSchema,
  metadataSchema,
  nrnSchema,
  pagingQueryShape,
  sortParam,
  timestampSchema,
} from './common';
import { reasonInputSchema } from './activity';
import { deploymentStatuses, deploymentStrategies, statusesInScope } from './deployment-lifecycle';
import { strategyParametersSchema } from './strategy-parameters';

/** Message item shape comes from nullplatform's agent docs only (reference §7.6, unverified): epoch-ms timestamps. */
const deploymentMessageSchema = z.looseObject({
  level: z.string(),
  message: z.string(),
  timestamp: z.number(),
});
export type DeploymentMessage = z.infer<typeof deploymentMessageSchema>;

export const strategyDataSchema = z.looseObject({
  desired_switched_traffic: z.number().optional(),
  switched_traffic: z.number().optional(),
  amount_instances_to_wait: z.number().optional(),
  launched_instances: z.number().optional(),
  healthy_instances: z.number().optional(),
});
export type StrategyData = z.infer<typeof strategyDataSchema>;

export const deploymentSchema = z.looseObject({
  id: idSchema,
  scope_id: idSchema,
  release_id: idSchema,
  /** Not in the official example; nullplatform's agent docs list it (reference §7.1). The local platform sends it. */
  application_id: idSchema.optional(),
  status: z.string(),
  status_in_scope: z.string().nullable().optional(),
  strategy: z.string(),
  strategy_data: strategyDataSchema,
  status_started_at: z.record(z.string(), z.string()).optional(),
  messages: z.array(deploymentMessageSchema).optional(),
  parameters: z.array(z.unknown()).optional(),
  asset_name: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  metadata: metadataSchema.optional(),
  deployment_token: z.string().nullable().optional(),
  deployment_group_id: idSchema.nullable().optional(),
  created_by: z.number().nullable().optional(),
  updated_by: z.number().nullable().optional(),
  created_at: timestampSchema.optional(),
  updated_at: timestampSchema.optional(),
  expires_at: timestampSchema.nullable().optional(),
  nrn: nrnSchema.optional(),
});
export type Deployment = z.infer<typeof deploymentSchema>;

export const deploymentListQuerySchema = z.strictObject({
  ...pagingQueryShape,
  sort: sortParam(['id', 'created_at', 'updated_at', 'status'] as const),
  id: idListParam('id'),
  scope_id: idListParam('scope_id'),
  application_id: idListParam('application_id'),
  release_id: idListParam('release_id'),
  deployment_group_id: idListParam('deployment_group_id'),
  status: enumListParam('status', deploymentStatuses),
  status_in_scope: enumListParam('status_in_scope', statusesInScope),
  strategy: enumListParam('strategy', deploymentStrategies),
  include_messages: booleanParam,
});
export type DeploymentListQuery = z.infer<typeof deploymentListQuerySchema>;

export const deploymentReadQuerySchema = z.strictObject({ include_messages: booleanParam });

export const createDeploymentBodySchema = z.strictObject({
  scope_id: idInputSchema,
  release_id: idInputSchema,
  /** Needed only when the scope was never deployed: the name of one of the release's build assets. */
  asset_name: z.string().min(1, 'asset_name must not be empty').optional(),
  description: z.string().max(500, 'description must be at most 500 characters').optional(),
  /**
   * The strategy's parameters, where nullplatform keeps them (reference §8b). An initial deployment stores them but
   * never steps: it takes all the traffic at once.
   */
  strategy_data: z.strictObject({ parameters: strategyParametersSchema }).optional(),
});

const trafficPercentSchema = z
  .number({ error: 'desired_switched_traffic must be a number' })
  .int('desired_switched_traffic must be an integer')
  .min(0, 'desired_switched_traffic must be between 0 and 100')
  .max(100, 'desired_switched_traffic must be between 0 and 100');

/** The status values a client may ask for; every other status is reached by the platform itself. */
export const requestableStatuses = ['finalizing', 'cancelling', 'rolling_back'] as const;

export const patchDeploymentBodySchema = z
  .strictObject({
    status: z.enum(requestableStatuses, { error: `status can be set to ${requestableStatuses.join(', ')}` }).optional(),
    /**
     * Only the desired traffic and the automatic steps' on/off are the client's; the counters and `switched_traffic`
     * are reported by the platform, and the other parameters are fixed when the deployment is created.
     */
    strategy_data: z
      .strictObject({
        desired_switched_traffic: trafficPercentSchema.optional(),
        parameters: z
          .strictObject({
            traffic: z.strictObject({
              enable_auto_switch: z.boolean({
                error: 'strategy_data.parameters.traffic.enable_auto_switch must be true or false',
              }),
            }),
          })
          .optional(),
      })
      .refine((data) => (data.desired_switched_traffic === undefined) !== (data.parameters === undefined), {
        message: 'set desired_switched_traffic or parameters.traffic.enable_auto_switch, one per request',
      })
      .meta({ oneOf: [{ required: ['desired_switched_traffic'] }, { required: ['parameters'] }] })
      .optional(),
    /**
     * Why (local platform): kept in the activity feed and the deployment's messages. Not a field nullplatform
     * documents, so the console sends it only to the local platform.
     */
    reason: reasonInputSchema.optional(),
  })
  .refine((body) => body.status !== undefined || body.strategy_data !== undefined, {
    message: 'the body must set status or strategy_data',
  })
  .refine((body) => body.status === undefined || body.strategy_data === undefined, {
    message: 'set status and strategy_data in separate requests',
  })
  .meta({
    oneOf: [{ required: ['status'] }, { required: ['strategy_data'] }],
    description:
      'Exactly one change per request: a status (finalize, cancel, roll back), the desired traffic, or the automatic ' +
      "steps' on/off. Which statuses can be asked for depends on the deployment's status and strategy (409 otherwise).",
  });
export type PatchDeploymentBody = z.infer<typeof patchDeploymentBodySchema>;
