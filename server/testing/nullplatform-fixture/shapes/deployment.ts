/** Deployments as nullplatform sends them; each piece names its source. */
import type { Json, JsonObject } from './json';
import type { Scope } from './scope';

/**
 * SOURCE: docs.nullplatform.com/docs/deployments/flow (the 15 statuses, reference §7.2). The fixture's seed uses a
 * subset, including `creating_approval`, which a console that only knows the local platform's statuses never met.
 */
export type DeploymentStatus =
  | 'creating_approval'
  | 'creating_approval_denied'
  | 'creating'
  | 'waiting_for_instances'
  | 'running'
  | 'finalizing'
  | 'finalized'
  | 'cancelling'
  | 'cancelled'
  | 'failed'
  | 'rolling_back'
  | 'rolled_back'
  | 'deleting'
  | 'deleted';

/** SOURCE: context.json `"initial"`; nullplatform/scopes `blue_green`; ai-plugins np-lake SCHEMA.md lists `canary`. */
export type DeploymentStrategy = 'initial' | 'blue_green' | 'canary';

/** SOURCE: ai-plugins np-api/docs/deployments.md `{level, message, timestamp}` (epoch ms) — reference §7.6, unverified. */
export type DeploymentMessage = { level: 'INFO' | 'WARNING' | 'ERROR'; message: string; timestamp: number };

/**
 * SOURCE: context.json → `.deployment` — no `application_id` (reference §7.1: nor in the docs' example nor in the lake),
 * `created_by` a number (or null), `expires_at` null or a date, `external_strategy_id`, `deployment_token`,
 * `status_started_at` (status → ISO time), `parameters: []`; `messages` is empty unless `include_messages=true`.
 */
export type Deployment = {
  created_at: string;
  created_by: number | null;
  deployment_group_id: number | null;
  deployment_token: string;
  expires_at: string | null;
  external_strategy_id: number;
  id: number;
  messages: DeploymentMessage[];
  metadata: JsonObject;
  nrn: string;
  parameters: Json[];
  release_id: number;
  scope_id: number;
  status: DeploymentStatus;
  /** SOURCE: context.json `inactive` while creating; docs' notification example `candidate`; lake `active`. */
  status_in_scope: 'active' | 'inactive' | 'candidate';
  status_started_at: Partial<Record<DeploymentStatus, string>>;
  strategy: DeploymentStrategy;
  strategy_data: StrategyData;
  updated_at: string;
  updated_by: number | null;
};

/**
 * SOURCE: context.json: an initial deployment's `strategy_data` may be only `{parameters:{metrics, traffic}}` — no
 * traffic numbers. Blue/green adds `desired_switched_traffic` / `switched_traffic` (docs' deployment flow) and the
 * instance counters agents PATCH in (nullplatform/scopes k8s/deployment/wait_deployment_active).
 */
export type StrategyData = {
  parameters: StrategyParameters;
  desired_switched_traffic?: number;
  switched_traffic?: number;
  amount_instances_to_wait?: number;
  launched_instances?: number;
  healthy_instances?: number;
  /** Canary only: the fixture's guess (no public source shows a canary deployment's data). */
  canary?: { steps: { traffic: number; pause_in_seconds: number | null }[]; current_step: number };
};

/** SOURCE: context.json `strategy_data.parameters` (traffic `step` is a string there: `"0.1"`). */
export type StrategyParameters = {
  metrics: { enabled: boolean; rules: Json[] };
  traffic: { enable_auto_switch: boolean; interval: number; step: string };
};

export function defaultStrategyParameters(): StrategyParameters {
  return { metrics: { enabled: false, rules: [] }, traffic: { enable_auto_switch: false, interval: 10, step: '0.1' } };
}

/** The deployment strategy every deployment here points at (context.json's `external_strategy_id`). */
const EXTERNAL_STRATEGY_ID = 10;

export function deployment(
  parent: Scope,
  fields: {
    id: number;
    release_id: number;
    status: DeploymentStatus;
    status_in_scope: Deployment['status_in_scope'];
    strategy: DeploymentStrategy;
    strategy_data: StrategyData;
    status_started_at: Deployment['status_started_at'];
    created_by: number | null;
    expires_at: string | null;
    deployment_token: string;
    deployment_group_id?: number | null;
    messages?: DeploymentMessage[];
    created_at: string;
    updated_at: string;
  },
): Deployment {
  return {
    created_at: fields.created_at,
    created_by: fields.created_by,
    deployment_group_id: fields.deployment_group_id ?? null,
    deployment_token: fields.deployment_token,
    expires_at: fields.expires_at,
    external_strategy_id: EXTERNAL_STRATEGY_ID,
    id: fields.id,
    messages: fields.messages ?? [],
    metadata: {},
    nrn: `${parent.nrn}:deployment=${fields.id}`,
    parameters: [],
    release_id: fields.release_id,
    scope_id: parent.id,
    status: fields.status,
    status_in_scope: fields.status_in_scope,
    status_started_at: fields.status_started_at,
    strategy: fields.strategy,
    strategy_data: fields.strategy_data,
    updated_at: fields.updated_at,
    updated_by: null,
  };
}

/** Statuses in which a deployment still occupies its scope: POST /deployment there answers "already a running deployment". */
export const IN_FLIGHT_STATUSES: ReadonlySet<DeploymentStatus> = new Set([
  'creating_approval',
  'creating',
  'waiting_for_instances',
  'running',
  'finalizing',
  'cancelling',
  'rolling_back',
  'deleting',
]);
