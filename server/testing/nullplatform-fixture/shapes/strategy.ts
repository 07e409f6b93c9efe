/** Deployment strategies as nullplatform sends them; each piece names its source. */
import type { Json, JsonObject } from './json';

/**
 * SOURCE: nullplatform/terraform-provider-nullplatform nullplatform/deployment_strategy.go `DeploymentStrategy`:
 * `id, name, description, nrn, dimensions, parameters, scope_type_ids` ([]string), `created_by`, `updated_by`
 * (strings), `created_at`, `updated_at` (strings); docs "Deployment strategies" (reference §8): a strategy applies
 * where its `nrn` and `dimensions` say.
 */
export type DeploymentStrategy = {
  created_at: string;
  created_by: string;
  description: string;
  dimensions: Record<string, string>;
  id: number;
  name: string;
  nrn: string;
  parameters: JsonObject;
  scope_type_ids: string[];
  updated_at: string;
  updated_by: string;
};

export type StrategyDefaults = {
  metrics: { enabled: boolean; rules: { metric: string; operation: string; threshold: number }[] };
  traffic: { enable_auto_switch: boolean; step: string; interval: number };
};

/**
 * SOURCE: docs.nullplatform.com "Blue-Green with HTTP error rollback strategy example" and "Required parameters to
 * customize traffic switch and metric-based rollbacks": `parameters` is a JSON schema, `{type:"object", title:
 * "Deployment strategy parameters", uiSchema:{type:"VerticalLayout", elements:[…Controls scoped to
 * #/properties/metrics/properties/{enabled,rules} and #/properties/traffic/properties/{enable_auto_switch,step,
 * interval} with the labels below…]}, properties:{…}}` (the style options of the docs' uiSchema are left out).
 * ASSUMPTION: the `properties` half is cut off in every copy of the docs read, so its content here — each field's
 * type and a `default` holding the strategy's value — is the fixture's guess (src/lib/read/deployment-strategy.ts
 * reads the values from the defaults; this is the one place the fixture makes them).
 */
export function strategyParameters(defaults: StrategyDefaults): JsonObject {
  const showWhen = (scope: string): JsonObject => ({ effect: 'SHOW', condition: { scope, schema: { const: true } } });
  const rules: Json = defaults.metrics.rules.map((rule) => ({ ...rule }));
  return {
    type: 'object',
    title: 'Deployment strategy parameters',
    uiSchema: {
      type: 'VerticalLayout',
      elements: [
        { type: 'Control', scope: '#/properties/metrics/properties/enabled', label: 'Enable metric-based rollback' },
        {
          type: 'Control',
          scope: '#/properties/metrics/properties/rules',
          label: '',
          rule: showWhen('#/properties/metrics/properties/enabled'),
        },
        {
          type: 'Control',
          scope: '#/properties/traffic/properties/enable_auto_switch',
          label: 'Customize traffic switch',
        },
        {
          type: 'Group',
          rule: showWhen('#/properties/traffic/properties/enable_auto_switch'),
          elements: [
            { type: 'Control', scope: '#/properties/traffic/properties/step', label: 'Step size' },
            { type: 'Control', scope: '#/properties/traffic/properties/interval', label: 'Interval in seconds' },
          ],
        },
      ],
    },
    properties: {
      metrics: {
        type: 'object',
        properties: {
          enabled: { type: 'boolean', default: defaults.metrics.enabled },
          rules: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                metric: { type: 'string' },
                operation: { type: 'string', enum: ['greater_than', 'less_than', 'equal'] },
                threshold: { type: 'number' },
              },
            },
            default: rules,
          },
        },
      },
      traffic: {
        type: 'object',
        properties: {
          enable_auto_switch: { type: 'boolean', default: defaults.traffic.enable_auto_switch },
          step: { type: 'string', default: defaults.traffic.step },
          interval: { type: 'number', default: defaults.traffic.interval },
        },
      },
    },
  };
}

export function deploymentStrategy(fields: {
  id: number;
  name: string;
  description: string;
  nrn: string;
  dimensions: Record<string, string>;
  defaults: StrategyDefaults;
  created_at: string;
}): DeploymentStrategy {
  return {
    created_at: fields.created_at,
    created_by: 'fixture-admin',
    description: fields.description,
    dimensions: fields.dimensions,
    id: fields.id,
    name: fields.name,
    nrn: fields.nrn,
    parameters: strategyParameters(fields.defaults),
    scope_type_ids: [],
    updated_at: fields.created_at,
    updated_by: 'fixture-admin',
  };
}
