import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { assetSchema } from '@contract/asset';
import { buildSchema, type BuildStatus, buildStatuses, buildTransitions } from '@contract/build';
import { listEnvelopeSchema } from '@contract/common';
import { type Harness, messageOf, startHarness } from '../testing/http-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const commit = { id: '3f9c2a1d8e7b', permalink: 'https://github.com/acme/shop/commit/3f9c2a1d8e7b' };

describe('builds', () => {
  it('creates a build as the CI action does, adds an asset, and reads it with its assets', async () => {
    const application = h.seed.application();
    const created = await h.request('POST', '/api/build', {
      json: {
        application_id: application.id,
        status: 'in_progress',
        branch: 'main',
        commit,
        description: 'Add checkout',
      },
    });
    expect(created.status).toBe(200);
    const build = buildSchema.parse(created.body);
    expect(build).toMatchObject({
      application_id: application.id,
      status: 'in_progress',
      branch: 'main',
      commit,
      description: 'Add checkout',
    });

    const asset = await h.request('POST', `/api/build/${build.id}/asset`, {
      json: { build_id: build.id, type: 'docker-image', url: 'registry.example/shop:3f9c2a1', metadata: {} },
    });
    expect(asset.status).toBe(200);
    expect(assetSchema.parse(asset.body)).toMatchObject({ build_id: build.id, name: 'main', type: 'docker-image' });

    const done = await h.request('PATCH', `/api/build/${build.id}`, { json: { id: build.id, status: 'successful' } });
    expect(done.status).toBe(200);
    expect(buildSchema.parse(done.body).status).toBe('successful');

    const read = await h.request('GET', `/api/build/${build.id}`);
    const withAssets = buildSchema.parse(read.body);
    expect(withAssets.assets?.map((item) => item.name)).toEqual(['main']);

    const list = listEnvelopeSchema(buildSchema).parse(
      (await h.request('GET', `/api/build?application_id=${application.id}`)).body,
    );
    expect(list.results.map((item) => item.id)).toEqual([build.id]);
    expect(list.results[0]?.assets).toBeUndefined();
  });

  it('lists newest first by default and filters by status, branch and commit', async () => {
    const application = h.seed.application();
    const first = h.seed.build(application.id, {
      status: 'failed',
      branch: 'feature/a',
      created_at: '2026-01-01T00:00:00.000Z',
    }).build;
    const second = h.seed.build(application.id, {
      status: 'successful',
      branch: 'main',
      created_at: '2026-01-02T00:00:00.000Z',
    }).build;
    const third = h.seed.build(application.id, {
      status: 'successful',
      branch: 'main',
      created_at: '2026-01-03T00:00:00.000Z',
    }).build;
    const ids = async (query: string) =>
      listEnvelopeSchema(buildSchema)
        .parse((await h.request('GET', `/api/build?application_id=${application.id}&${query}`)).body)
        .results.map((build) => build.id);
    expect(await ids('')).toEqual([third.id, second.id, first.id]);
    expect(await ids('sort=created_at:asc')).toEqual([first.id, second.id, third.id]);
    expect(await ids('sort=id:desc&limit=1&offset=1')).toEqual([second.id]);
    expect(await ids('status=successful')).toEqual([third.id, second.id]);
    expect(await ids('status=failed,successful')).toEqual([third.id, second.id, first.id]);
    expect(await ids('branch=feature/a')).toEqual([first.id]);
    expect(await ids(`commit.id=${second.commit?.id ?? ''}`)).toEqual([second.id]);
    const paged = listEnvelopeSchema(buildSchema).parse(
      (await h.request('GET', `/api/build?application_id=${application.id}&limit=2`)).body,
    );
    expect(paged.paging).toEqual({ total: 3, offset: 0, limit: 2 });
  });

  it('refuses a build for an unknown application (404) and bad bodies (400), writing nothing', async () => {
    const application = h.seed.application();
    const before = h.count('builds');
    const unknown = await h.request('POST', '/api/build', {
      json: { application_id: 999999, status: 'pending', branch: 'main', commit },
    });
    expect(unknown.status).toBe(404);
    expect(messageOf(unknown)).toBe('application 999999 not found');
    const cases: [Record<string, unknown>, string][] = [
      [{ application_id: application.id, branch: 'main', commit }, 'Missing parameter: status'],
      [
        { application_id: application.id, status: 'done', branch: 'main', commit },
        'status: Invalid option: expected one of "pending"|"in_progress"|"failed"|"successful"',
      ],
      [
        { application_id: application.id, status: 'pending', branch: 'main', commit: { permalink: 'https://x.y' } },
        'Missing parameter: commit.id',
      ],
      [
        { application_id: application.id, status: 'pending', branch: 'main', commit: { id: 'a', sha: 'b' } },
        'unknown field: commit.sha',
      ],
      // The SPA links the permalink: a script URL would run in the console's origin when clicked.
      [
        {
          application_id: application.id,
          status: 'pending',
          branch: 'main',
          commit: { id: 'a', permalink: 'javascript:alert(1)' },
        },
        'commit.permalink: commit.permalink must be an http:// or https:// URL',
      ],
      [
        {
          application_id: application.id,
          status: 'pending',
          branch: 'main',
          commit: { id: 'a', permalink: 'ftp://x.y/c' },
        },
        'commit.permalink: commit.permalink must be an http:// or https:// URL',
      ],
      [
        { application_id: application.id, status: 'pending', branch: 'main', commit, description: 'x'.repeat(2001) },
        'description: description must be at most 2000 characters',
      ],
    ];
    for (const [json, message] of cases) {
      const response = await h.request('POST', '/api/build', { json });
      expect(response.status, message).toBe(400);
      expect(messageOf(response)).toBe(message);
    }
    expect(h.count('builds')).toBe(before);
  });

  const moves = buildStatuses.flatMap((from) =>
    buildStatuses.filter((to) => to !== from).map((to) => [from, to] as const),
  );
  it.each(moves)('PATCH status %s → %s follows buildTransitions', async (from, to) => {
    const application = h.seed.application();
    const { build } = h.seed.build(application.id, { status: from });
    const response = await h.request('PATCH', `/api/build/${build.id}`, { json: { status: to } });
    const legal = (buildTransitions[from] as readonly BuildStatus[]).includes(to);
    if (legal) {
      expect(response.status).toBe(200);
      expect(buildSchema.parse(response.body).status).toBe(to);
    } else {
      expect(response.status).toBe(409);
      expect(messageOf(response)).toContain(`cannot go from ${from} to ${to}`);
      expect(buildSchema.parse((await h.request('GET', `/api/build/${build.id}`)).body).status).toBe(from);
    }
  });

  it('accepts the same status again (CI retries) and refuses a body id that is not the path id', async () => {
    const application = h.seed.application();
    const { build } = h.seed.build(application.id, { status: 'successful' });
    expect((await h.request('PATCH', `/api/build/${build.id}`, { json: { status: 'successful' } })).status).toBe(200);
    const mismatch = await h.request('PATCH', `/api/build/${build.id}`, {
      json: { id: build.id + 1000, status: 'successful' },
    });
    expect(mismatch.status).toBe(400);
    expect(messageOf(mismatch)).toContain(`is not the build in the path (${build.id})`);
    expect((await h.request('PATCH', '/api/build/999999', { json: { status: 'failed' } })).status).toBe(404);
  });
});

