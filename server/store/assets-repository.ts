import type { Asset, AssetListQuery } from '../../contract/asset';
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

export type AssetQuery = Partial<Omit<AssetListQuery, 'sort'>> & ListPaging<NonNullable<AssetListQuery['sort']>['field']>;

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

export class AssetsRepository {
  constructor(private readonly ctx: StoreContext) {}

  list(query: AssetQuery = {}): ListResult<Asset> {
    const { rows, total } = runList<AssetRow>(this.ctx, this.spec(query));
    return { results: rows.map(toAsset), total };
  }

  explainList(query: AssetQuery = {}) {
    return explainList(this.ctx, this.spec(query));
  }

  get(id: number): Asset | undefined {
    const row = this.row(id);
    return row === undefined ? undefined : toAsset(row);
  }

  /** Every asset of a build, oldest first. */
  forBuild(buildId: number): Asset[] {
    return (this.ctx.statement('SELECT * FROM assets WHERE build_id = ? ORDER BY id').all(buildId) as AssetRow[]).map(toAsset);
  }

  findByName(buildId: number, name: string): Asset | undefined {
    const row = this.ctx.statement('SELECT * FROM assets WHERE build_id = ? AND name = ?').get(buildId, name) as AssetRow | undefined;
    return row === undefined ? undefined : toAsset(row);
  }

  /** Inserts the asset; the build changes too (GET /build/:id lists its assets), so both are announced. */
  insert(input: NewAsset): Asset {
    return this.ctx.write(() => {
      const now = input.created_at ?? this.ctx.nowIso();
      const id = insertRow(this.ctx, 'assets', {
        build_id: input.build_id,
        name: input.name,
        type: input.type,
        url: input.url,
        platform: input.platform ?? null,
        metadata: toJson(input.metadata ?? {}),
        created_at: now,
        updated_at: now,
      });
      this.ctx.record('asset', 'created', id);
      this.ctx.record('build', 'updated', input.build_id);
      return this.mustGet(id);
    });
  }

  update(id: number, patch: AssetPatch): Asset {
    return this.ctx.write(() => {
      const current = this.row(id);
      if (current === undefined) throw new StoreNotFoundError('asset', id);
      const changed = changedColumns(current, {
        url: patch.url,
        platform: patch.platform,
        metadata: patch.metadata === undefined ? undefined : toJson(patch.metadata),
      });
      if (changed === undefined) return toAsset(current);
      updateRow(this.ctx, 'assets', id, { ...changed, updated_at: this.ctx.nowIso() });
      this.ctx.record('asset', 'updated', id);
      this.ctx.record('build', 'updated', current.build_id);
      return this.mustGet(id);
    });
  }

  private mustGet(id: number): Asset {
    const asset = this.get(id);
    if (asset === undefined) throw new StoreNotFoundError('asset', id);
    return asset;
  }

  private row(id: number): AssetRow | undefined {
    return this.ctx.statement('SELECT * FROM assets WHERE id = ?').get(id) as AssetRow | undefined;
  }

  private spec(query: AssetQuery): ListSpec {
    const sort = query.sort ?? { field: 'id', direction: 'asc' };
    return {
      table: 'assets',
      filters: [
        [query.id, 'id'],
        [query.build_id, 'build_id'],
        [query.name, 'name'],
      ],
      sortColumn: sort.field,
      direction: sort.direction,
      limit: query.limit ?? REPOSITORY_DEFAULT_LIMIT,
      offset: query.offset ?? 0,
    };
  }
}

function toAsset(row: AssetRow): Asset {
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
