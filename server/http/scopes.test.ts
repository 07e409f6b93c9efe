import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { listEnvelopeSchema } from '@contract/common';
import { inFlightStatuses } from '@contract/deployment-lifecycle';
import { DEFAULT_INSTANCE_COUNT, scopeSchema } from '@contract/scope';
import { type Harness, messageOf, startHarness } from '../testing/http-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe('scopes', () => {
  it('creates a scope without an address (the engine assigns it), reads, lists and patches it', async () => {
    const application = h.seed.application();
    const created = await h.request('POST', '/api/scope', {
      json: {
        application_id: application.id,
        name: 'Production',
        dimensions: { environment: 'production' },
        capabilities: { fixed_instances: 3 },
      },
    });
    expect(created.status).toBe(200);
    const scope = scopeSchema.parse(created.body);
    expect(scope).toMatchObject({
      application_id: application.id,
      name: 'Production',
      slug: 'production',
      type: 'web_pool_k8s',
      status: 'active',
      domain: null,
      asset_name: null,
      active_deployment: null,
      in_progress_deployment: null,
      dimensions: { environment: 'production' },
      capabilities: { scaling_type: 'fixed', fixed_instances: 3, health_check: { path: '/health' } },
    });
    expect(scope.nrn).toBe(`${application.nrn}:scope=${scope.id}`);
    expect(scopeSchema.parse((await h.request('GET', `/api/scope/${scope.id}`)).body)).toEqual(scope);

    const list = listEnvelopeSchema(scopeSchema).parse(
      (await h.request('GET', `/api/scope?application_id=${application.id}`)).body,
    );
    expect(list.results.map((item) => item.id)).toEqual([scope.id]);

    const patched = await h.request('PATCH', `/api/scope/${scope.id}`, {
      json: { name: 'Production EU', capabilities: { health_check: { path: '/ready' } }, asset_name: 'main' },
    });
    expect(patched.status).toBe(200);
    expect(scopeSchema.parse(patched.body)).toMatchObject({
      name: 'Production EU',
      slug: 'production-eu',
      asset_name: 'main',
      capabilities: { scaling_type: 'fixed', fixed_instances: 3, health_check: { path: '/ready' } },
    });
  });

  it("sends nullplatform's scope shape: current_active_deployment, domains and the real object's other fields", async () => {
    const world = h.seed.world();
    const fresh = await h.request('GET', `/api/scope/${world.scope.id}`);
    expect(fresh.status).toBe(200);
    // Fields of the real object (nullplatform/scopes-static-files …/context.json); scope tags are a list.
    expect(fresh.body).toMatchObject({
      active_deployment: null,
      current_active_deployment: null,
      in_progress_deployment: null,
      domain: null,
      domains: [],
      profiles: [],
      tags: [],
      requested_spec: {},
      runtime_configurations: [],
      external_created: false,
      messages: [],
      instance_id: null,
      provider: null,
    });

    const deployment = h.seed.deployment(world.scope, world.release);
    h.seed.activate(deployment);
    h.store.write((tx) => tx.scopes.update(world.scope.id, { domain: '127.0.0.1:41234' }));
    const detail = scopeSchema.parse((await h.request('GET', `/api/scope/${world.scope.id}`)).body);
    expect(detail).toMatchObject({
      active_deployment: deployment.id,
      current_active_deployment: deployment.id,
      domain: '127.0.0.1:41234',
      domains: [{ name: '127.0.0.1:41234' }],
    });
    // Lists carry them too on the local platform (a superset of nullplatform's list items).
    const listed = listEnvelopeSchema(scopeSchema).parse(
      (await h.request('GET', `/api/scope?id=${world.scope.id}`)).body,
    );
    expect(listed.results[0]).toMatchObject({
      current_active_deployment: deployment.id,
      domains: [{ name: '127.0.0.1:41234' }],
    });
  });

  it('defaults the capabilities to a fixed instance count and /health', async () => {
    const application = h.seed.application();
    const scope = scopeSchema.parse(
      (await h.request('POST', '/api/scope', { json: { application_id: application.id, name: 'staging' } })).body,
    );
    expect(scope.capabilities).toEqual({
      scaling_type: 'fixed',
      fixed_instances: DEFAULT_INSTANCE_COUNT,
      health_check: { path: '/health' },
    });
  });

  it('filters scopes by status, type and name', async () => {
    const application = h.seed.application();
    const web = h.seed.scope(application.id, { name: 'web' });
    h.seed.scope(application.id, { name: 'jobs' });
    h.store.write((tx) => tx.scopes.update(web.id, { status: 'stopped' }));
    const ids = async (query: string) =>
      listEnvelopeSchema(scopeSchema)
        .parse((await h.request('GET', `/api/scope?application_id=${application.id}&${query}`)).body)
        .results.map((scope) => scope.name);
    expect(await ids('status=stopped')).toEqual(['web']);
    expect(await ids('name=jobs')).toEqual(['jobs']);
    expect(await ids('type=web_pool_k8s&sort=name:asc')).toEqual(['jobs', 'web']);
    expect(await ids('type=serverless')).toEqual([]);
  });

  it("refuses a duplicate name with nullplatform's message, and other bad scopes, writing nothing", async () => {
    const application = h.seed.application();
    h.seed.scope(application.id, { name: 'taken' });
    const before = h.count('scopes');
    const duplicate = await h.request('POST', '/api/scope', {
      json: { application_id: application.id, name: 'taken' },
    });
    expect(duplicate.status).toBe(409);
    expect(messageOf(duplicate)).toBe("There's already a scope with this name on this application");
    const cases: [Record<string, unknown>, number, string][] = [
      [{ application_id: 999999, name: 'x' }, 404, 'application 999999 not found'],
      [{ application_id: application.id }, 400, 'Missing parameter: name'],
      [
        { application_id: application.id, name: 'x', type: 'mainframe' },
        400,
        'type: type must be one of web_pool_k8s, web_pool, serverless, custom, scheduled_tasks',
      ],
      [
        { application_id: application.id, name: 'x', capabilities: { fixed_instances: 11 } },
        400,
        'capabilities.fixed_instances: fixed_instances must be at most 10',
      ],
      [
        { application_id: application.id, name: 'x', capabilities: { health_check: { path: 'health' } } },
        400,
        'capabilities.health_check.path: health_check.path must start with /',
      ],
      [
        { application_id: application.id, name: 'x', dimensions: { environment: 1 } },
        400,
        'dimensions.environment: Invalid input: expected string, received number',
      ],
      [{ application_id: application.id, name: 'x', domain: 'me.example' }, 400, 'unknown field: domain'],
    ];
    for (const [json, status, message] of cases) {
      const response = await h.request('POST', '/api/scope', { json });
      expect(response.status, message).toBe(status);
      expect(messageOf(response)).toBe(message);
    }
    expect(h.count('scopes')).toBe(before);
  });

  it('refuses renaming onto another scope of the application', async () => {
    const application = h.seed.application();
    h.seed.scope(application.id, { name: 'one' });
    const two = h.seed.scope(application.id, { name: 'two' });
    const response = await h.request('PATCH', `/api/scope/${two.id}`, { json: { name: 'one' } });
    expect(response.status).toBe(409);
    expect(messageOf(response)).toBe("There's already a scope with this name on this application");
    expect(scopeSchema.parse((await h.request('GET', `/api/scope/${two.id}`)).body).name).toBe('two');
  });

  it('marks a scope deleting on DELETE (204) and refuses further changes', async () => {
    const application = h.seed.application();
    const scope = h.seed.scope(application.id);
    const deleted = await h.request('DELETE', `/api/scope/${scope.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect(scopeSchema.parse((await h.request('GET', `/api/scope/${scope.id}`)).body).status).toBe('deleting');
    const again = await h.request('DELETE', `/api/scope/${scope.id}`);
    expect(again.status).toBe(409);
    expect(messageOf(again)).toBe(`scope ${scope.id} is deleting; it cannot be deleted again`);
    const patch = await h.request('PATCH', `/api/scope/${scope.id}`, { json: { tier: 'important' } });
    expect(patch.status).toBe(409);
    expect(messageOf(patch)).toBe(`scope ${scope.id} is deleting; it cannot be changed`);
  });

  it.each(inFlightStatuses)('refuses DELETE (409) while a deployment is %s', async (status) => {
    const world = h.seed.world();
    const deployment = h.seed.deployment(world.scope, world.release, { status });
    const response = await h.request('DELETE', `/api/scope/${world.scope.id}`);
    expect(response.status).toBe(409);
    expect(messageOf(response)).toBe(
      `scope ${world.scope.id} has deployment ${deployment.id} in flight (${status}); finalize or cancel it before deleting the scope`,
    );
    expect(scopeSchema.parse((await h.request('GET', `/api/scope/${world.scope.id}`)).body).status).toBe('active');
  });

  it('answers 404 for unknown scopes on every method', async () => {
    expect((await h.request('GET', '/api/scope/999999')).status).toBe(404);
    expect((await h.request('PATCH', '/api/scope/999999', { json: { tier: 'x' } })).status).toBe(404);
    const deleted = await h.request('DELETE', '/api/scope/999999');
    expect(deleted.status).toBe(404);
    expect(messageOf(deleted)).toBe('scope 999999 not found');
  });
});
