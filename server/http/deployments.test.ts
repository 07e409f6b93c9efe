import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { listEnvelopeSchema } from '@contract/common';
import { deploymentSchema } from '@contract/deployment';
import { scopeSchema } from '@contract/scope';
import { type Harness, messageOf, startHarness } from '../testing/http-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ app: { deploymentExpiryMs: 90_000 } });
});
afterAll(async () => {
  await h.close();
});

async function scopeOf(id: number) {
  return scopeSchema.parse((await h.request('GET', `/api/scope/${id}`)).body);
}

describe('POST /api/deployment', () => {
  it("records an initial deployment as creating, picks the build's only asset and marks the scope", async () => {
    const world = h.seed.world();
    const response = await h.request('POST', '/api/deployment', {
      json: { scope_id: world.scope.id, release_id: String(world.release.id) },
    });
    expect(response.status).toBe(200);
    const deployment = deploymentSchema.parse(response.body);
    expect(deployment).toMatchObject({
      scope_id: world.scope.id,
      release_id: world.release.id,
      application_id: world.application.id,
      status: 'creating',
      status_in_scope: 'candidate',
      strategy: 'initial',
      strategy_data: {
        desired_switched_traffic: 100,
        switched_traffic: 0,
        amount_instances_to_wait: 2,
        launched_instances: 0,
        healthy_instances: 0,
      },
      asset_name: 'main',
      expires_at: null,
      messages: [],
      parameters: [],
      deployment_group_id: null,
    });
    expect(Object.keys(deployment.status_started_at ?? {})).toEqual(['creating']);
    expect(deployment.nrn).toBe(`${world.scope.nrn}:deployment=${deployment.id}`);
    // The scope's asset is fixed by the engine when this first deployment finalizes, not before.
    expect(await scopeOf(world.scope.id)).toMatchObject({ asset_name: null, in_progress_deployment: deployment.id });
  });

  it('records a blue/green deployment when the scope has an active one, expiring after the configured time', async () => {
    const world = h.seed.world();
    const first = h.seed.deployment(world.scope, world.release);
    h.seed.activate(first);
    h.store.write((tx) => tx.scopes.update(world.scope.id, { asset_name: 'main' }));
    const { build } = h.seed.build(world.application.id);
    const next = h.seed.release(world.application.id, build.id);
    const response = await h.request('POST', '/api/deployment', {
      json: { scope_id: world.scope.id, release_id: next.id, description: 'Ship it' },
    });
    expect(response.status).toBe(200);
    const deployment = deploymentSchema.parse(response.body);
    expect(deployment).toMatchObject({
      strategy: 'blue_green',
      strategy_data: { desired_switched_traffic: 0 },
      description: 'Ship it',
    });
    const created = Date.parse(deployment.created_at ?? '');
    expect(Date.parse(deployment.expires_at ?? '')).toBe(created + 90_000);
    expect(await scopeOf(world.scope.id)).toMatchObject({
      active_deployment: first.id,
      in_progress_deployment: deployment.id,
    });
  });

  it('uses asset_name from the body on a first deployment, leaving the scope free until it finalizes', async () => {
    const world = h.seed.world({ assets: ['web', 'worker'] });
    const response = await h.request('POST', '/api/deployment', {
      json: { scope_id: world.scope.id, release_id: world.release.id, asset_name: 'worker' },
    });
    expect(response.status).toBe(200);
    expect(deploymentSchema.parse(response.body).asset_name).toBe('worker');
    expect((await scopeOf(world.scope.id)).asset_name).toBeNull();
  });

  it('answers 404 naming the missing scope or release, writing nothing', async () => {
    const world = h.seed.world();
    const before = h.count('deployments');
    const noScope = await h.request('POST', '/api/deployment', {
      json: { scope_id: 999999, release_id: world.release.id },
    });
    expect(noScope.status).toBe(404);
    expect(messageOf(noScope)).toBe('scope 999999 not found');
    const noRelease = await h.request('POST', '/api/deployment', {
      json: { scope_id: world.scope.id, release_id: 999999 },
    });
    expect(noRelease.status).toBe(404);
    expect(messageOf(noRelease)).toBe('release 999999 not found');
    expect(h.count('deployments')).toBe(before);
  });

  it("refuses a release of another application with nullplatform's message", async () => {
    const world = h.seed.world();
    const other = h.seed.world();
    const before = h.count('deployments');
    const response = await h.request('POST', '/api/deployment', {
      json: { scope_id: world.scope.id, release_id: other.release.id },
    });
    expect(response.status).toBe(400);
    expect(messageOf(response)).toBe('The scope and the release belongs to different applications');
    expect(h.count('deployments')).toBe(before);
  });

  it('allows one in-flight deployment per scope', async () => {
    const world = h.seed.world();
    const first = await h.request('POST', '/api/deployment', {
      json: { scope_id: world.scope.id, release_id: world.release.id },
    });
    expect(first.status).toBe(200);
    const firstId = deploymentSchema.parse(first.body).id;
    const before = h.count('deployments');
    const second = await h.request('POST', '/api/deployment', {
      json: { scope_id: world.scope.id, release_id: world.release.id },
    });
    expect(second.status).toBe(409);
    expect(messageOf(second)).toContain('already a running deployment');
    expect(messageOf(second)).toContain(`deployment ${firstId} is creating`);
    expect(h.count('deployments')).toBe(before);
    expect((await scopeOf(world.scope.id)).in_progress_deployment).toBe(firstId);
    // Once it is over, the scope takes a new one.
    h.store.write((tx) => tx.deployments.update(firstId, { status: 'failed' }));
    expect(
      (await h.request('POST', '/api/deployment', { json: { scope_id: world.scope.id, release_id: world.release.id } }))
        .status,
    ).toBe(200);
  });

  it('resolves the asset or says which to choose, writing nothing when it cannot', async () => {
    const several = h.seed.world({ assets: ['web', 'worker'] });
    const before = { deployments: h.count('deployments'), scope: await scopeOf(several.scope.id) };
    const missing = await h.request('POST', '/api/deployment', {
      json: { scope_id: several.scope.id, release_id: several.release.id },
    });
    expect(missing.status).toBe(400);
    expect(messageOf(missing)).toBe(
      `Missing parameter: asset_name (build ${several.build.id} of release ${several.release.semver} has several assets; choose one of: web, worker)`,
    );
    const unknown = await h.request('POST', '/api/deployment', {
      json: { scope_id: several.scope.id, release_id: several.release.id, asset_name: 'cron' },
    });
    expect(unknown.status).toBe(400);
    expect(messageOf(unknown)).toBe(
      `asset_name: build ${several.build.id} of release ${several.release.semver} has no asset "cron" (choose one of: web, worker)`,
    );

    const pinned = h.seed.world({ assets: ['web'] });
    h.store.write((tx) => tx.scopes.update(pinned.scope.id, { asset_name: 'api' }));
    const lacking = await h.request('POST', '/api/deployment', {
      json: { scope_id: pinned.scope.id, release_id: pinned.release.id },
    });
    expect(lacking.status).toBe(400);
    expect(messageOf(lacking)).toBe(
      `scope ${pinned.scope.id} deploys asset "api", which build ${pinned.build.id} of release ${pinned.release.semver} does not have (it has: web)`,
    );
    const conflicting = await h.request('POST', '/api/deployment', {
      json: { scope_id: pinned.scope.id, release_id: pinned.release.id, asset_name: 'web' },
    });
    expect(conflicting.status).toBe(400);
    expect(messageOf(conflicting)).toBe(
      `asset_name: scope ${pinned.scope.id} deploys asset "api"; change the scope's asset_name to deploy "web"`,
    );

    const empty = h.seed.application();
    const { build } = h.seed.build(empty.id, { assets: [] });
    const release = h.seed.release(empty.id, build.id);
    const scope = h.seed.scope(empty.id);
    const nothing = await h.request('POST', '/api/deployment', {
      json: { scope_id: scope.id, release_id: release.id },
    });
    expect(nothing.status).toBe(400);
    expect(messageOf(nothing)).toBe(
      `build ${build.id} of release ${release.semver} has no assets: there is nothing to deploy`,
    );

    expect(h.count('deployments')).toBe(before.deployments);
    expect(await scopeOf(several.scope.id)).toEqual(before.scope);
  });

  it('refuses an asset the local platform cannot run, with its reason', async () => {
    const world = h.seed.world({ assetUrl: 'registry.example/shop:1.0' });
    const before = h.count('deployments');
    const response = await h.request('POST', '/api/deployment', {
      json: { scope_id: world.scope.id, release_id: world.release.id },
    });
    expect(response.status).toBe(400);
    expect(messageOf(response)).toContain('the local platform runs assets whose url is file:<folder>');
    expect(h.count('deployments')).toBe(before);
    expect((await scopeOf(world.scope.id)).asset_name).toBeNull();
  });

  it('refuses deploying to a scope being deleted', async () => {
    const world = h.seed.world();
    h.store.write((tx) => tx.scopes.update(world.scope.id, { status: 'deleting' }));
    const response = await h.request('POST', '/api/deployment', {
      json: { scope_id: world.scope.id, release_id: world.release.id },
    });
    expect(response.status).toBe(409);
    expect(messageOf(response)).toBe(`scope ${world.scope.id} is deleting; it cannot be deployed`);
  });

  it.each([
    [{ release_id: 1 }, 'Missing parameter: scope_id'],
    [{ scope_id: 1 }, 'Missing parameter: release_id'],
    [{ scope_id: 'abc', release_id: 1 }, 'scope_id: must be a positive integer id'],
    [{ scope_id: 0, release_id: 1 }, 'scope_id: must be a positive integer id'],
    [{ scope_id: 1, release_id: 1, asset_name: '' }, 'asset_name: asset_name must not be empty'],
    [{ scope_id: 1, release_id: 1, strategy: 'canary' }, 'unknown field: strategy'],
  ])('refuses %j with 400', async (json, message) => {
    const before = h.count('deployments');
    const response = await h.request('POST', '/api/deployment', { json });
    expect(response.status).toBe(400);
    expect(messageOf(response)).toBe(message);
    expect(h.count('deployments')).toBe(before);
  });
});