describe('assets', () => {
  it('creates, reads and lists assets', async () => {
    const application = h.seed.application();
    const { build } = h.seed.build(application.id, { assets: [] });
    const created = await h.request('POST', '/api/asset', {
      json: {
        build_id: build.id,
        application_id: application.id,
        name: 'web',
        type: 'docker-image',
        url: h.runnableAssetUrl,
        metadata: { env: { A: '1' } },
      },
    });
    expect(created.status).toBe(200);
    const asset = assetSchema.parse(created.body);
    expect(asset).toMatchObject({ name: 'web', build_id: build.id, metadata: { env: { A: '1' } } });
    expect(assetSchema.parse((await h.request('GET', `/api/asset/${asset.id}`)).body)).toEqual(asset);
    await h.request('POST', '/api/asset', {
      json: { build_id: build.id, name: 'worker', url: 'file:demo-apps/worker' },
    });
    const list = listEnvelopeSchema(assetSchema).parse(
      (await h.request('GET', `/api/asset?build_id=${build.id}`)).body,
    );
    expect(list.results.map((item) => item.name)).toEqual(['web', 'worker']);
    const byName = listEnvelopeSchema(assetSchema).parse(
      (await h.request('GET', `/api/asset?build_id=${build.id}&name=worker`)).body,
    );
    expect(byName.paging.total).toBe(1);
  });

  it('refuses duplicates, unknown builds, mismatched applications and bad bodies, writing nothing', async () => {
    const application = h.seed.application();
    const other = h.seed.application();
    const { build } = h.seed.build(application.id, { assets: ['main'] });
    const before = h.count('assets');
    const duplicate = await h.request('POST', `/api/build/${build.id}/asset`, { json: { url: 'file:demo-apps/x' } });
    expect(duplicate.status).toBe(409);
    expect(messageOf(duplicate)).toBe(`asset main already exists for build ${build.id}`);
    const unknown = await h.request('POST', '/api/asset', { json: { build_id: 999999, url: 'file:demo-apps/x' } });
    expect(unknown.status).toBe(404);
    expect(messageOf(unknown)).toBe('build 999999 not found');
    const unknownPath = await h.request('POST', '/api/build/999999/asset', { json: { url: 'file:demo-apps/x' } });
    expect(unknownPath.status).toBe(404);
    const mismatch = await h.request('POST', '/api/asset', {
      json: { build_id: build.id, application_id: other.id, name: 'x', url: 'file:demo-apps/x' },
    });
    expect(mismatch.status).toBe(400);
    expect(messageOf(mismatch)).toBe(
      `build ${build.id} belongs to application ${application.id}, not application ${other.id}`,
    );
    const pathMismatch = await h.request('POST', `/api/build/${build.id}/asset`, {
      json: { build_id: build.id + 1, name: 'y', url: 'file:demo-apps/x' },
    });
    expect(pathMismatch.status).toBe(400);
    const badName = await h.request('POST', '/api/asset', {
      json: { build_id: build.id, name: 'no spaces', url: 'file:demo-apps/x' },
    });
    expect(messageOf(badName)).toBe('name: name must be letters, digits, - or _');
    const badType = await h.request('POST', '/api/asset', {
      json: { build_id: build.id, name: 'z', type: 'zip', url: 'file:demo-apps/x' },
    });
    expect(messageOf(badType)).toBe('type: type must be one of docker-image, lambda, bundle');
    const noUrl = await h.request('POST', '/api/asset', { json: { build_id: build.id, name: 'z' } });
    expect(messageOf(noUrl)).toBe('Missing parameter: url');
    expect(h.count('assets')).toBe(before);
    expect((await h.request('GET', '/api/asset/999999')).status).toBe(404);
  });
});
