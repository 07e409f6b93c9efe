import { Hono } from 'hono';

import { createScopeBodySchema, DEFAULT_INSTANCE_COUNT, patchScopeBodySchema, scopeListQuerySchema } from '../../contract/scope';
import type { Scope } from '../../contract/scope';
import { conflict, notFound } from './errors';
import { listEnvelope, noQuerySchema, type RouteDeps } from './route-deps';
import { parseId, parseJsonBody, parseQuery } from './validation';

/** nullplatform's own words for a duplicate scope name (reference §1.4, from its Terraform provider). */
export const DUPLICATE_SCOPE_NAME_MESSAGE = "There's already a scope with this name on this application";

/** The health check path instances are probed at when the scope does not say (design: `/health` answering 200). */
export const DEFAULT_HEALTH_CHECK_PATH = '/health';

const goneStatuses = ['deleting', 'deleted'];

export function scopesRoutes({ store }: RouteDeps): Hono {
  const routes = new Hono();

  routes.get('/scope', (c) => {
    const query = parseQuery(c, scopeListQuerySchema);
    return c.json(listEnvelope(query, store.scopes.list(query)));
  });

  /** The scope starts without an address: the engine starts its proxy and writes `domain`. */
  routes.post('/scope', async (c) => {
    const body = await parseJsonBody(c, createScopeBodySchema);
    const scope = store.write((tx) => {
      if (tx.applications.get(body.application_id) === undefined) throw notFound('application', body.application_id);
      if (tx.scopes.findByName(body.application_id, body.name) !== undefined) throw conflict(DUPLICATE_SCOPE_NAME_MESSAGE);
      return tx.scopes.insert({
        application_id: body.application_id,
        name: body.name,
        type: body.type,
        status: 'active',
        dimensions: body.dimensions ?? {},
        capabilities: {
          scaling_type: 'fixed',
          fixed_instances: DEFAULT_INSTANCE_COUNT,
          health_check: { path: DEFAULT_HEALTH_CHECK_PATH },
          ...body.capabilities,
        },
        asset_name: body.asset_name ?? null,
        tier: body.tier ?? null,
        domain: null,
        metadata: body.metadata ?? {},
      });
    });
    return c.json(scope, 200);
  });

  routes.get('/scope/:id', (c) => {
    const id = parseId(c);
    parseQuery(c, noQuerySchema);
    const scope = store.scopes.get(id);
    if (scope === undefined) throw notFound('scope', id);
    return c.json(scope);
  });

  /** A partial change; `capabilities` merges key by key, `dimensions` and `metadata` are replaced. */
  routes.patch('/scope/:id', async (c) => {
    const id = parseId(c);
    const body = await parseJsonBody(c, patchScopeBodySchema);
    const scope = store.write((tx) => {
      const current = tx.scopes.get(id);
      if (current === undefined) throw notFound('scope', id);
      refuseIfGone(current, 'changed');
      if (body.name !== undefined && body.name !== current.name) {
        const other = tx.scopes.findByName(current.application_id, body.name);
        if (other !== undefined && other.id !== id) throw conflict(DUPLICATE_SCOPE_NAME_MESSAGE);
      }
      return tx.scopes.update(id, {
        name: body.name,
        dimensions: body.dimensions,
        capabilities: body.capabilities === undefined ? undefined : { ...current.capabilities, ...body.capabilities },
        asset_name: body.asset_name,
        tier: body.tier,
        metadata: body.metadata,
      });
    });
    return c.json(scope);
  });

  /**
   * Deleting is refused while a deployment is in flight (finalize or cancel it first). Otherwise the scope becomes
   * `deleting` and the answer is 204; the engine stops its instances and proxy and marks it `deleted`.
   */
  routes.delete('/scope/:id', (c) => {
    const id = parseId(c);
    parseQuery(c, noQuerySchema);
    store.write((tx) => {
      const scope = tx.scopes.get(id);
      if (scope === undefined) throw notFound('scope', id);
      refuseIfGone(scope, 'deleted again');
      const inFlight = tx.deployments.inFlightForScope(id);
      if (inFlight !== undefined) {
        throw conflict(
          `scope ${id} has deployment ${inFlight.id} in flight (${inFlight.status}); finalize or cancel it before deleting the scope`,
        );
      }
      tx.scopes.update(id, { status: 'deleting' });
    });
    return c.body(null, 204);
  });

  return routes;
}

function refuseIfGone(scope: Scope, verb: string): void {
  if (goneStatuses.includes(scope.status)) throw conflict(`scope ${scope.id} is ${scope.status}; it cannot be ${verb}`);
}
