/**
 * Deployment strategies (migration 6). A small table read whole: no list memo, and no change feed entry (the SPA's
 * live updates know the API's deployment entities only; strategies change rarely and are read when a dialog opens).
 */
import type { CreateDeploymentStrategyBody, DeploymentStrategyEntity } from '@contract/deployment-strategy';
import { ACCOUNT_ID, ORGANIZATION_ID } from './applications-repository';
import type { StoreContext } from './context';
import { parseArray, parseObject, toJson } from './sql';

type StrategyRow = {
  id: number;
  name: string;
  description: string | null;
  nrn: string;
  dimensions: string;
  parameters: string;
  scope_type_ids: string;
  created_by: number | null;
  updated_by: number | null;
  created_at: string;
  updated_at: string;
};

export type StrategyFilter = { id?: number[] | undefined; nrn?: string | undefined; limit: number; offset: number };

export class DeploymentStrategiesRepository {
  constructor(private readonly ctx: StoreContext) {}

  insert(body: CreateDeploymentStrategyBody): DeploymentStrategyEntity {
    return this.ctx.write(() => {
      const now = this.ctx.nowIso();
      // The writer's number, as nullplatform fills created_by/updated_by (contract/activity.ts); null outside a request.
      const actorId = this.ctx.actorId() ?? null;
      const info = this.ctx
        .statement(
          'INSERT INTO deployment_strategies (name, description, nrn, dimensions, parameters, scope_type_ids, created_by, updated_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          body.name,
          body.description ?? null,
          body.nrn ?? `organization=${ORGANIZATION_ID}:account=${ACCOUNT_ID}`,
          toJson(body.dimensions ?? {}),
          toJson(body.parameters),
          toJson(body.scope_type_ids ?? []),
          actorId,
          actorId,
          now,
          now,
        );
      const created = this.get(Number(info.lastInsertRowid));
      if (created === undefined) throw new Error('the deployment strategy just inserted cannot be read back');
      this.ctx.audit({
        kind: 'deployment_strategy',
        id: created.id,
        change: 'created',
        before: undefined,
        after: created,
      });
      return created;
    });
  }

  get(id: number): DeploymentStrategyEntity | undefined {
    const row = this.ctx.statement('SELECT * FROM deployment_strategies WHERE id = ?').get(id) as
      StrategyRow | undefined;
    return row === undefined ? undefined : toStrategy(row);
  }

  /**
   * Oldest first. `nrn` answers the strategies that apply there: defined at that NRN or at one that contains it
   * (a strategy of the account applies to its applications and scopes).
   */
  list(filter: StrategyFilter): { results: DeploymentStrategyEntity[]; total: number } {
    const rows = (this.ctx.statement('SELECT * FROM deployment_strategies ORDER BY id').all() as StrategyRow[])
      .filter((row) => filter.id === undefined || filter.id.includes(row.id))
      .filter((row) => filter.nrn === undefined || filter.nrn === row.nrn || filter.nrn.startsWith(`${row.nrn}:`));
    return { results: rows.slice(filter.offset, filter.offset + filter.limit).map(toStrategy), total: rows.length };
  }
}

function toStrategy(row: StrategyRow): DeploymentStrategyEntity {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    nrn: row.nrn,
    dimensions: parseObject(row.dimensions),
    parameters: parseObject(row.parameters),
    scope_type_ids: parseArray(row.scope_type_ids).filter((value): value is number => typeof value === 'number'),
    created_by: row.created_by,
    updated_by: row.updated_by,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
