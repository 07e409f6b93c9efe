/**
 * A deployment strategy (`GET /deployment_strategy`, reference §8) as the SPA reads it. Fields from
 * nullplatform/terraform-provider-nullplatform deployment_strategy.go: `id, name, description, nrn, dimensions,
 * parameters, scope_type_ids` (strings there, numbers on the local platform), `created_by`…
 *
 * `parameters` comes in two shapes:
 * - the local platform keeps the VALUES a deployment copies into `strategy_data.parameters` (`{traffic, metrics}`,
 *   contract/deployment-strategy.ts);
 * - nullplatform keeps a JSON schema with a `uiSchema` that draws the strategy's form (docs "Blue-Green with HTTP error
 *   rollback strategy example" and "customize traffic switch and metric-based rollbacks"; the `uiSchema` scopes are
 *   `#/properties/traffic/properties/step` and so on).
 * ASSUMPTION (the docs' excerpt of the schema's `properties` half is cut): the values are the schema properties'
 * `default`s. This is the one place that reads them.
 */
import { z } from 'zod/mini';

import { idField, nullableTextField, textField, textMapField, tolerantObject } from './tolerant';

export const deploymentStrategyReader = tolerantObject(
  { id: idField },
  {
    name: textField,
    description: nullableTextField,
    nrn: textField,
    dimensions: textMapField,
    parameters: z.record(z.string(), z.unknown()),
    scope_type_ids: z.array(textField),
  },
);
export type DeploymentStrategy = z.output<typeof deploymentStrategyReader>;

/** The values of a strategy's parameters, shaped as a deployment carries them: `{traffic, metrics}`. */
export function strategyValues(
  parameters: Readonly<Record<string, unknown>> | undefined,
): Record<string, unknown> | undefined {
  if (parameters === undefined) return undefined;
  if ('traffic' in parameters || 'metrics' in parameters) return { ...parameters };
  const properties = record(parameters['properties']);
  if (properties === undefined) return undefined;
  const values: Record<string, unknown> = {};
  for (const group of ['traffic', 'metrics']) {
    const fields = record(record(properties[group])?.['properties']);
    if (fields === undefined) continue;
    const defaults = Object.fromEntries(
      Object.entries(fields).flatMap(([name, schema]) => {
        const field = record(schema);
        return field !== undefined && 'default' in field ? [[name, field['default']]] : [];
      }),
    );
    if (Object.keys(defaults).length > 0) values[group] = defaults;
  }
  return Object.keys(values).length > 0 ? values : undefined;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return isRecord(value) ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
