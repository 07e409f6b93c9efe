/**
 * GET on lists and single objects. Each list takes the filters the reference documents for it (../shared/reference/
 * nullplatform-api.md §2–§7, "Endpoints"); what a list leaves out and a single read adds is in the shapes' comments.
 */
import { type Answer, fail, insufficientPermissions, json } from './answer';
import { observeDeployment } from './deployment-steps';
import { type ListSpec, listPage, parseListQuery } from './list-query';
import type { Build } from './shapes/artifacts';
import type { Deployment } from './shapes/deployment';
import type { Application } from './shapes/organization';
import type { Scope, ScopeDetail } from './shapes/scope';
import type { FixtureState } from './state';
import type { World } from './world';

const byId = { read: (item: { id: number }) => item.id, numeric: true };

function listSpecs(state: FixtureState) {
  const applicationOfScope = (scopeId: number) =>
    state.world.scopes.find((scope) => scope.id === scopeId)?.application_id;
  return {
    account: {
      required: 'organization_id',
      filters: {
        organization_id: { read: (item) => item.organization_id, numeric: true },
        slug: { read: (item) => item.slug },
        id: byId,
      },
    } satisfies ListSpec<World['accounts'][number]>,
    namespace: {
      required: 'account_id',
      filters: {
        account_id: { read: (item) => item.account_id, numeric: true },
        slug: { read: (item) => item.slug },
        id: byId,
      },
    } satisfies ListSpec<World['namespaces'][number]>,
    // nullplatform lists applications per namespace.
    application: {
      required: 'namespace_id',
      filters: {
        namespace_id: { read: (item) => item.namespace_id, numeric: true },
        status: { read: (item) => item.status },
        slug: { read: (item) => item.slug },
        id: byId,
      },
    } satisfies ListSpec<Application>,
    build: {
      filters: {
        application_id: { read: (item) => item.application_id, numeric: true },
        status: { read: (item) => item.status },
        branch: { read: (item) => item.branch },
        'commit.id': { read: (item) => item.commit.id },
      },
    } satisfies ListSpec<Build>,
    release: {
      filters: {
        application_id: { read: (item) => item.application_id, numeric: true },
        build_id: { read: (item) => item.build_id, numeric: true },
        status: { read: (item) => item.status },
      },
    } satisfies ListSpec<World['releases'][number]>,
    scope: {
      filters: {
        application_id: { read: (item) => item.application_id, numeric: true },
        status: { read: (item) => item.status },
        type: { read: (item) => item.type },
        slug: { read: (item) => item.slug },
      },
    } satisfies ListSpec<Scope>,
    deployment: {
      switches: ['include_messages'],
      filters: {
        // The CLI takes up to 10 scope ids (ai-plugins cli-commands.md) and one application id.
        scope_id: { read: (item) => item.scope_id, numeric: true, maxValues: 10 },
        // Deployments carry no application_id; nullplatform filters through the scope.
        application_id: { read: (item) => applicationOfScope(item.scope_id), numeric: true, maxValues: 1 },
        deployment_group_id: { read: (item) => item.deployment_group_id, numeric: true },
        status: { read: (item) => item.status },
        status_in_scope: { read: (item) => item.status_in_scope },
      },
    } satisfies ListSpec<Deployment>,
  };
}

export type ListResource = keyof ReturnType<typeof listSpecs>;
export const listResources: readonly ListResource[] = [
  'account',
  'namespace',
  'application',
  'build',
  'release',
  'scope',
  'deployment',
];

export function readList(state: FixtureState, resource: ListResource, params: URLSearchParams): Answer {
  const specs = listSpecs(state);
  const world = state.world;
  switch (resource) {
    case 'account':
      return list(specs.account, world.accounts, params);
    case 'namespace':
      return list(specs.namespace, world.namespaces, params);
    case 'application':
      // ai-plugins: `metadata` only on GET /application/:id.
      return list(specs.application, world.applications, params, ({ metadata: _left, ...listed }) => listed);
    case 'build':
      return list(specs.build, world.builds, params);
    case 'release':
      return list(specs.release, world.releases, params);
    case 'scope':
      return list(specs.scope, world.scopes, params);
    case 'deployment': {
      const parsed = parseListQuery(specs.deployment, params);
      if (!parsed.ok) return parsed.answer;
      const page = listPage(world.deployments, parsed.query);
      const includeMessages = parsed.query.switches.has('include_messages');
      // Reading a deployment in a list moves it on, as reading it alone does.
      return json({ ...page, results: page.results.map((item) => observeDeployment(state, item, includeMessages)) });
    }
  }
}

function list<T extends { id: number }>(
  spec: ListSpec<T>,
  items: readonly T[],
  params: URLSearchParams,
  view: (item: T) => unknown = (item) => item,
): Answer {
  const parsed = parseListQuery(spec, params);
  if (!parsed.ok) return parsed.answer;
  const page = listPage(items, parsed.query);
  return json({ ...page, results: page.results.map((item) => structuredClone(view(item))) });
}

/** Query parameters GET /<resource>/:id takes; any other is refused like an unknown list filter. */
const DETAIL_SWITCHES: Record<ListResource, string[]> = {
  account: [],
  namespace: [],
  application: [],
  build: [],
  release: [],
  scope: ['include_messages'],
  deployment: ['include_messages'],
};

export function readOne(state: FixtureState, resource: ListResource, id: number, params: URLSearchParams): Answer {
  const allowed = DETAIL_SWITCHES[resource];
  for (const name of params.keys()) {
    if (!allowed.includes(name)) return insufficientPermissions();
    const value = params.get(name);
    if (value !== 'true' && value !== 'false')
      return fail(400, `Invalid ${name}: ${String(value)} (expected true or false)`);
  }
  const includeMessages = params.get('include_messages') === 'true';
  const world = state.world;
  const notFound = () => fail(404, `${resource[0]?.toUpperCase() ?? ''}${resource.slice(1)} ${id} not found`);
  const find = <T extends { id: number }>(items: readonly T[]) => items.find((item) => item.id === id);
  switch (resource) {
    case 'account':
    case 'namespace':
    case 'application':
    case 'release': {
      const found = find<{ id: number }>(world[pluralOf[resource]]);
      return found === undefined ? notFound() : json(structuredClone(found));
    }
    case 'build': {
      const found = find(world.builds);
      if (found === undefined) return notFound();
      return json({
        ...structuredClone(found),
        assets: world.assets.filter((item) => item.build_id === id).map((item) => structuredClone(item)),
        metadata: {},
      });
    }
    case 'scope': {
      const found = find(world.scopes);
      return found === undefined ? notFound() : json(scopeDetail(state, found, includeMessages));
    }
    case 'deployment': {
      const found = find(world.deployments);
      return found === undefined ? notFound() : json(observeDeployment(state, found, includeMessages));
    }
  }
}

const pluralOf = {
  account: 'accounts',
  namespace: 'namespaces',
  application: 'applications',
  release: 'releases',
} as const;

function scopeDetail(state: FixtureState, scope: Scope, includeMessages: boolean): ScopeDetail {
  const active = state.activeDeployment(scope.id)?.id ?? null;
  const detail: ScopeDetail = {
    ...structuredClone(scope),
    active_deployment: active,
    current_active_deployment: active,
    in_progress_deployment: state.inFlightDeployment(scope.id)?.id ?? null,
  };
  if (!includeMessages) detail.messages = [];
  return detail;
}
