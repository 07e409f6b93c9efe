/**
 * `GET /namespace` and `GET /namespace/:id` on the local platform: the namespaces its applications use, all in its one
 * account (see server/store/namespaces-repository.ts). Filtered by `id`, `account_id` and `slug`, as nullplatform's
 * clients ask (`GET /namespace?account_id=`, nullplatform/ai-plugins np-api docs).
 */
import { listEnvelopeSchema } from '@contract/common';
import { namespaceListQuerySchema, namespaceSchema } from '@contract/namespace';
import { endpoint, json, pathId } from './endpoint';
import { notFound } from './errors';
import { listEnvelope } from './route-deps';

const tag = 'namespace';

export const namespaceEndpoints = [
  endpoint({
    method: 'get',
    path: '/api/namespace',
    tag,
    summary: 'List namespaces (on the local platform: the ones its applications use)',
    query: namespaceListQuerySchema,
    response: json(listEnvelopeSchema(namespaceSchema)),
    examples: [{ summary: "An account's namespaces", query: { account_id: '1' } }],
    handle: ({ query }, _c, { store }) => {
      const all = store.namespaces
        .all()
        .filter((namespace) => query.id === undefined || query.id.includes(namespace.id))
        .filter((namespace) => query.account_id === undefined || query.account_id.includes(namespace.account_id))
        .filter((namespace) => query.slug === undefined || namespace.slug === query.slug);
      const results = all.slice(query.offset, query.offset + query.limit);
      return listEnvelope(query, { results, total: all.length });
    },
  }),

  endpoint({
    method: 'get',
    path: '/api/namespace/:id',
    tag,
    summary: 'Read a namespace',
    params: { id: pathId('id') },
    response: json(namespaceSchema),
    errors: { 404: 'No namespace with this id' },
    examples: [{ summary: 'The demo namespace', params: { id: 1 } }],
    handle: ({ params: { id } }, _c, { store }) => {
      const namespace = store.namespaces.get(id);
      if (namespace === undefined) throw notFound('namespace', id);
      return namespace;
    },
  }),
];
