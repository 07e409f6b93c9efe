import type { Release, ReleaseListQuery } from '../../contract/release';
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

type ReleaseRow = {
  id: number;
  application_id: number;
  build_id: number;
  semver: string;
  status: string;
  metadata: string;
  created_at: string;
  updated_at: string;
};

export type ReleaseQuery = Partial<Omit<ReleaseListQuery, 'sort'>> & ListPaging<NonNullable<ReleaseListQuery['sort']>['field']>;

export type NewRelease = {
  application_id: number;
  build_id: number;
  semver: string;
  status?: string;
  metadata?: JsonObject;
  created_at?: string;
};

export type ReleasePatch = { status?: string; metadata?: JsonObject };

export class ReleasesRepository {
  constructor(private readonly ctx: StoreContext) {}

  list(query: ReleaseQuery = {}): ListResult<Release> {
    const { rows, total } = runList<ReleaseRow>(this.ctx, this.spec(query));
    return { results: rows.map(toRelease), total };
  }

  explainList(query: ReleaseQuery = {}) {
    return explainList(this.ctx, this.spec(query));
  }

  get(id: number): Release | undefined {
    const row = this.row(id);
    return row === undefined ? undefined : toRelease(row);
  }

  findBySemver(applicationId: number, semver: string): Release | undefined {
    const row = this.ctx.statement('SELECT * FROM releases WHERE application_id = ? AND semver = ?').get(applicationId, semver) as
      | ReleaseRow
      | undefined;
    return row === undefined ? undefined : toRelease(row);
  }

  insert(input: NewRelease): Release {
    return this.ctx.write(() => {
      const now = input.created_at ?? this.ctx.nowIso();
      const id = insertRow(this.ctx, 'releases', {
        application_id: input.application_id,
        build_id: input.build_id,
        semver: input.semver,
        semver_key: semverSortKey(input.semver),
        status: input.status ?? 'active',
        metadata: toJson(input.metadata ?? {}),
        created_at: now,
        updated_at: now,
      });
      this.ctx.record('release', 'created', id);
      return this.mustGet(id);
    });
  }

  update(id: number, patch: ReleasePatch): Release {
    return this.ctx.write(() => {
      const current = this.row(id);
      if (current === undefined) throw new StoreNotFoundError('release', id);
      const changed = changedColumns(current, {
        status: patch.status,
        metadata: patch.metadata === undefined ? undefined : toJson(patch.metadata),
      });
      if (changed === undefined) return toRelease(current);
      updateRow(this.ctx, 'releases', id, { ...changed, updated_at: this.ctx.nowIso() });
      this.ctx.record('release', 'updated', id);
      return this.mustGet(id);
    });
  }

  private mustGet(id: number): Release {
    const release = this.get(id);
    if (release === undefined) throw new StoreNotFoundError('release', id);
    return release;
  }

  private row(id: number): ReleaseRow | undefined {
    return this.ctx.statement('SELECT * FROM releases WHERE id = ?').get(id) as ReleaseRow | undefined;
  }

  private spec(query: ReleaseQuery): ListSpec {
    const sort = query.sort ?? { field: 'id', direction: 'asc' };
    return {
      table: 'releases',
      filters: [
        [query.id, 'id'],
        [query.application_id, 'application_id'],
        [query.build_id, 'build_id'],
        [query.status, 'status'],
        [query.semver, 'semver'],
      ],
      sortColumn: sort.field === 'semver' ? 'semver_key' : sort.field,
      direction: sort.direction,
      limit: query.limit ?? REPOSITORY_DEFAULT_LIMIT,
      offset: query.offset ?? 0,
    };
  }
}

function toRelease(row: ReleaseRow): Release {
  return {
    id: row.id,
    application_id: row.application_id,
    build_id: row.build_id,
    semver: row.semver,
    status: row.status,
    metadata: parseObject(row.metadata),
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/**
 * A string that sorts like semver precedence: numeric parts zero-padded, and a release after its pre-releases
 * (`~` sorts after `-`). Pre-release identifiers compare as text, which is close enough for listing.
 */
export function semverSortKey(semver: string): string {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:-([^+]*))?/.exec(semver);
  if (match === null) return `~${semver}`;
  const pad = (part: string | undefined) => (part ?? '0').padStart(10, '0');
  const core = `${pad(match[1])}.${pad(match[2])}.${pad(match[3])}`;
  return match[4] === undefined ? `${core}~` : `${core}-${match[4]}`;
}
