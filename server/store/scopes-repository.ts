import type { Scope, ScopeListQuery } from '../../contract/scope';
import type { StoreContext } from './context';
import { StoreNotFoundError } from './errors';
import {
  changedColumns,
  explainList,
  insertRow,
  type JsonObject,
  type ListPaging,
  type ListResult,
  type ListSpec,
  parseObject,
  parseStringMap,
  REPOSITORY_DEFAULT_LIMIT,
  runList,
  slugify,
  toJson,
  updateRow,
} from './sql';

type ScopeRow = {
  id: number;
  application_id: number;
  name: string;
  slug: string;
  type: string;
  status: string;
  dimensions: string;
  domain: string | null;
  asset_name: string | null;
  capabilities: string;
  tier: string | null;
  active_deployment: number | null;
  in_progress_deployment: number | null;
  metadata: string;
  nrn: string;
  created_at: string;
  updated_at: string;
};

export type ScopeQuery = Partial<Omit<ScopeListQuery, 'sort'>> & ListPaging<NonNullable<ScopeListQuery['sort']>['field']>;

export type NewScope = {
  application_id: number;
  name: string;
  type: string;
  status?: string;
  dimensions?: Record<string, string>;
  capabilities?: JsonObject;
  asset_name?: string | null;
  tier?: string | null;
  domain?: string | null;
  metadata?: JsonObject;
  created_at?: string;
};

/** Objects (dimensions, capabilities, metadata) are replaced whole; callers merge first if they mean to. */
export type ScopePatch = {
  name?: string;
  status?: string;
  dimensions?: Record<string, string>;
  capabilities?: JsonObject;
  asset_name?: string | null;
  tier?: string | null;
  domain?: string | null;
  active_deployment?: number | null;
  in_progress_deployment?: number | null;
  metadata?: JsonObject;
};

export class ScopesRepository {
  constructor(private readonly ctx: StoreContext) {}

  /** Oldest first unless sorted otherwise. Unlike the real API, lists carry active/in-progress deployments too. */
  list(query: ScopeQuery = {}): ListResult<Scope> {
    const { rows, total } = runList<ScopeRow>(this.ctx, this.spec(query));
    return { results: rows.map(toScope), total };
  }

  explainList(query: ScopeQuery = {}) {
    return explainList(this.ctx, this.spec(query));
  }

  /** Every scope, deleted ones included, oldest first (for the engine's start-up reconciliation). */
  all(): Scope[] {
    return (this.ctx.statement('SELECT * FROM scopes ORDER BY id').all() as ScopeRow[]).map(toScope);
  }

  get(id: number): Scope | undefined {
    const row = this.row(id);
    return row === undefined ? undefined : toScope(row);
  }

  /** The scope of that name in the application, ignoring deleted scopes (which free their names). */
  findByName(applicationId: number, name: string): Scope | undefined {
    const row = this.ctx
      .statement("SELECT * FROM scopes WHERE application_id = ? AND name = ? AND status <> 'deleted'")
      .get(applicationId, name) as ScopeRow | undefined;
    return row === undefined ? undefined : toScope(row);
  }

  insert(input: NewScope): Scope {
    return this.ctx.write(() => {
      const application = this.ctx.statement('SELECT nrn FROM applications WHERE id = ?').get(input.application_id) as
        | { nrn: string }
        | undefined;
      if (application === undefined) throw new StoreNotFoundError('application', input.application_id);
      const now = input.created_at ?? this.ctx.nowIso();
      const id = insertRow(this.ctx, 'scopes', {
        application_id: input.application_id,
        name: input.name,
        slug: slugify(input.name),
        type: input.type,
        status: input.status ?? 'active',
        dimensions: toJson(input.dimensions ?? {}),
        domain: input.domain ?? null,
        asset_name: input.asset_name ?? null,
        capabilities: toJson(input.capabilities ?? {}),
        tier: input.tier ?? null,
        metadata: toJson(input.metadata ?? {}),
        created_at: now,
        updated_at: now,
      });
      this.ctx.statement('UPDATE scopes SET nrn = ? WHERE id = ?').run(`${application.nrn}:scope=${id}`, id);
      this.ctx.record('scope', 'created', id);
      return this.mustGet(id);
    });
  }

  /** Applies the patch; a patch that changes nothing writes nothing and emits no change. */
  update(id: number, patch: ScopePatch): Scope {
    return this.ctx.write(() => {
      const current = this.row(id);
      if (current === undefined) throw new StoreNotFoundError('scope', id);
      const changed = changedColumns(current, {
        name: patch.name,
        slug: patch.name === undefined ? undefined : slugify(patch.name),
        status: patch.status,
        dimensions: patch.dimensions === undefined ? undefined : toJson(patch.dimensions),
        capabilities: patch.capabilities === undefined ? undefined : toJson(patch.capabilities),
        asset_name: patch.asset_name,
        tier: patch.tier,
        domain: patch.domain,
        active_deployment: patch.active_deployment,
        in_progress_deployment: patch.in_progress_deployment,
        metadata: patch.metadata === undefined ? undefined : toJson(patch.metadata),
      });
      if (changed === undefined) return toScope(current);
      updateRow(this.ctx, 'scopes', id, { ...changed, updated_at: this.ctx.nowIso() });
      this.ctx.record('scope', 'updated', id);
      return this.mustGet(id);
    });
  }

  private mustGet(id: number): Scope {
    const scope = this.get(id);
    if (scope === undefined) throw new StoreNotFoundError('scope', id);
    return scope;
  }

  private row(id: number): ScopeRow | undefined {
    return this.ctx.statement('SELECT * FROM scopes WHERE id = ?').get(id) as ScopeRow | undefined;
  }

  private spec(query: ScopeQuery): ListSpec {
    const sort = query.sort ?? { field: 'id', direction: 'asc' };
    return {
      table: 'scopes',
      filters: [
        [query.id, 'id'],
        [query.application_id, 'application_id'],
        [query.status, 'status'],
        [query.type, 'type'],
        [query.name, 'name'],
      ],
      sortColumn: sort.field,
      direction: sort.direction,
      limit: query.limit ?? REPOSITORY_DEFAULT_LIMIT,
      offset: query.offset ?? 0,
    };
  }
}

function toScope(row: ScopeRow): Scope {
  return {
    id: row.id,
    application_id: row.application_id,
    name: row.name,
    slug: row.slug,
    type: row.type,
    status: row.status,
    dimensions: parseStringMap(row.dimensions),
    domain: row.domain,
    asset_name: row.asset_name,
    capabilities: parseObject(row.capabilities),
    tier: row.tier,
    active_deployment: row.active_deployment,
    in_progress_deployment: row.in_progress_deployment,
    metadata: parseObject(row.metadata),
    nrn: row.nrn,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
