import { randomUUID } from 'node:crypto';

import type { DeploymentListQuery, Deployment, DeploymentMessage, StrategyData } from '@contract/deployment';
import {
  type DeploymentStatus,
  type DeploymentStrategy,
  inFlightStatuses,
  type StatusInScope,
} from '@contract/deployment-lifecycle';
import { DEFAULT_INSTANCE_COUNT } from '@contract/scope';
import { StoreNotFoundError } from './errors';
import { type ListFilters, Repository, type RepositoryQuery } from './repository';
import {
  type JsonObject,
  type ListResult,
  parseArray,
  parseObject,
  parseStringMap,
  toJson,
  toJsonIfGiven,
} from './sql';

type DeploymentRow = {
  id: number;
  scope_id: number;
  release_id: number;
  application_id: number;
  status: string;
  status_in_scope: string | null;
  strategy: string;
  strategy_data: string;
  status_started_at: string;
  parameters: string;
  asset_name: string | null;
  description: string | null;
  metadata: string;
  deployment_token: string | null;
  deployment_group_id: number | null;
  created_by: number | null;
  updated_by: number | null;
  nrn: string;
  created_at: string;
  updated_at: string;
  expires_at: string | null;
};

type MessageRow = { level: string; message: string; timestamp: number };

export type MessageLevel = 'INFO' | 'WARNING' | 'ERROR';

export type DeploymentQuery = RepositoryQuery<DeploymentListQuery>;

/** A partial `strategy_data`: merged key by key into the stored object. */
export type StrategyDataPatch = {
  desired_switched_traffic?: number;
  switched_traffic?: number;
  amount_instances_to_wait?: number;
  launched_instances?: number;
  healthy_instances?: number;
  [key: string]: unknown;
};

export type NewDeployment = {
  scope_id: number;
  release_id: number;
  asset_name?: string | null;
  description?: string | null;
  /** Defaults to `initial` when the scope has no active deployment, `blue_green` otherwise. */
  strategy?: DeploymentStrategy;
  /** Defaults to `creating`. */
  status?: DeploymentStatus;
  /** Defaults to `candidate`. */
  status_in_scope?: StatusInScope;
  /** Merged over the defaults (desired 100 for initial / 0 for blue/green, counters 0, instances from the scope). */
  strategy_data?: StrategyDataPatch;
  parameters?: unknown[];
  metadata?: JsonObject;
  created_by?: number | null;
  /** For seeding history; defaults to now. */
  created_at?: string;
  /** Overrides the store's expiry for this deployment; ignored for initial deployments. */
  expiry_ms?: number;
  /** Overrides the computed expiry (null: never expires). */
  expires_at?: string | null;
};

export type DeploymentPatch = {
  /** A change of status also records `status_started_at[status] = now`. */
  status?: DeploymentStatus;
  status_in_scope?: StatusInScope | null;
  /** Merged into the stored object: keys not given are kept. */
  strategy_data?: StrategyDataPatch;
  asset_name?: string | null;
  description?: string | null;
  metadata?: JsonObject;
  expires_at?: string | null;
  updated_by?: number | null;
};

export type DeploymentReadOptions = { includeMessages?: boolean };

/** `messages` is filled only with `include_messages` (lists) or `includeMessages` (get), as in the real API. */
export class DeploymentsRepository extends Repository<DeploymentRow, Deployment, DeploymentListQuery> {
  protected readonly table = 'deployments';
  protected readonly resource = 'deployment';
  /** Newest first unless sorted otherwise. */
  protected readonly defaultSort = { field: 'created_at', direction: 'desc' } as const;
  protected override readonly stampsUpdatedBy = true;

  override list(query: DeploymentQuery = {}): ListResult<Deployment> {
    const { rows, total } = this.listRows(query);
    const includeMessages = query.include_messages === true;
    return { results: rows.map((row) => this.toDeployment(row, includeMessages)), total };
  }

  override get(id: number, options: DeploymentReadOptions = {}): Deployment | undefined {
    const row = this.row(id);
    return row === undefined ? undefined : this.toDeployment(row, options.includeMessages === true);
  }

  /** The scope's deployment in one of the contract's in-flight statuses (there is at most one). */
  inFlightForScope(scopeId: number): Deployment | undefined {
    const row = this.ctx
      .statement(
        `SELECT * FROM deployments WHERE scope_id = ? AND status IN (${inFlightPlaceholders}) ORDER BY id DESC LIMIT 1`,
      )
      .get(scopeId, ...inFlightStatuses) as DeploymentRow | undefined;
    return row === undefined ? undefined : this.toEntity(row);
  }

  /** Every in-flight deployment, oldest first (for the engine's start-up reconciliation). */
  listInFlight(): Deployment[] {
    const rows = this.ctx
      .statement(`SELECT * FROM deployments WHERE status IN (${inFlightPlaceholders}) ORDER BY id`)
      .all(...inFlightStatuses) as DeploymentRow[];
    return rows.map((row) => this.toEntity(row));
  }

  /** The deployment serving the scope (`status_in_scope = 'active'`), the newest if several claim it. */
  activeForScope(scopeId: number): Deployment | undefined {
    const row = this.ctx
      .statement("SELECT * FROM deployments WHERE scope_id = ? AND status_in_scope = 'active' ORDER BY id DESC LIMIT 1")
      .get(scopeId) as DeploymentRow | undefined;
    return row === undefined ? undefined : this.toEntity(row);
  }

