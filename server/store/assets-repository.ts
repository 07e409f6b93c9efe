import type { Asset, AssetListQuery } from '@contract/asset';
import { type ListFilters, Repository, type RepositoryQuery } from './repository';
import { type JsonObject, parseObject, toJson, toJsonIfGiven } from './sql';

type AssetRow = {
  id: number;
  build_id: number;
  name: string;
  type: string;
  url: string;
  platform: string | null;
  metadata: string;
  created_at: string;
  updated_at: string;
};

export type AssetQuery = RepositoryQuery<AssetListQuery>;

export type NewAsset = {
  build_id: number;
  name: string;
  type: string;
  url: string;
  platform?: string | null;
  metadata?: JsonObject;
  created_at?: string;
};

export type AssetPatch = { url?: string; platform?: string | null; metadata?: JsonObject };

/** An asset shows inside its build (GET /build/:id lists its assets), so a change to one is a change to both. */
export class AssetsRepository extends Repository<AssetRow, Asset, AssetListQuery> {
  protected readonly table = 'assets';
  protected readonly resource = 'asset';
  protected readonly defaultSort = { field: 'id', direction: 'asc' } as const;

  /** Every asset of a build, oldest first. */
  forBuild(buildId: number): Asset[] {
    return (this.ctx.statement('SELECT * FROM assets WHERE build_id = ? ORDER BY id').all(buildId) as AssetRow[]).map(
      (row) => this.toEntity(row),
    );
  }

  findByName(buildId: number, name: string): Asset | undefined {
    const row = this.ctx.statement('SELECT * FROM assets WHERE build_id = ? AND name = ?').get(buildId, name) as
      AssetRow | undefined;
    return row === undefined ? undefined : this.toEntity(row);
  }

  /** Inserts the asset; the build changes too, so both are announced. */
  insert(input: NewAsset): Asset {
    return this.ctx.write(() => {
      const now = input.created_at ?? this.ctx.nowIso();
      return this.insertEntity(
        {
          build_id: input.build_id,
          name: input.name,
          type: input.type,
          url: input.url,
          platform: input.platform ?? null,
          metadata: toJson(input.metadata ?? {}),
          created_at: now,
          updated_at: now,
        },
        { also: () => this.ctx.record('build', 'updated', input.build_id) },
      );
    });
  }

  update(id: number, patch: AssetPatch): Asset {
    return this.updateEntity(
      id,
      () => ({ url: patch.url, platform: patch.platform, metadata: toJsonIfGiven(patch.metadata) }),
      (current) => this.ctx.record('build', 'updated', current.build_id),
    );
  }

  protected toEntity(row: AssetRow): Asset {
    return {
      id: row.id,
      build_id: row.build_id,
      name: row.name,
      type: row.type,
      url: row.url,
      platform: row.platform,
      metadata: parseObject(row.metadata),
      created_at: row.created_at,
      updated_at: row.updated_at,
    };
  }

  protected filters(query: AssetQuery): ListFilters {
    return [
      [query.id, 'id'],
      [query.build_id, 'build_id'],
      [query.name, 'name'],
    ];
  }
}
