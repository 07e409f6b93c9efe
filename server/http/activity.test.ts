/**
 * The audit trail over HTTP, with tokens required and named keys (NP_CONSOLE_API_KEYS=alice:…,ci:…): every kind of
 * write leaves an entry naming the key's name, what changed from → to, and the reason a client gave; refused
 * requests leave nothing. Deployments are put into `running` straight through the store where a test needs it (no
 * engine here): those writes have no actor and leave no entry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type ActivityEntry, activityEntrySchema, actorListSchema } from '@contract/activity';
import { listEnvelopeSchema } from '@contract/common';
import { deploymentSchema } from '@contract/deployment';
import { tokenResponseSchema } from '@contract/token';
import { Secret } from '../secret';
import { type Harness, messageOf, startHarness } from '../testing/http-harness';
import { LocalTokenIssuer } from './tokens';

let h: Harness;
let alice: string;
let ci: string;

beforeAll(async () => {
  h = await startHarness({
    app: {
      tokens: new LocalTokenIssuer({
        apiKeys: [
          { name: 'alice', key: new Secret('key-of-alice') },
          { name: 'ci', key: new Secret('key-of-ci') },
        ],
      }),
      requireToken: true,
    },
  });
  alice = await tokenFor('key-of-alice');
  ci = await tokenFor('key-of-ci');
});
afterAll(async () => {
  await h.close();
});

async function tokenFor(apiKey: string): Promise<string> {
  const response = await h.request('POST', '/api/token', { json: { api_key: apiKey } });
  expect(response.status).toBe(200);
  return tokenResponseSchema.parse(response.body).access_token;
}

const as = (token: string) => ({ authorization: `Bearer ${token}` });

async function send(token: string, method: string, path: string, json?: unknown) {
  return h.request(method, path, { headers: as(token), ...(json === undefined ? {} : { json }) });
}

async function created(token: string, path: string, json: unknown): Promise<number> {
  const response = await send(token, 'POST', path, json);
  expect(response.status, response.text).toBe(200);
  const body = response.body;
  if (typeof body !== 'object' || body === null || !('id' in body) || typeof body.id !== 'number')
    throw new Error(`no id in ${response.text}`);
  return body.id;
}

async function feed(query: string, token = alice) {
  const response = await h.request('GET', `/console/activity${query}`, { headers: as(token) });
  expect(response.status, response.text).toBe(200);
  return listEnvelopeSchema(activityEntrySchema).parse(response.body);
}

function summary(entry: ActivityEntry): string {
  return `${entry.actor.name} ${entry.action} ${entry.entity.kind}`;
}

/** An application with a successful build (with an asset), a release and a scope, made by `token`'s key. */
async function world(token: string, commit = 'a1b2c3d4') {
  const applicationId = await created(token, '/api/application', {
    name: `audited-${Math.random().toString(36).slice(2, 8)}`,
    namespace_id: 1,
  });
  const buildId = await created(token, '/api/build', {
    application_id: applicationId,
    status: 'in_progress',
    branch: 'main',
    commit: { id: commit },
  });
  expect((await send(token, 'PATCH', `/api/build/${buildId}`, { status: 'successful' })).status).toBe(200);
  await created(token, `/api/build/${buildId}/asset`, { name: 'main', type: 'docker-image', url: h.runnableAssetUrl });
  const releaseId = await created(token, '/api/release', {
    status: 'active',
    build_id: buildId,
    application_id: applicationId,
    semver: '1.0.0',
  });
  const scopeId = await created(token, '/api/scope', { application_id: applicationId, name: 'production' });
  return { applicationId, buildId, releaseId, scopeId };
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} not found`);
  return value;
}

/** A running blue/green deployment of a second release, the first one serving (set up without an actor). */
async function runningBlueGreen(token: string, extra: Record<string, unknown> = {}) {
  const app = await world(token);
  const scope = must(h.store.scopes.get(app.scopeId), 'scope');
  const first = h.seed.deployment(scope, must(h.store.releases.get(app.releaseId), 'release'));
  h.seed.activate(first);
  const buildId = await created(token, '/api/build', {
    application_id: app.applicationId,
    status: 'successful',
    branch: 'main',
    commit: { id: 'e5f6a7b8' },
  });
  await created(token, `/api/build/${buildId}/asset`, { name: 'main', type: 'docker-image', url: h.runnableAssetUrl });
  const releaseId = await created(token, '/api/release', {
    status: 'active',
    build_id: buildId,
    application_id: app.applicationId,
    semver: '1.1.0',
  });
  const deploymentId = await created(token, '/api/deployment', {
    scope_id: app.scopeId,
    release_id: releaseId,
    ...extra,
  });
  h.store.write((tx) => tx.deployments.update(deploymentId, { status: 'running' }));
  return { ...app, deploymentId, activeId: first.id };
}

async function deployment(id: number) {
  return deploymentSchema.parse((await send(alice, 'GET', `/api/deployment/${id}?include_messages=true`)).body);
}

describe('the audit trail of every kind of write', () => {
  it('names the key of the token, what was done to which entity, and from → to', async () => {
    const app = await world(alice, 'c0ffee01');
    expect(
      (
        await send(alice, 'PATCH', `/api/application/${app.applicationId}`, {
          repository_url: 'https://github.com/acme/shop',
        })
      ).status,
    ).toBe(200);
    const assetId = await created(alice, '/api/asset', {
      build_id: app.buildId,
      name: 'extra',
      type: 'bundle',
      url: 'https://example.com/extra.tgz',
    });
    expect((await send(alice, 'PATCH', `/api/release/${app.releaseId}`, { status: 'deprecated' })).status).toBe(200);
    expect((await send(ci, 'PATCH', `/api/scope/${app.scopeId}`, { tier: 'critical' })).status).toBe(200);
    const spareScope = await created(alice, '/api/scope', { application_id: app.applicationId, name: 'spare' });
    expect((await send(ci, 'DELETE', `/api/scope/${spareScope}`)).status).toBe(204);
    const strategyId = await created(alice, '/api/deployment_strategy', {
      name: 'Careful',
      parameters: { traffic: { enable_auto_switch: true, step: '0.1', interval: 30 } },
    });

    const entries = (await feed(`?application_id=${app.applicationId}&limit=100`)).results;
    // Newest first: the oldest write is last.
    expect(entries.map(summary).reverse()).toEqual([
      'alice create application',
      'alice create build',
      'alice update build',
      'alice create asset',
      'alice create release',
      'alice create scope',
      'alice update application',
      'alice create asset',
      'alice update release',
      'ci update scope',
      'alice create scope',
      'ci delete scope',
    ]);
    const byAction = (action: string, kind: string) =>
      entries.find((entry) => entry.action === action && entry.entity.kind === kind);
    expect(byAction('update', 'build')?.changes).toEqual([{ field: 'status', from: 'in_progress', to: 'successful' }]);
    expect(byAction('update', 'application')?.changes).toEqual([
      { field: 'repository_url', from: null, to: 'https://github.com/acme/shop' },
    ]);
    expect(byAction('create', 'release')?.changes).toEqual([
      { field: 'semver', from: null, to: '1.0.0' },
      { field: 'build_id', from: null, to: app.buildId },
      { field: 'status', from: null, to: 'active' },
    ]);
    expect(entries.find((entry) => entry.entity.kind === 'asset' && entry.entity.id === assetId)).toMatchObject({
      action: 'create',
      application_id: app.applicationId,
    });
    expect(byAction('update', 'scope')).toMatchObject({
      scope_id: app.scopeId,
      changes: [{ field: 'tier', from: null, to: 'critical' }],
    });
    expect(byAction('delete', 'scope')).toMatchObject({
      scope_id: spareScope,
      changes: [{ field: 'status', from: 'active', to: 'deleting' }],
    });

    // Not tied to an application: the strategy and the token exchanges, found by actor and action.
    expect(
      (await feed('?action=create&actor=alice&limit=100')).results.find(
        (entry) => entry.entity.kind === 'deployment_strategy',
      ),
    ).toMatchObject({
      entity: { id: strategyId },
      changes: [{ field: 'name', from: null, to: 'Careful' }],
    });
    const tokens = (await feed('?action=issue_token')).results;
    expect(tokens.map((entry) => entry.actor.name).sort()).toEqual(['alice', 'ci']);
    expect(JSON.stringify(tokens)).not.toContain('key-of-');
  });

  it('records deployments: create, traffic moves, pausing the steps and status requests, with created_by/updated_by as numbers', async () => {
    const run = await runningBlueGreen(alice);
    expect(
      (
        await send(ci, 'PATCH', `/api/deployment/${run.deploymentId}`, {
          strategy_data: { desired_switched_traffic: 30 },
        })
      ).status,
    ).toBe(204);
    expect((await send(alice, 'PATCH', `/api/deployment/${run.deploymentId}`, { status: 'cancelling' })).status).toBe(
      204,
    );

    const entries = (await feed(`?deployment_id=${run.deploymentId}`)).results;
    expect(entries.map(summary)).toEqual([
      'alice cancel deployment',
      'ci traffic deployment',
      'alice create deployment',
    ]);
    expect(entries[0]?.changes).toEqual([{ field: 'status', from: 'running', to: 'cancelling' }]);
    expect(entries[1]?.changes).toEqual([{ field: 'strategy_data.desired_switched_traffic', from: 0, to: 30 }]);
    expect(entries[2]).toMatchObject({ scope_id: run.scopeId, application_id: run.applicationId });
    expect(entries[2]?.changes).toEqual(
      expect.arrayContaining([
        { field: 'release_id', from: null, to: expect.any(Number) },
        { field: 'strategy', from: null, to: 'blue_green' },
        { field: 'status', from: null, to: 'creating' },
      ]),
    );

    const actors = actorListSchema.parse((await send(alice, 'GET', '/console/actors')).body).results;
    const idOf = (name: string) => actors.find((actor) => actor.name === name)?.id;
    expect(actors.find((actor) => actor.name === 'alice')).toMatchObject({ kind: 'api_key' });
    const after = await deployment(run.deploymentId);
    expect(after.created_by).toBe(idOf('alice'));
    expect(after.updated_by).toBe(idOf('alice'));
    expect(typeof after.created_by).toBe('number');
    expect(idOf('alice')).not.toBe(idOf('ci'));
    // The scope feed has the deployment's entries too.
    expect((await feed(`?scope_id=${run.scopeId}&action=traffic`)).results.map(summary)).toEqual([
      'ci traffic deployment',
    ]);
  });

  it('names pausing and resuming the automatic steps', async () => {
    const { deploymentId } = await runningBlueGreen(alice, {
      strategy_data: { parameters: { traffic: { enable_auto_switch: true, step: '0.1', interval: 30 } } },
    });
    const toggle = (enabled: boolean) =>
      send(alice, 'PATCH', `/api/deployment/${deploymentId}`, {
        strategy_data: { parameters: { traffic: { enable_auto_switch: enabled } } },
      });
    expect((await toggle(false)).status).toBe(204);
    expect((await toggle(true)).status).toBe(204);
    const entries = (await feed(`?deployment_id=${deploymentId}`)).results;
    expect(entries.slice(0, 2).map((entry) => entry.action)).toEqual(['resume_auto_switch', 'pause_auto_switch']);
    expect(entries[1]?.changes).toEqual([
      { field: 'strategy_data.parameters.traffic.enable_auto_switch', from: true, to: false },
    ]);
  });
});

describe('a reason', () => {
  it('round-trips: kept in the feed entry and told in the deployment messages', async () => {
    const run = await runningBlueGreen(alice);
    const reason = 'Error rate back to normal after the cache fix; customers confirmed.';
    expect(
      (
        await send(alice, 'PATCH', `/api/deployment/${run.deploymentId}`, {
          strategy_data: { desired_switched_traffic: 50 },
          reason: 'half, to watch it',
        })
      ).status,
    ).toBe(204);
    expect(
      (await send(alice, 'PATCH', `/api/deployment/${run.deploymentId}`, { status: 'finalizing', reason })).status,
    ).toBe(204);

    const entries = (await feed(`?deployment_id=${run.deploymentId}&limit=2`)).results;
    expect(entries.map((entry) => [entry.action, entry.reason])).toEqual([
      ['finalize', reason],
      ['traffic', 'half, to watch it'],
    ]);
    const messages = (await deployment(run.deploymentId)).messages?.map((message) => message.message) ?? [];
    expect(messages).toContain(`reason (alice): ${reason}`);
    expect(messages).toContain('reason (alice): half, to watch it');
    expect(messages.indexOf(`reason (alice): ${reason}`)).toBeGreaterThan(
      messages.findIndex((message) => message.includes('running → finalizing')),
    );
  });

  it('longer than 500 characters is a 400 naming the field, and nothing is written', async () => {
    const run = await runningBlueGreen(alice);
    const before = await deployment(run.deploymentId);
    const entriesBefore = h.count('activity');
    for (const body of [
      { status: 'finalizing', reason: 'x'.repeat(501) },
      { strategy_data: { desired_switched_traffic: 40 }, reason: 'y'.repeat(2000) },
      { status: 'cancelling', reason: 42 },
    ]) {
      const response = await send(alice, 'PATCH', `/api/deployment/${run.deploymentId}`, body);
      expect(response.status).toBe(400);
      expect(messageOf(response)).toMatch(/^reason: reason must be (at most 500 characters|a string)$/);
    }
    expect(h.count('activity')).toBe(entriesBefore);
    const after = await deployment(run.deploymentId);
    expect(after.status).toBe('running');
    expect(after.strategy_data).toEqual(before.strategy_data);
    expect(after.messages).toEqual(before.messages);
    // Exactly 500 is accepted.
    expect(
      (
        await send(alice, 'PATCH', `/api/deployment/${run.deploymentId}`, {
          status: 'finalizing',
          reason: 'z'.repeat(500),
        })
      ).status,
    ).toBe(204);
    expect((await feed(`?deployment_id=${run.deploymentId}&limit=1`)).results[0]?.reason).toHaveLength(500);
  });

  it('is refused where the body has no such field', async () => {
    const response = await send(alice, 'POST', '/api/application', {
      name: 'with-reason',
      namespace_id: 1,
      reason: 'because',
    });
    expect(response.status).toBe(400);
    expect(messageOf(response)).toBe('unknown field: reason');
  });
});

describe('refused requests', () => {
  it('leave no entry', async () => {
    const run = await runningBlueGreen(alice);
    const entriesBefore = h.count('activity');
    expect(
      (
        await send(alice, 'PATCH', `/api/deployment/${run.deploymentId}`, {
          strategy_data: { desired_switched_traffic: 150 },
        })
      ).status,
    ).toBe(400);
    expect(
      (await send(alice, 'PATCH', '/api/deployment/999999', { status: 'finalizing', reason: 'nothing there' })).status,
    ).toBe(404);
    expect(
      (await send(alice, 'POST', '/api/deployment', { scope_id: run.scopeId, release_id: run.releaseId })).status,
    ).toBe(409);
    expect((await h.request('POST', '/api/application', { json: { name: 'anonymous', namespace_id: 1 } })).status).toBe(
      401,
    );
    expect((await h.request('POST', '/api/token', { json: { api_key: 'not-a-key' } })).status).toBe(401);
    expect(h.count('activity')).toBe(entriesBefore);
  });
});

describe('GET /console/activity', () => {
  it('pages newest first, filters by actor and action, and refuses bad parameters', async () => {
    const app = await world(ci);
    for (const tier of ['a', 'b', 'c'])
      expect((await send(alice, 'PATCH', `/api/scope/${app.scopeId}`, { tier })).status).toBe(200);
    const all = await feed(`?scope_id=${app.scopeId}`);
    expect(all.paging).toEqual({ total: 4, offset: 0, limit: 20 });
    expect(all.results.map((entry) => entry.changes[0]?.to)).toEqual(['c', 'b', 'a', 'production']);
    const page = await feed(`?scope_id=${app.scopeId}&limit=2&offset=1`);
    expect(page.paging).toEqual({ total: 4, offset: 1, limit: 2 });
    expect(page.results.map((entry) => entry.id)).toEqual(all.results.slice(1, 3).map((entry) => entry.id));
    expect((await feed(`?scope_id=${app.scopeId}&actor=ci`)).results.map(summary)).toEqual(['ci create scope']);
    expect((await feed(`?application_id=${app.applicationId}&action=create,update&actor=alice`)).paging.total).toBe(3);
    expect((await feed('?actor=nobody')).results).toEqual([]);

    for (const [query, message] of [
      ['?limit=0', 'limit: limit must be at least 1'],
      ['?limit=101', 'limit: limit must be at most 100'],
      ['?action=explode', /^action: action must be among create, update/],
      ['?scope_id=abc', 'scope_id: scope_id must be a positive integer id'],
      ['?colour=red', 'unknown query parameter: colour'],
    ] as const) {
      const response = await h.request('GET', `/console/activity${query}`, { headers: as(alice) });
      expect(response.status).toBe(400);
      if (typeof message === 'string') expect(messageOf(response)).toBe(message);
      else expect(messageOf(response)).toMatch(message);
    }
  });

  it('needs a token like the API when tokens are required', async () => {
    expect((await h.request('GET', '/console/activity')).status).toBe(401);
    expect((await h.request('GET', '/console/actors')).status).toBe(401);
  });
});

describe('without tokens required', () => {
  it("records the console's own user, local", async () => {
    const open = await startHarness();
    try {
      const response = await open.request('POST', '/api/application', {
        json: { name: 'by-the-console', namespace_id: 1 },
      });
      expect(response.status).toBe(200);
      const entries = listEnvelopeSchema(activityEntrySchema).parse(
        (await open.request('GET', '/console/activity')).body,
      ).results;
      expect(entries.map(summary)).toEqual(['local create application']);
      expect(entries[0]?.actor.kind).toBe('console');
    } finally {
      await open.close();
    }
  });
});
