import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { applicationSchema } from '@contract/application';
import { listEnvelopeSchema } from '@contract/common';
import { type Harness, messageOf, startHarness } from '../testing/http-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe('applications', () => {
  it('creates, reads, lists and changes an application', async () => {
    const created = await h.request('POST', '/api/application', {
      json: { name: 'Checkout', namespace_id: '12', repository_url: 'https://github.com/acme/checkout' },
    });
    expect(created.status).toBe(200);
    const application = applicationSchema.parse(created.body);
    expect(application).toMatchObject({ name: 'Checkout', slug: 'checkout', namespace_id: 12, status: 'active' });
    expect(application.nrn).toBe(`organization=1:account=1:namespace=12:application=${application.id}`);

    const read = await h.request('GET', `/api/application/${application.id}`);
    expect(read.status).toBe(200);
    expect(applicationSchema.parse(read.body)).toEqual(application);

    const list = await h.request('GET', '/api/application?namespace_id=12');
    expect(list.status).toBe(200);
    const envelope = listEnvelopeSchema(applicationSchema).parse(list.body);
    expect(envelope.paging).toEqual({ total: 1, offset: 0, limit: 30 });
    expect(envelope.results.map((item) => item.id)).toEqual([application.id]);

    const patched = await h.request('PATCH', `/api/application/${application.id}`, {
      json: { name: 'Checkout v2', status: 'inactive' },
    });
    expect(patched.status).toBe(200);
    expect(applicationSchema.parse(patched.body)).toMatchObject({
      name: 'Checkout v2',
      slug: 'checkout-v2',
      status: 'inactive',
    });
  });

  it("sends nullplatform's application shape: tags an object, settings, messages, auto_deploy_on_creation", async () => {
    const created = await h.request('POST', '/api/application', {
      json: { name: 'Tagged', namespace_id: 3, template_id: 1037172878, tags: { team: 'payments', tier: 'gold' } },
    });
    expect(created.status).toBe(200);
    const application = applicationSchema.parse(created.body);
    // The real object (nullplatform/scopes-static-files …/context.json): `"tags": {}`, never a list.
    expect(created.body).toMatchObject({
      tags: { team: 'payments', tier: 'gold' },
      settings: {},
      messages: [],
      auto_deploy_on_creation: false,
      template_id: 1037172878,
      repository_app_path: null,
      is_mono_repo: false,
    });
    expect((await h.request('GET', `/api/application/${application.id}`)).body).toMatchObject({
      tags: { team: 'payments', tier: 'gold' },
    });
    const listed = listEnvelopeSchema(applicationSchema).parse(
      (await h.request('GET', `/api/application?id=${application.id}`)).body,
    );
    expect(listed.results[0]?.tags).toEqual({ team: 'payments', tier: 'gold' });

    const patched = await h.request('PATCH', `/api/application/${application.id}`, {
      json: { tags: { team: 'checkout' } },
    });
    expect(patched.status).toBe(200);
    expect(applicationSchema.parse(patched.body).tags).toEqual({ team: 'checkout' });

    const untagged = applicationSchema.parse(
      (await h.request('POST', '/api/application', { json: { name: 'Untagged', namespace_id: 3 } })).body,
    );
    expect(untagged.tags).toEqual({});
  });

  it.each([
    [{ tags: [] }, 'tags: tags must be an object of string values, such as {"team": "payments"}'],
    [
      { tags: [{ key: 'team', value: 'payments' }] },
      'tags: tags must be an object of string values, such as {"team": "payments"}',
    ],
    [{ tags: 'team=payments' }, 'tags: tags must be an object of string values, such as {"team": "payments"}'],
    [{ tags: null }, 'tags: tags must be an object of string values, such as {"team": "payments"}'],
    [{ tags: { a: 1 } }, 'tags.a: tag values must be strings'],
    [{ tags: { a: { b: 'c' } } }, 'tags.a: tag values must be strings'],
  ])('refuses tags %j with 400 on POST and PATCH, changing nothing', async (json, message) => {
    const application = h.seed.application();
    const before = h.count('applications');
    const created = await h.request('POST', '/api/application', { json: { name: 'x', namespace_id: 1, ...json } });
    expect(created.status).toBe(400);
    expect(messageOf(created)).toBe(message);
    expect(h.count('applications')).toBe(before);
    const patched = await h.request('PATCH', `/api/application/${application.id}`, { json });
    expect(patched.status).toBe(400);
    expect(messageOf(patched)).toBe(message);
    expect((await h.request('GET', `/api/application/${application.id}`)).body).toEqual(application);
  });

  it('filters by status and name, sorts and pages', async () => {
    const namespace = 77;
    const names = ['gamma', 'alpha', 'beta'];
    for (const name of names) await h.request('POST', '/api/application', { json: { name, namespace_id: namespace } });
    const sorted = await h.request('GET', `/api/application?namespace_id=${namespace}&sort=name:asc&limit=2&offset=1`);
    const envelope = listEnvelopeSchema(applicationSchema).parse(sorted.body);
    expect(envelope.paging).toEqual({ total: 3, offset: 1, limit: 2 });
    expect(envelope.results.map((item) => item.name)).toEqual(['beta', 'gamma']);
    const byName = listEnvelopeSchema(applicationSchema).parse(
      (await h.request('GET', `/api/application?namespace_id=${namespace}&name=alpha`)).body,
    );
    expect(byName.results.map((item) => item.name)).toEqual(['alpha']);
    const inactive = listEnvelopeSchema(applicationSchema).parse(
      (await h.request('GET', `/api/application?namespace_id=${namespace}&status=inactive`)).body,
    );
    expect(inactive.paging.total).toBe(0);
  });

  it.each([
    [{ namespace_id: 1 }, 'Missing parameter: name'],
    [{ name: 'x' }, 'Missing parameter: namespace_id'],
    [{ name: '', namespace_id: 1 }, 'name: name must not be empty'],
    [{ name: 'x', namespace_id: 'one' }, 'namespace_id: must be a positive integer id'],
    [{ name: 'x', namespace_id: 1, colour: 'blue' }, 'unknown field: colour'],
    [
      { name: 'x', namespace_id: 1, repository_url: 'not a url' },
      'repository_url: repository_url must be an http:// or https:// URL',
    ],
    // The SPA links repository_url: a script URL would run in the console's origin when clicked.
    [
      { name: 'x', namespace_id: 1, repository_url: 'javascript:alert(1)' },
      'repository_url: repository_url must be an http:// or https:// URL',
    ],
    [
      { name: 'x', namespace_id: 1, repository_url: 'data:text/html,<script>alert(1)</script>' },
      'repository_url: repository_url must be an http:// or https:// URL',
    ],
  ])('refuses %j with 400 and writes nothing', async (json, message) => {
    const before = h.count('applications');
    const response = await h.request('POST', '/api/application', { json });
    expect(response.status).toBe(400);
    expect(messageOf(response)).toBe(message);
    expect(h.count('applications')).toBe(before);
  });

  it('answers 404 for an unknown application, and PATCH writes nothing', async () => {
    const read = await h.request('GET', '/api/application/999999');
    expect(read.status).toBe(404);
    expect(messageOf(read)).toBe('application 999999 not found');
    const patch = await h.request('PATCH', '/api/application/999999', { json: { name: 'x' } });
    expect(patch.status).toBe(404);
  });

  it('refuses a bad PATCH and leaves the application as it was', async () => {
    const application = h.seed.application();
    for (const json of [{ status: 'gone' }, { id: 5 }, { name: 42 }, { repository_url: 'javascript:alert(1)' }]) {
      const response = await h.request('PATCH', `/api/application/${application.id}`, { json });
      expect(response.status).toBe(400);
    }
    expect((await h.request('GET', `/api/application/${application.id}`)).body).toEqual(application);
  });

  it('refuses bad list queries naming the parameter', async () => {
    const cases: [string, string][] = [
      ['colour=blue', 'unknown query parameter: colour'],
      ['limit=0', 'limit: limit must be at least 1'],
      ['limit=abc', 'limit: limit must be a number'],
      ['offset=-1', 'offset: offset must be 0 or more'],
      ['sort=colour:asc', 'sort: sort must be <field>:asc|desc with field one of id, name, created_at, updated_at'],
      ['status=sleeping', 'status: status must be among creating, active, inactive, archived (got sleeping)'],
      ['namespace_id=a,b', 'namespace_id: namespace_id must be up to 10 comma-separated positive integer ids'],
      [
        'status=active&status=inactive',
        'query parameter status is given 2 times; give it once (comma-separated values)',
      ],
    ];
    for (const [query, message] of cases) {
      const response = await h.request('GET', `/api/application?${query}`);
      expect(response.status, query).toBe(400);
      expect(messageOf(response)).toBe(message);
    }
  });

  it('refuses query parameters on GET by id and bad ids', async () => {
    const application = h.seed.application();
    expect(messageOf(await h.request('GET', `/api/application/${application.id}?x=1`))).toBe(
      'unknown query parameter: x',
    );
    for (const [id, message] of [
      ['abc', 'id must be a positive integer up to 999999999999999 (got "abc")'],
      ['0', 'id must be a positive integer up to 999999999999999 (got "0")'],
      ['1e3', 'id must be a positive integer up to 999999999999999 (got "1e3")'],
      // A positive integer, but past the bound: the message says the bound, not that it is no positive integer.
      ['1000000000000000', 'id must be a positive integer up to 999999999999999 (got "1000000000000000")'],
    ]) {
      const bad = await h.request('GET', `/api/application/${id}`);
      expect(bad.status, id).toBe(400);
      expect(messageOf(bad)).toBe(message);
    }
    expect((await h.request('GET', '/api/application/999999999999999')).status).toBe(404);
  });

  it('refuses a query parameter without a name, as it refuses unknown ones', async () => {
    const application = h.seed.application();
    expect(messageOf(await h.request('GET', '/api/application?__proto__=x'))).toBe(
      'unknown query parameter: __proto__',
    );
    for (const query of ['=x', 'sort=name&=x', '%3D=&=']) {
      const list = await h.request('GET', `/api/application?${query}`);
      expect(list.status, query).toBe(400);
    }
    const one = await h.request('GET', `/api/application/${application.id}?=x`);
    expect(one.status).toBe(400);
    expect(messageOf(one)).toBe('a query parameter has no name ("=x"); write name=value');
    // Empty pieces between ampersands carry no parameter at all.
    expect((await h.request('GET', `/api/application?sort=name&&limit=5&`)).status).toBe(200);
  });
});
