import type { Scope, ScopeListQuery } from '@contract/scope';
import { StoreNotFoundError } from './errors';
import { type ListFilters, Repository, type RepositoryQuery } from './repository';
import { type JsonObject, parseObject, parseStringMap, slugify, toJson, toJsonIfGiven } from './sql';

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

export type ScopeQuery = RepositoryQuery<ScopeListQuery>;

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

/** Unlike the real API, lists carry active/in-progress deployments too (a superset of the real list items). */
export class ScopesRepository extends Repository<ScopeRow, Scope, ScopeListQuery> {
  protected readonly table = 'scopes';
  protected readonly resource = 'scope';
  /** Oldest first unless sorted otherwise. */
  protected readonly defaultSort = { field: 'id', direction: 'asc' } as const;

  /** Every scope, deleted ones included, oldest first (for the engine's start-up reconciliation). */
  all(): Scope[] {
    return (this.ctx.statement('SELECT * FROM scopes ORDER BY id').all() as ScopeRow[]).map((row) =>
      this.toEntity(row),
    );
  }

  /** The scope of that name in the application, ignoring deleted scopes (which free their names). */
  findByName(applicationId: number, name: string): Scope | undefined {
    const row = this.ctx
      .statement("SELECT * FROM scopes WHERE application_id = ? AND name = ? AND status <> 'deleted'")
      .get(applicationId, name) as ScopeRow | undefined;
    return row === undefined ? undefined : this.toEntity(row);
  }

  insert(input: NewScope): Scope {
    return this.ctx.write(() => {
      const application = this.ctx.statement('SELECT nrn FROM applications WHERE id = ?').get(input.application_id) as
        { nrn: string } | undefined;
      if (application === undefined) throw new StoreNotFoundError('application', input.application_id);
      const now = input.created_at ?? this.ctx.nowIso();
      return this.insertEntity(
        {
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
        },
        { nrn: (id) => `${application.nrn}:scope=${id}` },
      );
    });
  }

  /** Applies the patch; a patch that changes nothing writes nothing and emits no change. */
  update(id: number, patch: ScopePatch): Scope {
    return this.updateEntity(id, () => ({
      name: patch.name,
      slug: patch.name === undefined ? undefined : slugify(patch.name),
      status: patch.status,
      dimensions: toJsonIfGiven(patch.dimensions),
      capabilities: toJsonIfGiven(patch.capabilities),
      asset_name: patch.asset_name,
      tier: patch.tier,
      domain: patch.domain,
      active_deployment: patch.active_deployment,
      in_progress_deployment: patch.in_progress_deployment,
      metadata: toJsonIfGiven(patch.metadata),
    }));
  }

  /**
   * The scope in nullplatform's shape. `current_active_deployment` is the name nullplatform's scope agents read
   * (nullplatform/scopes k8s/deployment/build_context), the same value as `active_deployment`. `domains`, `profiles`,
   * `tags` (a list, unlike an application's), `requested_spec`, `runtime_configurations`, `external_created`,
   * `messages`, `instance_id` and `provider` are fields of the real object
   * (nullplatform/scopes-static-files static-files/deployment/tests/resources/context.json) that the local platform
   * has nothing else to put in.
   */
  protected toEntity(row: ScopeRow): Scope {
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
      current_active_deployment: row.active_deployment,
      in_progress_deployment: row.in_progress_deployment,
      // The scope's one address, as nullplatform lists a scope's domains (`domains[].name`, read by nullplatform/scopes' templates).
      domains: row.domain === null || row.domain === '' ? [] : [{ name: row.domain }],
      profiles: [],
      tags: [],
      requested_spec: {},
      runtime_configurations: [],
      external_created: false,
      messages: [],
      instance_id: null,
      provider: null,
      metadata: parseObject(row.metadata),
      nrn: row.nrn,
      created_at: row.created_at,
      updated_at: row.updated_at,
    };
  }

  protected filters(query: ScopeQuery): ListFilters {
    return [
      [query.id, 'id'],
      [query.application_id, 'application_id'],
      [query.status, 'status'],
      [query.type, 'type'],
      [query.name, 'name'],
    ];
  }
}
