import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { accountSchema } from '@contract/account';
import { listEnvelopeSchema } from '@contract/common';
import { type Harness, messageOf, startHarness } from '../testing/http-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const list = async (query = '') => {
  const response = await h.request('GET', `/api/account${query}`);
  expect(response.status).toBe(200);
  return listEnvelopeSchema(accountSchema).parse(response.body);
};

describe('GET /api/account', () => {
  it("answers the local platform's one account in nullplatform's account shape", async () => {
    const response = await h.request('GET', '/api/account?organization_id=1');
    expect(response.status).toBe(200);
    const { paging, results } = listEnvelopeSchema(accountSchema).parse(response.body);
    expect(paging).toEqual({ total: 1, offset: 0, limit: 30 });
    // The real object (nullplatform/scopes-static-files …/context.json), field for field.
    expect(results).toEqual([
      {
        id: 1,
        name: 'Local platform',
        slug: 'local-platform',
        status: 'active',
        organization_id: 1,
        nrn: 'organization=1:account=1',
        repository_prefix: 'np-console-demo',
        repository_provider: 'github',
        settings: {},
        metadata: {},
        created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        updated_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      },
    ]);
    // The account every NRN names: the discovery chain organization → account → namespace → application holds.
    const application = h.seed.application({ namespace_id: 4 });
    expect(application.nrn.startsWith(`${results[0]?.nrn}:namespace=4:`)).toBe(true);
    const namespaces = (await h.request('GET', `/api/namespace?account_id=${results[0]?.id}`)).body;
    expect(namespaces).toMatchObject({ results: [{ id: 4, account_id: 1 }] });
  });

  it('filters by organization, slug and id, and pages', async () => {
    expect((await list('?organization_id=1&slug=local-platform')).results.map((account) => account.id)).toEqual([1]);
    expect((await list('?organization_id=2')).results).toEqual([]);
    expect((await list('?organization_id=1&slug=playground')).results).toEqual([]);
    expect((await list('?id=1')).results.map((account) => account.id)).toEqual([1]);
    expect((await list('?offset=1')).results).toEqual([]);
    expect((await list('?offset=1')).paging.total).toBe(1);
  });

  it.each([
    ['colour=blue', 'unknown query parameter: colour'],
    ['organization_id=acme', 'organization_id: organization_id must be up to 10 comma-separated positive integer ids'],
    ['limit=0', 'limit: limit must be at least 1'],
    ['slug=a&slug=b', 'query parameter slug is given 2 times; give it once (comma-separated values)'],
  ])('refuses ?%s with 400', async (query, message) => {
    const response = await h.request('GET', `/api/account?${query}`);
    expect(response.status).toBe(400);
    expect(messageOf(response)).toBe(message);
  });

  it('reads one account, or 404', async () => {
    const one = await h.request('GET', '/api/account/1');
    expect(one.status).toBe(200);
    expect(accountSchema.parse(one.body)).toMatchObject({ id: 1, organization_id: 1, slug: 'local-platform' });
    const missing = await h.request('GET', '/api/account/2');
    expect(missing.status).toBe(404);
    expect(messageOf(missing)).toBe('account 2 not found');
    expect(messageOf(await h.request('GET', '/api/account/1?x=1'))).toBe('unknown query parameter: x');
  });
});
