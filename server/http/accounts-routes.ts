/**
 * `GET /account` and `GET /account/:id` on the local platform: its one account. nullplatform's clients start here:
 * `GET /account?organization_id=` (then namespaces, then applications; nullplatform/ai-plugins np-api docs), or
 * `GET /account?organization_id=<id>&slug=<slug>` (nullplatform/terraform-provider-nullplatform nullplatform/nrn.go
 * `GetAccountBySlug`).
 */
import { accountListQuerySchema, accountSchema } from '@contract/account';
import { listEnvelopeSchema } from '@contract/common';
import { endpoint, json, pathId } from './endpoint';
import { notFound } from './errors';
import { listEnvelope } from './route-deps';

const tag = 'account';

export const accountEndpoints = [
  endpoint({
    method: 'get',
    path: '/api/account',
    tag,
    summary: 'List accounts (on the local platform: its one account)',
    query: accountListQuerySchema,
    response: json(listEnvelopeSchema(accountSchema)),
    examples: [{ summary: "An organization's accounts", query: { organization_id: '1' } }],
    handle: ({ query }, _c, { store }) => {
      const all = store.accounts
        .all()
        .filter((account) => query.id === undefined || query.id.includes(account.id))
        .filter(
          (account) => query.organization_id === undefined || query.organization_id.includes(account.organization_id),
        )
        .filter((account) => query.slug === undefined || account.slug === query.slug);
      const results = all.slice(query.offset, query.offset + query.limit);
      return listEnvelope(query, { results, total: all.length });
    },
  }),

  endpoint({
    method: 'get',
    path: '/api/account/:id',
    tag,
    summary: 'Read an account',
    params: { id: pathId('id') },
    response: json(accountSchema),
    errors: { 404: 'No account with this id' },
    examples: [{ summary: 'Account 1', params: { id: 1 } }],
    handle: ({ params: { id } }, _c, { store }) => {
      const account = store.accounts.get(id);
      if (account === undefined) throw notFound('account', id);
      return account;
    },
  }),
];
