import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { listEnvelopeSchema } from '../../contract/common';
import { releaseSchema } from '../../contract/release';
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
    expect(release).toMatchObject({ build_id: build.id, application_id: application.id, semver: '1.4.0', status: 'active' });
    expect(releaseSchema.parse((await h.request('GET', `/api/release/${release.id}`)).body)).toEqual(release);
    const list = listEnvelopeSchema(releaseSchema).parse((await h.request('GET', `/api/release?application_id=${application.id}`)).body);
    expect(list.results.map((item) => item.id)).toEqual([release.id]);
    const byBuild = listEnvelopeSchema(releaseSchema).parse((await h.request('GET', `/api/release?build_id=${build.id}&semver=1.4.0`)).body);
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

  it('answers "Missing parameter: status" exactly, as nullplatform does', async () => {
    const application = h.seed.application();
    const { build } = h.seed.build(application.id);
    const before = h.count('releases');
    const response = await h.request('POST', '/api/release', { json: { build_id: build.id, application_id: application.id, semver: '1.0.0' } });
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
    const body = (overrides: Record<string, unknown>) => ({ status: 'active', build_id: build.id, application_id: application.id, semver: '9.9.9', ...overrides });
    const cases: [Record<string, unknown>, number, string][] = [
      [body({ semver: '1.2.0' }), 409, `release 1.2.0 already exists for application ${application.id}`],
      [body({ semver: 'v1.3' }), 400, 'semver: semver must be a semantic version such as 1.4.0'],
      [body({ status: 'draft' }), 400, 'status: status must be active'],
      [body({ build_id: 999999 }), 404, 'build 999999 not found'],
      [body({ application_id: 999999 }), 404, 'application 999999 not found'],
      [body({ build_id: otherBuild.id }), 400, `build ${otherBuild.id} belongs to application ${other.id}, not application ${application.id}`],
      [body({ build_id: running.id }), 400, `build ${running.id} is in_progress; only a successful build can be released`],
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
