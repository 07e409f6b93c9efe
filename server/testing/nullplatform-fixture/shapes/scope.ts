/**
 * Scopes as nullplatform sends them. Lists carry the scope alone; GET /scope/:id adds the deployments it points at.
 */
import type { Json, JsonObject } from './json';
import type { Application } from './organization';

/**
 * SOURCE: context.json → `.scope` (`domain: ""`, `domains: []`, `profiles`, `provider`, `instance_id`, `tier`,
 * `tags: []` — a list here, unlike the application's object —, `requested_spec`, `runtime_configurations`,
 * `external_created`), and terraform-provider-nullplatform nullplatform/scope.go `Scope` (`description` is omitted
 * there when empty, and context.json has none, so it is left out). `capabilities` depends on the scope type: see below.
 */
export type Scope = {
  application_id: number;
  asset_name: string;
  capabilities: JsonObject;
  created_at: string;
  dimensions: Record<string, string>;
  domain: string;
  domains: { id: string; name: string }[];
  external_created: boolean;
  id: number;
  instance_id: string | null;
  messages: JsonObject[];
  metadata: JsonObject;
  name: string;
  nrn: string;
  profiles: string[];
  provider: string;
  requested_spec: JsonObject;
  runtime_configurations: number[];
  slug: string;
  status: string;
  tags: Json[];
  tier: string;
  type: string;
  updated_at: string;
};

/**
 * What GET /scope/:id adds (reference §1.3, §6.1: R-ai says lists never carry them). They are deployment ids, not
 * objects: terraform-provider-nullplatform scope.go types `active_deployment` as `int`, and nullplatform/scopes
 * k8s/deployment/build_context reads `.scope.current_active_deployment` as a scalar id (`jq -r`, then used as the blue
 * deployment's id). `in_progress_deployment` (nullplatform/services-endpoint-exposer build_rule) is assumed to be an
 * id as well, and null when nothing is in flight — unverified.
 */
export type ScopeDetail = Scope & {
  active_deployment: number | null;
  current_active_deployment: number | null;
  in_progress_deployment: number | null;
};

/**
 * SOURCE: nullplatform/scopes k8s/specs/service-spec.json.tpl — the agent "Containers" scope type (a `custom` scope):
 * flat attributes with the spec's defaults, except the few a scope here sets.
 */
export function containersCapabilities(fields: {
  fixed_instances: number;
  ram_memory: number;
  cpu_millicores: number;
}): JsonObject {
  return {
    additional_ports: [],
    asset_type: 'docker-image',
    autoscaling: {
      max_replicas: 5,
      min_replicas: 1,
      target_cpu_utilization: 70,
      target_memory_enabled: false,
      target_memory_utilization: 70,
    },
    continuous_delivery: { branches: ['main'], enabled: false },
    cpu_millicores: fields.cpu_millicores,
    cpu_millicores_limit: null,
    custom_domains: { enabled: true },
    fixed_instances: fields.fixed_instances,
    health_check: {
      enabled: true,
      initial_delay_seconds: 30,
      path: '/health',
      period_seconds: 10,
      timeout_seconds: 5,
      type: 'HTTP',
    },
    main_http_port: 8080,
    protocol: 'http',
    ram_memory: fields.ram_memory,
    ram_memory_limit: null,
    scaling_type: 'fixed',
    scheduled_stop: { enabled: false, timer: '3600' },
    visibility: 'public',
  };
}

/**
 * SOURCE: nullplatform/ai-plugins np-api/docs/scopes.md (native `web_pool_k8s` capabilities keyed by capability slug,
 * each a map) and terraform-provider-nullplatform scope.go `Capability` (`visibility` a `map[string]string`) —
 * reference §6.5. The older scopes: every capability is an object, `visibility` included.
 */
export function webPoolK8sCapabilities(): JsonObject {
  return {
    auto_scaling: {
      cpu: { max_percentage: 70, min_percentage: 30 },
      enabled: true,
      instances: { amount: 2, max_amount: 6, min_amount: 2 },
      memory: { enabled: false, target: 70 },
    },
    continuous_delivery: { branches: ['main'], enabled: false },
    health_check: { configuration: { interval: 10, timeout: 2 }, path: '/health', type: 'http' },
    kubernetes_processor: { millicores: 500 },
    listener_protocol: { name: 'http' },
    logs: { provider: 'cloudwatch', throttling: { enabled: false } },
    memory: { memory_in_gb: 1 },
    scheduled_stop: { enabled: false, timer: '3600' },
    visibility: { reachability: 'public' },
  };
}

export function scope(
  parent: Application,
  fields: {
    id: number;
    name: string;
    slug: string;
    type: 'custom' | 'web_pool_k8s';
    provider: string;
    instance_id: string | null;
    capabilities: JsonObject;
    dimensions: Record<string, string>;
    tier: 'important' | 'critical';
    domain: string;
    /** SOURCE for `{id, name}`: nullplatform/scopes k8s/deployment/tests/notify_active_domains.bats. */
    domains: { id: string; name: string }[];
    requested_spec: JsonObject;
    created_at: string;
    updated_at: string;
  },
): Scope {
  const environment = fields.dimensions['environment'];
  const country = fields.dimensions['country'];
  // context.json's profiles: one per dimension combination, `environment_<e>` then `environment_<e>_country_<c>`.
  const profiles =
    environment === undefined
      ? []
      : [
          `environment_${environment}`,
          ...(country === undefined ? [] : [`environment_${environment}_country_${country}`]),
        ];
  return {
    application_id: parent.id,
    asset_name: 'main',
    capabilities: fields.capabilities,
    created_at: fields.created_at,
    dimensions: fields.dimensions,
    domain: fields.domain,
    domains: fields.domains,
    external_created: false,
    id: fields.id,
    instance_id: fields.instance_id,
    messages: [],
    metadata: {},
    name: fields.name,
    nrn: `${parent.nrn}:scope=${fields.id}`,
    profiles,
    provider: fields.provider,
    requested_spec: fields.requested_spec,
    runtime_configurations: [],
    slug: fields.slug,
    status: 'active',
    tags: [],
    tier: fields.tier,
    type: fields.type,
    updated_at: fields.updated_at,
  };
}
