import type { Build, BuildListQuery, BuildStatus } from '../../contract/build';
import type { AssetsRepository } from './assets-repository';
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
  REPOSITORY_DEFAULT_LIMIT,
  runList,
  toJson,
  updateRow,
} from './sql';

type BuildRow = {
  id: number;
  application_id: number;
  status: string;
  branch: string | null;
  commit_id: string | null;
  commit_permalink: string | null;
  description: string | null;
  metadata: string;
  created_at: string;
  updated_at: string;
};

export type BuildQuery = Partial<Omit<BuildListQuery, 'sort'>> & ListPaging<NonNullable<BuildListQuery['sort']>['field']>;

export type NewBuild = {
  application_id: number;
  status: BuildStatus;
  branch?: string | null;
  commit?: { id: string; permalink?: string | null | undefined } | null;
  description?: string | null;
  metadata?: JsonObject;
  created_at?: string;
};

export type BuildPatch = { status?: BuildStatus; description?: string | null; metadata?: JsonObject };

export class BuildsRepository {
  constructor(
    private readonly ctx: StoreContext,
    private readonly assets: AssetsRepository,
  ) {}

  /** Newest first unless sorted otherwise; list items carry no `assets` (as in the real API). */
  list(query: BuildQuery = {}): ListResult<Build> {
    const { rows, total } = runList<BuildRow>(this.ctx, this.spec(query));
    return { results: rows.map(toBuild), total };
  }

  explainList(query: BuildQuery = {}) {
    return explainList(this.ctx, this.spec(query));
  }

  get(id: number, options: { withAssets?: boolean } = {}): Build | undefined {
    const row = this.row(id);
    if (row === undefined) return undefined;
    const build = toBuild(row);
    return options.withAssets === true ? { ...build, assets: this.assets.forBuild(id) } : build;
  }

  insert(input: NewBuild): Build {
    return this.ctx.write(() => {
      const now = input.created_at ?? this.ctx.nowIso();
      const id = insertRow(this.ctx, 'builds', {
        application_id: input.application_id,
        status: input.status,
        branch: input.branch ?? null,
        commit_id: input.commit?.id ?? null,
        commit_permalink: input.commit?.permalink ?? null,
        description: input.description ?? null,
        metadata: toJson(input.metadata ?? {}),
        created_at: now,
        updated_at: now,
      });
      this.ctx.record('build', 'created', id);
      return this.mustGet(id);
    });
  }

  /** Writes the patch as given; the HTTP layer decides which status changes are legal. */
  update(id: number, patch: BuildPatch): Build {
    return this.ctx.write(() => {
      const current = this.row(id);
      if (current === undefined) throw new StoreNotFoundError('build', id);
      const changed = changedColumns(current, {
        status: patch.status,
        description: patch.description,
        metadata: patch.metadata === undefined ? undefined : toJson(patch.metadata),
      });
      if (changed === undefined) return toBuild(current);
      updateRow(this.ctx, 'builds', id, { ...changed, updated_at: this.ctx.nowIso() });
      this.ctx.record('build', 'updated', id);
      return this.mustGet(id);
    });
  }

  private mustGet(id: number): Build {
    const build = this.get(id);
    if (build === undefined) throw new StoreNotFoundError('build', id);
    return build;
  }

  private row(id: number): BuildRow | undefined {
    return this.ctx.statement('SELECT * FROM builds WHERE id = ?').get(id) as BuildRow | undefined;
  }

  private spec(query: BuildQuery): ListSpec {
    const sort = query.sort ?? { field: 'created_at', direction: 'desc' };
    return {
      table: 'builds',
      filters: [
        [query.id, 'id'],
        [query.application_id, 'application_id'],
        [query.status, 'status'],
        [query.branch, 'branch'],
        [query['commit.id'], 'commit_id'],
        [query['commit.permalink'], 'commit_permalink'],
        [query.description, 'description'],
      ],
      sortColumn: sort.field,
      direction: sort.direction,
      limit: query.limit ?? REPOSITORY_DEFAULT_LIMIT,
      offset: query.offset ?? 0,
    };
  }
}

function toBuild(row: BuildRow): Build {
  return {
    id: row.id,
    application_id: row.application_id,
    status: row.status,
    branch: row.branch,
    commit: row.commit_id === null ? null : { id: row.commit_id, permalink: row.commit_permalink },
    description: row.description,
    metadata: parseObject(row.metadata),
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
