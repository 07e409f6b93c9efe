import type { Application, ApplicationListQuery, ApplicationStatus } from '../../contract/application';
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
  parseArray,
  parseObject,
  REPOSITORY_DEFAULT_LIMIT,
  runList,
  slugify,
  toJson,
  updateRow,
} from './sql';

/** The local platform has one organization and one account (reference §1.6). */
export const ORGANIZATION_ID = 1;
export const ACCOUNT_ID = 1;

type ApplicationRow = {
  id: number;
  name: string;
  slug: string;
  status: string;
  namespace_id: number;
  repository_url: string | null;
  repository_app_path: string | null;
  is_mono_repo: number;
  template_id: number | null;
  tags: string;
  metadata: string;
  nrn: string;
  created_at: string;
  updated_at: string;
};

export type ApplicationQuery = Partial<Omit<ApplicationListQuery, 'sort'>> & ListPaging<NonNullable<ApplicationListQuery['sort']>['field']>;

export type NewApplication = {
  name: string;
  namespace_id: number;
  status?: ApplicationStatus;
  repository_url?: string | null;
  repository_app_path?: string | null;
  is_mono_repo?: boolean;
  template_id?: number | null;
  tags?: unknown[];
  metadata?: JsonObject;
  /** For seeding history; defaults to now. */
  created_at?: string;
};

export type ApplicationPatch = {
  name?: string;
  status?: string;
  repository_url?: string | null;
  repository_app_path?: string | null;
  /** Replaces the whole metadata object. */
  metadata?: JsonObject;
};

export class ApplicationsRepository {
  constructor(private readonly ctx: StoreContext) {}

  list(query: ApplicationQuery = {}): ListResult<Application> {
    const { rows, total } = runList<ApplicationRow>(this.ctx, this.spec(query));
    return { results: rows.map(toApplication), total };
  }

  explainList(query: ApplicationQuery = {}) {
    return explainList(this.ctx, this.spec(query));
  }

  get(id: number): Application | undefined {
    const row = this.row(id);
    return row === undefined ? undefined : toApplication(row);
  }

  insert(input: NewApplication): Application {
    return this.ctx.write(() => {
      const now = input.created_at ?? this.ctx.nowIso();
      const id = insertRow(this.ctx, 'applications', {
        name: input.name,
        slug: slugify(input.name),
        status: input.status ?? 'active',
        namespace_id: input.namespace_id,
        repository_url: input.repository_url ?? null,
        repository_app_path: input.repository_app_path ?? null,
        is_mono_repo: input.is_mono_repo === true ? 1 : 0,
        template_id: input.template_id ?? null,
        tags: toJson(input.tags ?? []),
        metadata: toJson(input.metadata ?? {}),
        created_at: now,
        updated_at: now,
      });
      const nrn = `organization=${ORGANIZATION_ID}:account=${ACCOUNT_ID}:namespace=${input.namespace_id}:application=${id}`;
      this.ctx.statement('UPDATE applications SET nrn = ? WHERE id = ?').run(nrn, id);
      this.ctx.record('application', 'created', id);
      return this.mustGet(id);
    });
  }

  /** Applies the patch; a patch that changes nothing writes nothing and emits no change. */
  update(id: number, patch: ApplicationPatch): Application {
    return this.ctx.write(() => {
      const current = this.row(id);
      if (current === undefined) throw new StoreNotFoundError('application', id);
      const changed = changedColumns(current, {
        name: patch.name,
        slug: patch.name === undefined ? undefined : slugify(patch.name),
        status: patch.status,
        repository_url: patch.repository_url,
        repository_app_path: patch.repository_app_path,
        metadata: patch.metadata === undefined ? undefined : toJson(patch.metadata),
      });
      if (changed === undefined) return toApplication(current);
      updateRow(this.ctx, 'applications', id, { ...changed, updated_at: this.ctx.nowIso() });
      this.ctx.record('application', 'updated', id);
      return this.mustGet(id);
    });
  }

  private mustGet(id: number): Application {
    const application = this.get(id);
    if (application === undefined) throw new StoreNotFoundError('application', id);
    return application;
  }

  private row(id: number): ApplicationRow | undefined {
    return this.ctx.statement('SELECT * FROM applications WHERE id = ?').get(id) as ApplicationRow | undefined;
  }

  private spec(query: ApplicationQuery): ListSpec {
    const sort = query.sort ?? { field: 'id', direction: 'asc' };
    return {
      table: 'applications',
      filters: [
        [query.id, 'id'],
        [query.namespace_id, 'namespace_id'],
        [query.status, 'status'],
        [query.name, 'name'],
      ],
      sortColumn: sort.field,
      direction: sort.direction,
      limit: query.limit ?? REPOSITORY_DEFAULT_LIMIT,
      offset: query.offset ?? 0,
    };
  }
}

function toApplication(row: ApplicationRow): Application {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    status: row.status,
    namespace_id: row.namespace_id,
    repository_url: row.repository_url,
    repository_app_path: row.repository_app_path,
    is_mono_repo: row.is_mono_repo === 1,
    template_id: row.template_id,
    tags: parseArray(row.tags),
    metadata: parseObject(row.metadata),
    nrn: row.nrn,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
