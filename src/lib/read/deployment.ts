/**
 * A deployment as the SPA reads it (reference §7, §8b). nullplatform's answers may lack `application_id`, send an
 * initial deployment's `strategy_data` with only `parameters` (no traffic numbers), `created_by` as a number or null,
 * `expires_at` null, and strategies (`canary`) or statuses this console has no actions for. `status` gates every
 * action, so it is the one field besides the ids that must read.
 */
import { z } from 'zod/mini';

import {
  compactJson,
  idField,
  nullableIdField,
  nullableTextField,
  numberField,
  shownObject,
  textField,
  timeField,
  tolerantObject,
} from './tolerant';

const strategyDataReader = shownObject({
  desired_switched_traffic: numberField,
  switched_traffic: numberField,
  amount_instances_to_wait: numberField,
  launched_instances: numberField,
  healthy_instances: numberField,
});

const messageFields = tolerantObject({}, { level: textField, message: textField, timestamp: timeField });
export type DeploymentMessage = z.output<typeof messageFields>;

/** A message that is not even an object still says something: it is shown as its JSON. */
const messageReader = z.pipe(
  z.unknown(),
  z.transform((item): DeploymentMessage => {
    const read = messageFields.safeParse(item);
    return read.success ? read.data : { message: compactJson(item, 500) };
  }),
);

const deploymentFields = tolerantObject(
  { id: idField, scope_id: idField, release_id: idField, status: z.string() },
  {
    application_id: idField,
    strategy: textField,
    strategy_data: strategyDataReader,
    status_in_scope: nullableTextField,
    status_started_at: z.record(z.string(), timeField),
    messages: z.array(messageReader),
    asset_name: nullableTextField,
    description: nullableTextField,
    deployment_group_id: nullableIdField,
    created_by: nullableTextField,
    updated_by: nullableTextField,
    created_at: timeField,
    updated_at: timeField,
    expires_at: z.nullable(timeField),
  },
);

/** `strategy_data` is always an object once read: an answer without it (or with another shape) has no numbers. */
export const deploymentReader = z.pipe(
  deploymentFields,
  z.transform((deployment: z.output<typeof deploymentFields>) => ({
    ...deployment,
    strategy_data: deployment.strategy_data ?? {},
  })),
);
export type Deployment = z.output<typeof deploymentReader>;
