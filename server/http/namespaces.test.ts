import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { listEnvelopeSchema } from '@contract/common';
import { namespaceSchema } from '@contract/namespace';
import { type Harness, messageOf, startHarness } from '../testing/http-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const list = async (query = '') => {
  const response = await h.request('GET', `/api/namespace${query}`);
  expect(response.status).toBe(200);
  return listEnvelopeSchema(namespaceSchema).parse(response.body);
};

describe('GET /api/namespace', () => {
  it('lists the namespaces the applications use, in id order', async () => {
    expect(await list()).toEqual({ paging: { total: 0, offset: 0, limit: 30 }, results: [] });
    const first = h.seed.application({ namespace_id: 7 });
    const other = h.seed.application({ namespace_id: 1 });
    h.seed.application({ namespace_id: 7 });
    const { paging, results } = await list();
    expect(paging.total).toBe(2);
    // nullplatform's namespace shape (nullplatform/scopes-static-files …/context.json), as old as its oldest application.
    expect(results).toEqual([
      {
        id: 1,
        name: 'Namespace 1',
        slug: 'namespace-1',
        account_id: 1,
        status: 'active',
        nrn: 'organization=1:account=1:namespace=1',
        metadata: {},
        created_at: other.created_at,
        updated_at: other.created_at,
      },
      {
        id: 7,
        name: 'Namespace 7',
        slug: 'namespace-7',
        account_id: 1,
        status: 'active',
        nrn: 'organization=1:account=1:namespace=7',
        metadata: {},
        created_at: first.created_at,
        updated_at: first.created_at,
      },
    ]);
  });

  it('filters by id and account, and pages', async () => {
    expect((await list('?id=7')).results.map((namespace) => namespace.id)).toEqual([7]);
    expect((await list('?account_id=2')).results).toEqual([]);
    expect((await list('?account_id=1&limit=1&offset=1')).results.map((namespace) => namespace.id)).toEqual([7]);
    expect((await list('?slug=namespace-7')).results.map((namespace) => namespace.id)).toEqual([7]);
    expect((await list('?account_id=1&slug=nowhere')).results).toEqual([]);
    const bad = await h.request('GET', '/api/namespace?colour=blue');
    expect(bad.status).toBe(400);
    expect(messageOf(bad)).toBe('unknown query parameter: colour');
  });

  it('reads one namespace, or 404', async () => {
    const one = await h.request('GET', '/api/namespace/7');
    expect(one.status).toBe(200);
    expect(namespaceSchema.parse(one.body).slug).toBe('namespace-7');
    const missing = await h.request('GET', '/api/namespace/99');
    expect(missing.status).toBe(404);
    expect(messageOf(missing)).toBe('namespace 99 not found');
  });
});