describe('GET /api/deployment', () => {
  it('reads one, with messages only when asked', async () => {
    const world = h.seed.world();
    const deployment = h.seed.deployment(world.scope, world.release);
    h.store.write((tx) => tx.deployments.addMessage(deployment.id, 'WARNING', 'instance 1 is slow to start'));
    const plain = deploymentSchema.parse((await h.request('GET', `/api/deployment/${deployment.id}`)).body);
    expect(plain.messages).toEqual([]);
    const full = deploymentSchema.parse(
      (await h.request('GET', `/api/deployment/${deployment.id}?include_messages=true`)).body,
    );
    expect(full.messages).toEqual([
      expect.objectContaining({ level: 'WARNING', message: 'instance 1 is slow to start' }),
    ]);
    const notFound = await h.request('GET', '/api/deployment/999');
    expect(notFound.status).toBe(404);
    expect(messageOf(notFound)).toBe('deployment 999 not found');
    expect(messageOf(await h.request('GET', `/api/deployment/${deployment.id}?include_messages=yes`))).toBe(
      'include_messages: must be true or false',
    );
  });

  it('lists newest first and filters by scope, application, release, status, status_in_scope and strategy', async () => {
    const world = h.seed.world();
    const other = h.seed.scope(world.application.id);
    const first = h.seed.deployment(world.scope, world.release, { status: 'finalized', status_in_scope: 'inactive' });
    const second = h.seed.deployment(world.scope, world.release, {
      status: 'failed',
      strategy: 'blue_green',
      status_in_scope: 'inactive',
    });
    const third = h.seed.deployment(other, world.release, { status: 'running' });
    const ids = async (query: string) =>
      listEnvelopeSchema(deploymentSchema)
        .parse((await h.request('GET', `/api/deployment?${query}`)).body)
        .results.map((deployment) => deployment.id);
    expect(await ids(`application_id=${world.application.id}`)).toEqual([third.id, second.id, first.id]);
    expect(await ids(`scope_id=${world.scope.id}`)).toEqual([second.id, first.id]);
    expect(await ids(`scope_id=${world.scope.id},${other.id}&sort=id:asc`)).toEqual([first.id, second.id, third.id]);
    expect(await ids(`application_id=${world.application.id}&status=running,failed`)).toEqual([third.id, second.id]);
    expect(await ids(`application_id=${world.application.id}&status_in_scope=candidate`)).toEqual([third.id]);
    expect(await ids(`application_id=${world.application.id}&strategy=blue_green`)).toEqual([second.id]);
    expect(await ids(`release_id=${world.release.id}&limit=1&offset=2`)).toEqual([first.id]);
    const envelope = listEnvelopeSchema(deploymentSchema).parse(
      (await h.request('GET', `/api/deployment?scope_id=${world.scope.id}&limit=1`)).body,
    );
    expect(envelope.paging).toEqual({ total: 2, offset: 0, limit: 1 });
    const bad = await h.request('GET', '/api/deployment?status=done');
    expect(bad.status).toBe(400);
    expect(messageOf(bad)).toContain('status: status must be among');
  });
});
