/**
 * Account, namespace and application exactly as nullplatform sends them: every field of the real objects, not only
 * those the console reads. Each type names the source it was taken from.
 */
import { type JsonObject, ORGANIZATION_ID } from './json';

/**
 * SOURCE: nullplatform/scopes-static-files static-files/deployment/tests/resources/context.json → `.account`
 * (the whole object the platform hands its scope agents).
 */
export type Account = {
  created_at: string;
  id: number;
  metadata: JsonObject;
  name: string;
  nrn: string;
  organization_id: number;
  repository_prefix: string;
  repository_provider: string;
  settings: JsonObject;
  slug: string;
  status: string;
  updated_at: string;
};

export function account(fields: {
  id: number;
  name: string;
  slug: string;
  repository_prefix: string;
  created_at: string;
}): Account {
  return {
    created_at: fields.created_at,
    id: fields.id,
    metadata: {},
    name: fields.name,
    nrn: `organization=${ORGANIZATION_ID}:account=${fields.id}`,
    organization_id: ORGANIZATION_ID,
    repository_prefix: fields.repository_prefix,
    repository_provider: 'github',
    settings: {},
    slug: fields.slug,
    status: 'active',
    updated_at: fields.created_at,
  };
}

/**
 * SOURCE: context.json → `.namespace` (has `account_id`); the same fields in nullplatform/terraform-provider-nullplatform
 * nullplatform/namespace.go `Namespace{id,name,status,slug,account_id,nrn}`.
 */
export type Namespace = {
  account_id: number;
  created_at: string;
  id: number;
  metadata: JsonObject;
  name: string;
  nrn: string;
  slug: string;
  status: string;
  updated_at: string;
};

export function namespace(
  parent: Account,
  fields: { id: number; name: string; slug: string; created_at: string },
): Namespace {
  return {
    account_id: parent.id,
    created_at: fields.created_at,
    id: fields.id,
    metadata: {},
    name: fields.name,
    nrn: `${parent.nrn}:namespace=${fields.id}`,
    slug: fields.slug,
    status: 'active',
    updated_at: fields.created_at,
  };
}

/**
 * SOURCE: context.json → `.application`, and terraform-provider-nullplatform nullplatform/application.go `Application`:
 * `tags` and `settings` are objects (Go `map[string]interface{}`), never lists; `messages` is a list; `template_id` a
 * large integer; `repository_app_path` null unless mono-repo; `repository_url` may be null.
 * `metadata` is left out of lists: reference §1.3 (R-ai) says it comes back from GET /application/:id only.
 */
export type Application = {
  auto_deploy_on_creation: boolean;
  created_at: string;
  id: number;
  is_mono_repo: boolean;
  messages: JsonObject[];
  metadata?: JsonObject;
  name: string;
  namespace_id: number;
  nrn: string;
  repository_app_path: string | null;
  repository_url: string | null;
  settings: JsonObject;
  slug: string;
  status: string;
  tags: Record<string, string>;
  template_id: number;
  updated_at: string;
};

/** The template every application here was created from (context.json's value). */
const TEMPLATE_ID = 1037172878;

export function application(
  parent: Namespace,
  fields: {
    id: number;
    name: string;
    slug: string;
    repository_url: string | null;
    created_at: string;
    updated_at: string;
    tags?: Record<string, string>;
    mono_repo_path?: string;
  },
): Application {
  return {
    auto_deploy_on_creation: false,
    created_at: fields.created_at,
    id: fields.id,
    is_mono_repo: fields.mono_repo_path !== undefined,
    messages: [],
    metadata: {},
    name: fields.name,
    namespace_id: parent.id,
    nrn: `${parent.nrn}:application=${fields.id}`,
    repository_app_path: fields.mono_repo_path ?? null,
    repository_url: fields.repository_url,
    settings: {},
    slug: fields.slug,
    status: 'active',
    tags: fields.tags ?? {},
    template_id: TEMPLATE_ID,
    updated_at: fields.updated_at,
  };
}
