import type { Build, BuildListQuery, BuildStatus } from '@contract/build';
import type { AssetsRepository } from './assets-repository';
import type { StoreContext } from './context';
import { type ListFilters, Repository, type RepositoryQuery } from './repository';
import { type JsonObject, parseObject, toJson, toJsonIfGiven } from './sql';

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

export type BuildQuery = RepositoryQuery<BuildListQuery>;

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

/** List items carry no `assets` (as in the real API); `get` adds them on request. */
export class BuildsRepository extends Repository<BuildRow, Build, BuildListQuery> {
  protected readonly table = 'builds';
  protected readonly resource = 'build';
  /** Newest first unless sorted otherwise. */
  protected readonly defaultSort = { field: 'created_at', direction: 'desc' } as const;

  constructor(
    ctx: StoreContext,
    private readonly assets: AssetsRepository,
  ) {
    super(ctx);
  }

  override get(id: number, options: { withAssets?: boolean } = {}): Build | undefined {
    const build = super.get(id);
    if (build === undefined) return undefined;
    return options.withAssets === true ? { ...build, assets: this.assets.forBuild(id) } : build;
  }

  insert(input: NewBuild): Build {
    return this.ctx.write(() => {
      const now = input.created_at ?? this.ctx.nowIso();
      return this.insertEntity({
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
    });
  }

  /** Writes the patch as given; the HTTP layer decides which status changes are legal. */
  update(id: number, patch: BuildPatch): Build {
    return this.updateEntity(id, () => ({
      status: patch.status,
      description: patch.description,
      metadata: toJsonIfGiven(patch.metadata),
    }));
  }

  protected toEntity(row: BuildRow): Build {
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

  protected filters(query: BuildQuery): ListFilters {
    return [
      [query.id, 'id'],
      [query.application_id, 'application_id'],
      [query.status, 'status'],
      [query.branch, 'branch'],
      [query['commit.id'], 'commit_id'],
      [query['commit.permalink'], 'commit_permalink'],
      [query.description, 'description'],
    ];
  }
}
