import { listEnvelopeSchema } from '@contract/common';
import {
  createScopeBodySchema,
  DEFAULT_HEALTH_CHECK_PATH,
  DEFAULT_INSTANCE_COUNT,
  patchScopeBodySchema,
  type Scope,
  scopeListQuerySchema,
  scopeSchema,
} from '@contract/scope';
import { endpoint, json, noContent, pathId } from './endpoint';
import { conflict, notFound } from './errors';
import { listEnvelope } from './route-deps';

/** nullplatform's own words for a duplicate scope name (reference §1.4, from its Terraform provider). */
const DUPLICATE_SCOPE_NAME_MESSAGE = "There's already a scope with this name on this application";

const goneStatuses = ['deleting', 'deleted'];

const tag = 'scope';
const params = { id: pathId('id') };

export const scopeEndpoints = [
  endpoint({
    method: 'get',
    path: '/api/scope',
    tag,
    summary: 'List scopes',
    query: scopeListQuerySchema,
    response: json(listEnvelopeSchema(scopeSchema)),
    examples: [
      { summary: "An application's active scopes", query: { application_id: '1', status: 'active', sort: 'name:asc' } },
    ],
    handle: ({ query }, _c, { store }) => listEnvelope(query, store.scopes.list(query)),
  }),

  /** The scope starts without an address: the engine starts its proxy and writes `domain`. */
  endpoint({
    method: 'post',
    path: '/api/scope',
    tag,
    summary: 'Create a scope (the platform assigns its domain)',
    description: `Scope names are unique per application (409). Without capabilities a scope runs ${DEFAULT_INSTANCE_COUNT} instances checked at ${DEFAULT_HEALTH_CHECK_PATH}.`,
    body: createScopeBodySchema,
    response: json(scopeSchema, 'The scope created'),
    errors: { 404: 'No application with this application_id', 409: DUPLICATE_SCOPE_NAME_MESSAGE },
    examples: [
      {
        summary: 'A one-instance QA scope',
        body: {
          application_id: 1,
          name: 'qa',
          dimensions: { environment: 'qa' },
          capabilities: { fixed_instances: 1, health_check: { path: '/health' } },
        },
      },
    ],
    handle: ({ body }, _c, { store }) =>
      store.write((tx) => {
        if (tx.applications.get(body.application_id) === undefined) throw notFound('application', body.application_id);
        if (tx.scopes.findByName(body.application_id, body.name) !== undefined)
          throw conflict(DUPLICATE_SCOPE_NAME_MESSAGE);
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
      }),
  }),

  endpoint({
    method: 'get',
    path: '/api/scope/:id',
    tag,
    summary: 'Read a scope',
    params,
    response: json(scopeSchema),
    errors: { 404: 'No scope with this id' },
    examples: [{ summary: 'Scope 1', params: { id: 1 } }],
    handle: ({ params: { id } }, _c, { store }) => {
      const scope = store.scopes.get(id);
      if (scope === undefined) throw notFound('scope', id);
      return scope;
    },
  }),

  /** A partial change; `capabilities` merges key by key, `dimensions` and `metadata` are replaced. */
  endpoint({
    method: 'patch',
    path: '/api/scope/:id',
    tag,
    summary: 'Change a scope',
    description:
      '`capabilities` merges key by key; `dimensions` and `metadata` are replaced whole. A deleted or deleting scope cannot change (409).',
    params,
    body: patchScopeBodySchema,
    response: json(scopeSchema, 'The scope as changed'),
    errors: {
      404: 'No scope with this id',
      409: 'The scope is being deleted, or another scope of the application has the name',
    },
    examples: [
      {
        summary: 'Three instances from the next deployment on',
        params: { id: 1 },
        body: { capabilities: { fixed_instances: 3 } },
      },
    ],
    handle: ({ params: { id }, body }, _c, { store }) =>
      store.write((tx) => {
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
      }),
  }),

  /**
   * Deleting is refused while a deployment is in flight (finalize or cancel it first). Otherwise the scope becomes
   * `deleting` and the answer is 204; the engine stops its instances and proxy and marks it `deleted`.
   */
  endpoint({
    method: 'delete',
    path: '/api/scope/:id',
    tag,
    summary: 'Delete a scope (refused while a deployment is in flight)',
    params,
    response: noContent(
      'The scope is deleting: the platform stops its instances and its address, then marks it deleted',
    ),
    errors: {
      404: 'No scope with this id',
      409: 'A deployment is in flight on the scope, or it is already being deleted',
    },
    examples: [{ summary: 'Delete scope 2', params: { id: 2 } }],
    handle: ({ params: { id } }, _c, { store }) => {
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
    },
  }),
];

function refuseIfGone(scope: Scope, verb: string): void {
  if (goneStatuses.includes(scope.status)) throw conflict(`scope ${scope.id} is ${scope.status}; it cannot be ${verb}`);
}
