import { normalizeSemver, type Release, type ReleaseListQuery } from '@contract/release';
import { type ListFilters, Repository, type RepositoryQuery, type SortField } from './repository';
import { type JsonObject, parseObject, toJson, toJsonIfGiven } from './sql';

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

export type ReleaseQuery = RepositoryQuery<ReleaseListQuery>;

export type NewRelease = {
  application_id: number;
  build_id: number;
  semver: string;
  status?: string;
  metadata?: JsonObject;
  created_at?: string;
};

export type ReleasePatch = { status?: string; metadata?: JsonObject };

export class ReleasesRepository extends Repository<ReleaseRow, Release, ReleaseListQuery> {
  protected readonly table = 'releases';
  protected readonly resource = 'release';
  protected readonly defaultSort = { field: 'id', direction: 'asc' } as const;

  /** The application's release of that version, written with or without a leading `v` (`v1.2.0` is `1.2.0`). */
  findBySemver(applicationId: number, semver: string): Release | undefined {
    const plain = normalizeSemver(semver);
    const row = this.ctx
      .statement('SELECT * FROM releases WHERE application_id = ? AND semver IN (?, ?) ORDER BY id LIMIT 1')
      .get(applicationId, plain, `v${plain}`) as ReleaseRow | undefined;
    return row === undefined ? undefined : this.toEntity(row);
  }

  insert(input: NewRelease): Release {
    return this.ctx.write(() => {
      const now = input.created_at ?? this.ctx.nowIso();
      return this.insertEntity({
        application_id: input.application_id,
        build_id: input.build_id,
        semver: input.semver,
        semver_key: semverSortKey(input.semver),
        status: input.status ?? 'active',
        metadata: toJson(input.metadata ?? {}),
        created_at: now,
        updated_at: now,
      });
    });
  }

  update(id: number, patch: ReleasePatch): Release {
    return this.updateEntity(id, () => ({ status: patch.status, metadata: toJsonIfGiven(patch.metadata) }));
  }

  protected toEntity(row: ReleaseRow): Release {
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

  protected filters(query: ReleaseQuery): ListFilters {
    return [
      [query.id, 'id'],
      [query.application_id, 'application_id'],
      [query.build_id, 'build_id'],
      [query.status, 'status'],
      [query.semver, 'semver'],
    ];
  }

  /** Semver sorts by precedence, through its sort key. */
  protected override sortColumn(field: SortField<ReleaseListQuery>): string {
    return field === 'semver' ? 'semver_key' : field;
  }
}

/**
 * A string that sorts like semver precedence: numeric parts zero-padded, and a release after its pre-releases
 * (`~` sorts after `-`). Pre-release identifiers compare as text, which is close enough for listing. A leading `v`
 * does not count (nullplatform sends `v1.0.0`, reference §8b), so `v1.10.0` sorts after `1.9.0`; keys stored before
 * `v` was accepted are unchanged by this.
 */
export function semverSortKey(semver: string): string {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:-([^+]*))?/.exec(normalizeSemver(semver));
  if (match === null) return `~${semver}`;
  const pad = (part: string | undefined) => (part ?? '0').padStart(10, '0');
  const core = `${pad(match[1])}.${pad(match[2])}.${pad(match[3])}`;
  return match[4] === undefined ? `${core}~` : `${core}-${match[4]}`;
}