  insert(input: NewDeployment): Deployment {
    return this.ctx.write(() => {
      const scope = this.ctx
        .statement('SELECT application_id, active_deployment, capabilities, nrn FROM scopes WHERE id = ?')
        .get(input.scope_id) as
        { application_id: number; active_deployment: number | null; capabilities: string; nrn: string } | undefined;
      if (scope === undefined) throw new StoreNotFoundError('scope', input.scope_id);
      const now = input.created_at ?? this.ctx.nowIso();
      const strategy: DeploymentStrategy =
        input.strategy ?? (scope.active_deployment === null ? 'initial' : 'blue_green');
      const status: DeploymentStatus = input.status ?? 'creating';
      const fixedInstances = parseObject(scope.capabilities)['fixed_instances'];
      const strategyData: StrategyDataPatch = {
        desired_switched_traffic: strategy === 'initial' ? 100 : 0,
        switched_traffic: 0,
        amount_instances_to_wait: typeof fixedInstances === 'number' ? fixedInstances : DEFAULT_INSTANCE_COUNT,
        launched_instances: 0,
        healthy_instances: 0,
        ...input.strategy_data,
      };
      const expiryMs = input.expiry_ms ?? this.ctx.deploymentExpiryMs;
      const expiresAt =
        input.expires_at !== undefined
          ? input.expires_at
          : strategy === 'blue_green'
            ? new Date(Date.parse(now) + expiryMs).toISOString()
            : null;
      return this.insertEntity(
        {
          scope_id: input.scope_id,
          release_id: input.release_id,
          application_id: scope.application_id,
          status,
          status_in_scope: input.status_in_scope ?? 'candidate',
          strategy,
          strategy_data: toJson(strategyData),
          status_started_at: toJson({ [status]: now }),
          parameters: toJson(input.parameters ?? []),
          asset_name: input.asset_name ?? null,
          description: input.description ?? null,
          metadata: toJson(input.metadata ?? {}),
          deployment_token: randomUUID(),
          deployment_group_id: null,
          created_by: input.created_by ?? this.ctx.actorId() ?? null,
          updated_by: input.created_by ?? this.ctx.actorId() ?? null,
          created_at: now,
          updated_at: now,
          expires_at: expiresAt,
        },
        { nrn: (id) => `${scope.nrn}:deployment=${id}` },
      );
    });
  }

  /**
   * Applies the patch: `strategy_data` is merged, a new status stamps `status_started_at`. A patch that changes
   * nothing writes nothing and emits no change, so a reconciler may repeat itself freely.
   */
  update(id: number, patch: DeploymentPatch): Deployment {
    return this.updateEntity(id, (current, now) => {
      const at = now();
      const statusChanges = patch.status !== undefined && patch.status !== current.status;
      return {
        status: patch.status,
        status_in_scope: patch.status_in_scope,
        strategy_data:
          patch.strategy_data === undefined
            ? undefined
            : toJson({ ...parseObject(current.strategy_data), ...patch.strategy_data }),
        status_started_at:
          statusChanges && patch.status !== undefined
            ? toJson({ ...parseStringMap(current.status_started_at), [patch.status]: at })
            : undefined,
        asset_name: patch.asset_name,
        description: patch.description,
        metadata: toJsonIfGiven(patch.metadata),
        expires_at: patch.expires_at,
        updated_by: patch.updated_by,
      };
    });
  }

  /** Appends a message to the deployment's story (`messages[]` with `include_messages=true`). */
  addMessage(id: number, level: MessageLevel, message: string): DeploymentMessage {
    return this.ctx.write(() => {
      if (this.row(id) === undefined) throw new StoreNotFoundError('deployment', id);
      const timestamp = this.ctx.nowMs();
      this.ctx
        .statement('INSERT INTO deployment_messages (deployment_id, level, message, timestamp) VALUES (?, ?, ?, ?)')
        .run(id, level, message, timestamp);
      this.ctx.record('deployment', 'updated', id);
      return { level, message, timestamp };
    });
  }

  /** The deployment's messages, oldest first. */
  messages(id: number): DeploymentMessage[] {
    return this.ctx
      .statement('SELECT level, message, timestamp FROM deployment_messages WHERE deployment_id = ? ORDER BY id')
      .all(id) as MessageRow[];
  }

  protected toEntity(row: DeploymentRow): Deployment {
    return this.toDeployment(row, false);
  }

  protected filters(query: DeploymentQuery): ListFilters {
    return [
      [query.id, 'id'],
      [query.scope_id, 'scope_id'],
      [query.application_id, 'application_id'],
      [query.release_id, 'release_id'],
      [query.deployment_group_id, 'deployment_group_id'],
      [query.status, 'status'],
      [query.status_in_scope, 'status_in_scope'],
      [query.strategy, 'strategy'],
    ];
  }

  private toDeployment(row: DeploymentRow, includeMessages: boolean): Deployment {
    return {
      id: row.id,
      scope_id: row.scope_id,
      release_id: row.release_id,
      application_id: row.application_id,
      status: row.status,
      status_in_scope: row.status_in_scope,
      strategy: row.strategy,
      strategy_data: toStrategyData(parseObject(row.strategy_data)),
      status_started_at: parseStringMap(row.status_started_at),
      messages: includeMessages ? this.messages(row.id) : [],
      parameters: parseArray(row.parameters),
      asset_name: row.asset_name,
      description: row.description,
      metadata: parseObject(row.metadata),
      deployment_token: row.deployment_token,
      deployment_group_id: row.deployment_group_id,
      created_by: row.created_by,
      updated_by: row.updated_by,
      created_at: row.created_at,
      updated_at: row.updated_at,
      expires_at: row.expires_at,
      nrn: row.nrn,
    };
  }
}

const inFlightPlaceholders = inFlightStatuses.map(() => '?').join(', ');

function toStrategyData(stored: JsonObject): StrategyData {
  const data: StrategyData = {};
  for (const [key, value] of Object.entries(stored)) data[key] = value;
  return data;
}
