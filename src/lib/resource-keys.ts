/**
 * The query keys of every API resource, so that code outside the features (live updates, polling) can address a
 * resource's cache without importing a feature. Feature query factories build on these keys; nothing else writes keys
 * by hand.
 *
 * Shape (TkDodo's hierarchy): [resource] → [resource, 'list'] → [resource, 'list', filters]
 *                                        → [resource, 'detail'] → [resource, 'detail', id]
 * Extra per-resource sub-keys (e.g. a scope's runtime) hang off [resource, <name>, id].
 */
import type { ChangeResource } from '@contract/console-paths';

function keysFor<const Resource extends string>(resource: Resource) {
  return {
    all: [resource] as const,
    lists: () => [resource, 'list'] as const,
    list: <Filters extends object>(filters: Filters) => [resource, 'list', filters] as const,
    details: () => [resource, 'detail'] as const,
    /** `undefined`: a query not asked yet (its `queryFn` is `skipToken` until the id is known). */
    detail: (id: number | undefined) => [resource, 'detail', id] as const,
  };
}

export const resourceKeys = {
  application: keysFor('application'),
  build: keysFor('build'),
  asset: keysFor('asset'),
  release: keysFor('release'),
  scope: {
    ...keysFor('scope'),
    /** GET /console/scope/:id/runtime: instances and their last health check (local platform only). */
    runtime: (scopeId: number) => ['scope', 'runtime', scopeId] as const,
    /** GET /console/traffic?scope_id=: requests per deployment at the scope's address. */
    traffic: (scopeId: number) => ['scope', 'traffic', scopeId] as const,
    /** GET /console/scope/:id/test-traffic: the console's test traffic generator for the scope (local platform only). */
    testTraffic: (scopeId: number) => ['scope', 'test-traffic', scopeId] as const,
  },
  deployment: keysFor('deployment'),
  /** GET /console/activity: the local platform's audit trail (its feeds are lists; an entry has no page of its own). */
  activity: {
    ...keysFor('activity'),
    /** GET /console/actors: who has written, by number and name; under the lists, so a new entry refreshes it. */
    actors: () => ['activity', 'list', 'actors'] as const,
  },
  /** GET /namespace: the namespace picker of the applications page. */
  namespace: keysFor('namespace'),
  /** GET /account: the account picker of the applications page (connected mode). */
  account: keysFor('account'),
  console: {
    all: ['console'] as const,
    info: () => ['console', 'info'] as const,
  },
};

/** The keys of the resources the console's event stream reports on. */
export function changeResourceKeys(resource: ChangeResource) {
  return resourceKeys[resource];
}
