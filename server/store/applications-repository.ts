import type { Application, ApplicationListQuery, ApplicationStatus } from '@contract/application';
import { type ListFilters, Repository, type RepositoryQuery } from './repository';
import { type JsonObject, parseObject, parseStringMap, slugify, toJson, toJsonIfGiven } from './sql';

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

export type ApplicationQuery = RepositoryQuery<ApplicationListQuery>;

export type NewApplication = {
  name: string;
  namespace_id: number;
  status?: ApplicationStatus;
  repository_url?: string | null;
  repository_app_path?: string | null;
  is_mono_repo?: boolean;
  template_id?: number | null;
  /** An object of string values, as nullplatform's application tags (contract/application.ts). */
  tags?: Record<string, string>;
  metadata?: JsonObject;
  /** For seeding history; defaults to now. */
  created_at?: string;
};

export type ApplicationPatch = {
  name?: string;
  status?: string;
  repository_url?: string | null;
  repository_app_path?: string | null;
  /** Replaces the whole tags object. */
  tags?: Record<string, string>;
  /** Replaces the whole metadata object. */
  metadata?: JsonObject;
};

export class ApplicationsRepository extends Repository<ApplicationRow, Application, ApplicationListQuery> {
  protected readonly table = 'applications';
  protected readonly resource = 'application';
  protected readonly defaultSort = { field: 'id', direction: 'asc' } as const;

  insert(input: NewApplication): Application {
    return this.ctx.write(() => {
      const now = input.created_at ?? this.ctx.nowIso();
      return this.insertEntity(
        {
          name: input.name,
          slug: slugify(input.name),
          status: input.status ?? 'active',
          namespace_id: input.namespace_id,
          repository_url: input.repository_url ?? null,
          repository_app_path: input.repository_app_path ?? null,
          is_mono_repo: input.is_mono_repo === true ? 1 : 0,
          template_id: input.template_id ?? null,
          tags: toJson(input.tags ?? {}),
          metadata: toJson(input.metadata ?? {}),
          created_at: now,
          updated_at: now,
        },
        {
          nrn: (id) =>
            `organization=${ORGANIZATION_ID}:account=${ACCOUNT_ID}:namespace=${input.namespace_id}:application=${id}`,
        },
      );
    });
  }

  /** Applies the patch; a patch that changes nothing writes nothing and emits no change. */
  update(id: number, patch: ApplicationPatch): Application {
    return this.updateEntity(id, () => ({
      name: patch.name,
      slug: patch.name === undefined ? undefined : slugify(patch.name),
      status: patch.status,
      repository_url: patch.repository_url,
      repository_app_path: patch.repository_app_path,
      tags: toJsonIfGiven(patch.tags),
      metadata: toJsonIfGiven(patch.metadata),
    }));
  }

  /**
   * The application in nullplatform's shape (nullplatform/scopes-static-files
   * static-files/deployment/tests/resources/context.json; nullplatform/terraform-provider-nullplatform
   * nullplatform/application.go): `tags` an object; `settings`, `messages` and `auto_deploy_on_creation` are fields
   * of the real object that the local platform has nothing to put in.
   */
  protected toEntity(row: ApplicationRow): Application {
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
      tags: parseStringMap(row.tags),
      settings: {},
      messages: [],
      auto_deploy_on_creation: false,
      metadata: parseObject(row.metadata),
      nrn: row.nrn,
      created_at: row.created_at,
      updated_at: row.updated_at,
    };
  }

  protected filters(query: ApplicationQuery): ListFilters {
    return [
      [query.id, 'id'],
      [query.namespace_id, 'namespace_id'],
      [query.status, 'status'],
      [query.name, 'name'],
    ];
  }
}
