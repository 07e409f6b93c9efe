import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { listEnvelopeSchema } from '@contract/common';
import { releaseSchema } from '@contract/release';
import { type Harness, messageOf, startHarness } from '../testing/http-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe('releases', () => {
  it('creates a release from a successful build, reads, lists and patches it', async () => {
    const application = h.seed.application();
    const { build } = h.seed.build(application.id);
    const created = await h.request('POST', '/api/release', {
      json: { status: 'active', build_id: build.id, application_id: application.id, semver: '1.4.0' },
    });
    expect(created.status).toBe(200);
    const release = releaseSchema.parse(created.body);
    expect(release).toMatchObject({
      build_id: build.id,
      application_id: application.id,
      semver: '1.4.0',
      status: 'active',
    });
    expect(releaseSchema.parse((await h.request('GET', `/api/release/${release.id}`)).body)).toEqual(release);
    const list = listEnvelopeSchema(releaseSchema).parse(
      (await h.request('GET', `/api/release?application_id=${application.id}`)).body,
    );
    expect(list.results.map((item) => item.id)).toEqual([release.id]);
    const byBuild = listEnvelopeSchema(releaseSchema).parse(
      (await h.request('GET', `/api/release?build_id=${build.id}&semver=1.4.0`)).body,
    );
    expect(byBuild.paging.total).toBe(1);
    const patched = await h.request('PATCH', `/api/release/${release.id}`, { json: { metadata: { notes: 'hotfix' } } });
    expect(patched.status).toBe(200);
    expect(releaseSchema.parse(patched.body).metadata).toEqual({ notes: 'hotfix' });
  });

  it('sorts by semver precedence', async () => {
    const application = h.seed.application();
    for (const semver of ['1.10.0', '1.9.0', '2.0.0-beta.1']) {
      const { build } = h.seed.build(application.id);
      h.seed.release(application.id, build.id, semver);
    }
    const list = listEnvelopeSchema(releaseSchema).parse(
      (await h.request('GET', `/api/release?application_id=${application.id}&sort=semver:desc`)).body,
    );
    expect(list.results.map((item) => item.semver)).toEqual(['2.0.0-beta.1', '1.10.0', '1.9.0']);
  });

  it('accepts a v-prefixed semver, as nullplatform sends it, and sorts it among plain versions', async () => {
    const application = h.seed.application();
    const { build } = h.seed.build(application.id);
    const created = await h.request('POST', '/api/release', {
      json: { status: 'active', build_id: build.id, application_id: application.id, semver: 'v1.0.0' },
    });
    expect(created.status).toBe(200);
    expect(releaseSchema.parse(created.body).semver).toBe('v1.0.0');
    for (const semver of ['1.9.0', 'v1.10.0', '0.9.0', 'v2.0.0-rc.1', '2.0.0']) {
      const response = await h.request('POST', '/api/release', {
        json: { status: 'active', build_id: build.id, application_id: application.id, semver },
      });
      expect(response.status, semver).toBe(200);
    }
    const semvers = async (direction: 'asc' | 'desc') =>
      listEnvelopeSchema(releaseSchema)
        .parse((await h.request('GET', `/api/release?application_id=${application.id}&sort=semver:${direction}`)).body)
        .results.map((release) => release.semver);
    expect(await semvers('desc')).toEqual(['2.0.0', 'v2.0.0-rc.1', 'v1.10.0', '1.9.0', 'v1.0.0', '0.9.0']);
    expect(await semvers('asc')).toEqual(['0.9.0', 'v1.0.0', '1.9.0', 'v1.10.0', 'v2.0.0-rc.1', '2.0.0']);
  });

  it('treats v1.2.0 and 1.2.0 as the same version (409), whichever came first', async () => {
    const application = h.seed.application();
    const { build } = h.seed.build(application.id);
    h.seed.release(application.id, build.id, '1.2.0');
    h.seed.release(application.id, build.id, 'v3.0.0');
    const before = h.count('releases');
    const post = (semver: string) =>
      h.request('POST', '/api/release', {
        json: { status: 'active', build_id: build.id, application_id: application.id, semver },
      });
    const prefixed = await post('v1.2.0');
    expect(prefixed.status).toBe(409);
    expect(messageOf(prefixed)).toBe(`release v1.2.0 already exists for application ${application.id} (as 1.2.0)`);
    const plain = await post('3.0.0');
    expect(plain.status).toBe(409);
    expect(messageOf(plain)).toBe(`release 3.0.0 already exists for application ${application.id} (as v3.0.0)`);
    expect(h.count('releases')).toBe(before);
    // The database refuses it too, should a write ever skip the check.
    expect(() => h.seed.release(application.id, build.id, 'v1.2.0')).toThrow(/UNIQUE/);
  });

  it('accepts the four release statuses in POST, PATCH and the status filter', async () => {
    const application = h.seed.application();
    const { build } = h.seed.build(application.id);
    const statuses = ['active', 'pending', 'deprecated', 'failed'] as const;
    const ids = new Map<string, number>();
    for (const [index, status] of statuses.entries()) {
      const response = await h.request('POST', '/api/release', {
        json: { status, build_id: build.id, application_id: application.id, semver: `5.0.${index}` },
      });
      expect(response.status, status).toBe(200);
      const release = releaseSchema.parse(response.body);
      expect(release.status).toBe(status);
      ids.set(status, release.id);
    }
    const byStatus = async (query: string) =>
      listEnvelopeSchema(releaseSchema)
        .parse((await h.request('GET', `/api/release?application_id=${application.id}&status=${query}`)).body)
        .results.map((release) => release.status);
    for (const status of statuses) expect(await byStatus(status)).toEqual([status]);
    expect(await byStatus('pending,failed')).toEqual(['pending', 'failed']);
    const bad = await h.request('GET', `/api/release?status=draft`);
    expect(bad.status).toBe(400);
    expect(messageOf(bad)).toBe('status: status must be among active, pending, deprecated, failed (got draft)');

    const activeId = ids.get('active') ?? 0;
    const deprecated = await h.request('PATCH', `/api/release/${activeId}`, { json: { status: 'deprecated' } });
    expect(deprecated.status).toBe(200);
    expect(releaseSchema.parse(deprecated.body).status).toBe('deprecated');
    const refused = await h.request('PATCH', `/api/release/${activeId}`, { json: { status: 'archived' } });
    expect(refused.status).toBe(400);
    expect(messageOf(refused)).toBe('status: status must be one of active, pending, deprecated, failed');
    expect(releaseSchema.parse((await h.request('GET', `/api/release/${activeId}`)).body).status).toBe('deprecated');
  });

  it('answers "Missing parameter: status" exactly, as nullplatform does', async () => {
    const application = h.seed.application();
    const { build } = h.seed.build(application.id);
    const before = h.count('releases');
    const response = await h.request('POST', '/api/release', {
      json: { build_id: build.id, application_id: application.id, semver: '1.0.0' },
    });
    expect(response.status).toBe(400);
    expect(messageOf(response)).toBe('Missing parameter: status');
    expect(h.count('releases')).toBe(before);
  });

  it('refuses bad releases with a clear message and writes nothing', async () => {
    const application = h.seed.application();
    const other = h.seed.application();
    const { build } = h.seed.build(application.id);
    const { build: otherBuild } = h.seed.build(other.id);
    const { build: running } = h.seed.build(application.id, { status: 'in_progress' });
    h.seed.release(application.id, build.id, '1.2.0');
    const body = (overrides: Record<string, unknown>) => ({
      status: 'active',
      build_id: build.id,
      application_id: application.id,
      semver: '9.9.9',
      ...overrides,
    });
    const cases: [Record<string, unknown>, number, string][] = [
      [body({ semver: '1.2.0' }), 409, `release 1.2.0 already exists for application ${application.id}`],
      [body({ semver: 'v1.3' }), 400, 'semver: semver must be a semantic version such as 1.4.0 or v1.4.0'],
      [body({ semver: 'vv1.3.0' }), 400, 'semver: semver must be a semantic version such as 1.4.0 or v1.4.0'],
      [body({ semver: 'V1.3.0' }), 400, 'semver: semver must be a semantic version such as 1.4.0 or v1.4.0'],
      [body({ semver: 'release-1' }), 400, 'semver: semver must be a semantic version such as 1.4.0 or v1.4.0'],
      [body({ status: 'draft' }), 400, 'status: status must be one of active, pending, deprecated, failed'],
      [body({ build_id: 999999 }), 404, 'build 999999 not found'],
      [body({ application_id: 999999 }), 404, 'application 999999 not found'],
      [
        body({ build_id: otherBuild.id }),
        400,
        `build ${otherBuild.id} belongs to application ${other.id}, not application ${application.id}`,
      ],
      [
        body({ build_id: running.id }),
        400,
        `build ${running.id} is in_progress; only a successful build can be released`,
      ],
      [body({ notes: 'x' }), 400, 'unknown field: notes'],
    ];
    const before = h.count('releases');
    for (const [json, status, message] of cases) {
      const response = await h.request('POST', '/api/release', { json });
      expect(response.status, message).toBe(status);
      expect(messageOf(response)).toBe(message);
    }
    expect(h.count('releases')).toBe(before);
  });

  it('answers 404 for unknown releases and refuses bad patches', async () => {
    expect((await h.request('GET', '/api/release/999999')).status).toBe(404);
    expect((await h.request('PATCH', '/api/release/999999', { json: { status: 'active' } })).status).toBe(404);
    const application = h.seed.application();
    const { build } = h.seed.build(application.id);
    const release = h.seed.release(application.id, build.id);
    const bad = await h.request('PATCH', `/api/release/${release.id}`, { json: { semver: '2.0.0' } });
    expect(bad.status).toBe(400);
    expect(messageOf(bad)).toBe('unknown field: semver');
    expect(releaseSchema.parse((await h.request('GET', `/api/release/${release.id}`)).body)).toEqual(release);
  });
});
