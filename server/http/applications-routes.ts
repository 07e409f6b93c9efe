import {
  applicationListQuerySchema,
  applicationSchema,
  createApplicationBodySchema,
  patchApplicationBodySchema,
} from '@contract/application';
import { listEnvelopeSchema } from '@contract/common';
import { endpoint, json, pathId } from './endpoint';
import { notFound } from './errors';
import { listEnvelope } from './route-deps';

const tag = 'application';
const params = { id: pathId('id') };

export const applicationEndpoints = [
  endpoint({
    method: 'get',
    path: '/api/application',
    tag,
    summary: 'List applications',
    query: applicationListQuerySchema,
    response: json(listEnvelopeSchema(applicationSchema)),
    examples: [
      { summary: "A namespace's applications by name", query: { namespace_id: '1', sort: 'name:asc', limit: '10' } },
    ],
    handle: ({ query }, _c, { store }) => listEnvelope(query, store.applications.list(query)),
  }),

  endpoint({
    method: 'post',
    path: '/api/application',
    tag,
    summary: 'Create an application',
    body: createApplicationBodySchema,
    response: json(applicationSchema, 'The application created'),
    examples: [
      {
        summary: 'An application with its repository and a tag',
        body: {
          name: 'checkout',
          namespace_id: 1,
          repository_url: 'https://github.com/acme/checkout',
          tags: { team: 'payments' },
        },
      },
    ],
    handle: ({ body }, _c, { store }) =>
      store.write((tx) =>
        tx.applications.insert({
          name: body.name,
          namespace_id: body.namespace_id,
          repository_url: body.repository_url ?? null,
          repository_app_path: body.repository_app_path ?? null,
          template_id: body.template_id ?? null,
          tags: body.tags ?? {},
          metadata: body.metadata ?? {},
        }),
      ),
  }),

  endpoint({
    method: 'get',
    path: '/api/application/:id',
    tag,
    summary: 'Read an application',
    params,
    response: json(applicationSchema),
    errors: { 404: 'No application with this id' },
    examples: [{ summary: 'Application 1', params: { id: 1 } }],
    handle: ({ params: { id } }, _c, { store }) => {
      const application = store.applications.get(id);
      if (application === undefined) throw notFound('application', id);
      return application;
    },
  }),

  endpoint({
    method: 'patch',
    path: '/api/application/:id',
    tag,
    summary: 'Change an application',
    params,
    body: patchApplicationBodySchema,
    response: json(applicationSchema, 'The application as changed'),
    errors: { 404: 'No application with this id' },
    examples: [
      {
        summary: 'Rename it and replace its tags',
        params: { id: 1 },
        body: { name: 'checkout-api', tags: { team: 'payments' } },
      },
    ],
    handle: ({ params: { id }, body }, _c, { store }) =>
      store.write((tx) => {
        if (tx.applications.get(id) === undefined) throw notFound('application', id);
        return tx.applications.update(id, body);
      }),
  }),
];
