/**
 * The fixture keeps nullplatform's real shapes and rules: if it drifts towards np-console's own API, the journeys
 * through it stop proving anything. Real HTTP against an in-process server; each test starts from the seeded state.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { callFixture, type FixtureAnswer, fixtureToken, resetFixture } from './client';
import { type NullplatformFixture, startNullplatformFixture } from './server';
import { ids } from './world';

const API_KEY = 'fixture-test-key';
let fixture: NullplatformFixture;
let token: string;

type Row = Record<string, unknown>;

beforeAll(async () => {
  fixture = await startNullplatformFixture({ apiKey: API_KEY });
  token = await fixtureToken(fixture.url, API_KEY);
});
afterAll(async () => {
  await fixture.close();
});
beforeEach(async () => {
  await resetFixture(fixture.url, API_KEY);
});

const get = (path: string) => callFixture(fixture.url, token, 'GET', path);
const patch = (path: string, json: unknown) => callFixture(fixture.url, token, 'PATCH', path, json);
const post = (path: string, json: unknown) => callFixture(fixture.url, token, 'POST', path, json);

function row(answer: FixtureAnswer): Row {
  expect(
    typeof answer.body === 'object' && answer.body !== null && !Array.isArray(answer.body),
    JSON.stringify(answer.body),
  ).toBe(true);
  return answer.body as Row;
}
function results(answer: FixtureAnswer): Row[] {
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  const body = row(answer);
  expect(Object.keys(body).sort()).toEqual(['paging', 'results']);
  expect(Object.keys(row({ status: 200, body: body['paging'] })).sort()).toEqual(['limit', 'offset', 'total']);
  return body['results'] as Row[];
}
const keys = (value: Row) => Object.keys(value).sort();
const strategyData = (deployment: Row) => deployment['strategy_data'] as Row;

/**
 * The fields of context.json's objects (nullplatform/scopes-static-files static-files/deployment/tests/resources/
 * context.json), sorted: what the platform really sends.
 */
const CONTEXT_FIELDS = {
  account: [
    'created_at',
    'id',
    'metadata',
    'name',
    'nrn',
    'organization_id',
    'repository_prefix',
    'repository_provider',
    'settings',
    'slug',
    'status',
    'updated_at',
  ],
  application: [
    'auto_deploy_on_creation',
    'created_at',
    'id',
    'is_mono_repo',
    'messages',
    'metadata',
    'name',
    'namespace_id',
    'nrn',
    'repository_app_path',
    'repository_url',
    'settings',
    'slug',
    'status',
    'tags',
    'template_id',
    'updated_at',
  ],
  asset: ['build_id', 'id', 'metadata', 'name', 'nrn', 'platform', 'type', 'url'],
  deployment: [
    'created_at',
    'created_by',
    'deployment_group_id',
    'deployment_token',
    'expires_at',
    'external_strategy_id',
    'id',
    'messages',
    'metadata',
    'nrn',
    'parameters',
    'release_id',
    'scope_id',
    'status',
    'status_in_scope',
    'status_started_at',
    'strategy',
    'strategy_data',
    'updated_at',
    'updated_by',
  ],
  namespace: ['account_id', 'created_at', 'id', 'metadata', 'name', 'nrn', 'slug', 'status', 'updated_at'],
  release: ['application_id', 'build_id', 'created_at', 'id', 'metadata', 'nrn', 'semver', 'status', 'updated_at'],
  scope: [
    'application_id',
    'asset_name',
    'capabilities',
    'created_at',
    'dimensions',
    'domain',
    'domains',
    'external_created',
    'id',
    'instance_id',
    'messages',
    'metadata',
    'name',
    'nrn',
    'profiles',
    'provider',
    'requested_spec',
    'runtime_configurations',
    'slug',
    'status',
    'tags',
    'tier',
    'type',
    'updated_at',
  ],
};
const DETAIL_ONLY_SCOPE_FIELDS = ['active_deployment', 'current_active_deployment', 'in_progress_deployment'];

describe('POST /token and bearer tokens', () => {
  it('exchanges the key under either spelling for a JWT-shaped token of organization 1', async () => {
    for (const field of ['apikey', 'api_key']) {
      const answer = await callFixture(fixture.url, undefined, 'POST', '/token', { [field]: API_KEY });
      expect(answer.status).toBe(200);
      const body = row(answer);
      expect(keys(body)).toEqual(['access_token', 'organization_id', 'refresh_token', 'token_expires_at']);
      expect(body['organization_id']).toBe(1);
      const parts = String(body['access_token']).split('.');
      expect(parts).toHaveLength(3);
      const claims = JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8')) as Row;
      expect(claims['cognito:groups']).toContain('@nullplatform/organization=1');
      expect(typeof claims['exp']).toBe('number');
      // Epoch milliseconds, the same instant as the JWT's exp (whole seconds).
      expect(Math.abs(Number(body['token_expires_at']) - Number(claims['exp']) * 1000)).toBeLessThan(1000);
      expect(Number(body['token_expires_at'])).toBeGreaterThan(Date.now());
    }
  });

  it('refuses a wrong key, and every call without a token it issued', async () => {
    const wrong = await callFixture(fixture.url, undefined, 'POST', '/token', { apikey: 'not-the-key' });
    expect(wrong.status).toBe(401);
    expect(typeof row(wrong)['message']).toBe('string');
    for (const presented of [undefined, 'made-up.token.value']) {
      const answer = await callFixture(fixture.url, presented, 'GET', '/account?organization_id=1');
      expect(answer.status).toBe(401);
      expect(typeof row(answer)['message']).toBe('string');
    }
  });

  it('refuses a token once it has expired', async () => {
    const shortLived = await startNullplatformFixture({ apiKey: API_KEY, tokenTtlMs: 200 });
    try {
      const issued = await fixtureToken(shortLived.url, API_KEY);
      expect((await callFixture(shortLived.url, issued, 'GET', '/account?organization_id=1')).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await callFixture(shortLived.url, issued, 'GET', '/account?organization_id=1')).status).toBe(401);
    } finally {
      await shortLived.close();
    }
  });
});

describe('the real shapes', () => {
  it('serves accounts and namespaces with context.json fields, down the hierarchy', async () => {
    const accounts = results(await get('/account?organization_id=1'));
    expect(accounts.map((account) => account['id'])).toEqual([ids.accounts.playground, ids.accounts.acme]);
    expect(accounts[0]?.['name']).toBe('Playground');
    for (const account of accounts) expect(keys(account)).toEqual(CONTEXT_FIELDS.account);
    const namespaces = results(await get(`/namespace?account_id=${ids.accounts.playground}`));
    expect(namespaces.map((namespace) => namespace['id'])).toEqual([ids.namespaces.tools, ids.namespaces.payments]);
    for (const namespace of namespaces) {
      expect(keys(namespace)).toEqual(CONTEXT_FIELDS.namespace);
      expect(namespace['account_id']).toBe(ids.accounts.playground);
    }
  });

  it('serves applications with tags as an object, settings, messages and a large template_id', async () => {
    const [automation] = results(await get(`/application?namespace_id=${ids.namespaces.tools}`));
    expect(automation).toBeDefined();
    // Lists leave out metadata (GET /application/:id only).
    expect(keys(automation ?? {})).toEqual(CONTEXT_FIELDS.application.filter((field) => field !== 'metadata'));
    expect(automation?.['tags']).toEqual({});
    expect(automation?.['template_id']).toBe(1037172878);
    const detail = row(await get(`/application/${ids.applications.automation}`));
    expect(keys(detail)).toEqual(CONTEXT_FIELDS.application);
    const payments = row(await get(`/application/${ids.applications.paymentsApi}`));
    expect(payments['repository_url']).toBeNull();
    expect(payments['tags']).toEqual({ team: 'payments', 'cost-center': 'fin-01' });
  });

  it('serves builds with commit {id, permalink} and their assets on the single read', async () => {
    const builds = results(await get(`/build?application_id=${ids.applications.automation}`));
    expect(new Set(builds.map((build) => build['status']))).toEqual(new Set(['successful', 'failed', 'in_progress']));
    for (const build of builds) {
      expect(keys(row({ status: 200, body: build['commit'] }))).toEqual(['id', 'permalink']);
      expect(build['assets']).toBeUndefined();
    }
    const detail = row(await get(`/build/${ids.builds.first}`));
    const assets = detail['assets'] as Row[];
    expect(assets).toHaveLength(1);
    expect(keys(assets[0] ?? {})).toEqual(CONTEXT_FIELDS.asset);
    expect(
      results(
        await get(
          `/build?application_id=${ids.applications.automation}&commit.id=${String((detail['commit'] as Row)['id'])}`,
        ),
      ),
    ).toHaveLength(1);
  });

  it('serves releases with v-prefixed semver in four statuses', async () => {
    const releases = results(await get(`/release?application_id=${ids.applications.automation}`));
    for (const release of releases) expect(keys(release)).toEqual(CONTEXT_FIELDS.release);
    expect(releases.map((release) => release['semver'])).toContain('v1.0.0');
    expect(new Set(releases.map((release) => release['status']))).toEqual(
      new Set(['active', 'pending', 'deprecated', 'failed']),
    );
  });

  it('serves scope lists without deployments and single scopes with their deployment ids', async () => {
    const scopes = results(await get(`/scope?application_id=${ids.applications.automation}`));
    for (const scope of scopes) expect(keys(scope)).toEqual(CONTEXT_FIELDS.scope);
    const production = scopes.find((scope) => scope['id'] === ids.scopes.production);
    expect(production?.['type']).toBe('custom');
    expect(production?.['domain']).toBe('');
    expect(production?.['domains']).toEqual([]);
    expect(production?.['tags']).toEqual([]);
    expect(production?.['capabilities']).toMatchObject({
      scaling_type: 'fixed',
      fixed_instances: 2,
      visibility: 'public',
      health_check: {
        enabled: true,
        type: 'HTTP',
        path: '/health',
        period_seconds: 10,
        timeout_seconds: 5,
        initial_delay_seconds: 30,
      },
    });
    const legacy = scopes.find((scope) => scope['type'] === 'web_pool_k8s');
    expect(legacy?.['capabilities']).toMatchObject({
      visibility: { reachability: 'public' },
      memory: { memory_in_gb: 1 },
      health_check: { configuration: { timeout: 2, interval: 10 } },
    });
    expect((legacy?.['domains'] as Row[])[0]).toHaveProperty('name');

    const detail = row(await get(`/scope/${ids.scopes.production}`));
    expect(keys(detail)).toEqual([...CONTEXT_FIELDS.scope, ...DETAIL_ONLY_SCOPE_FIELDS].sort());
    expect(detail['active_deployment']).toBe(ids.deployments.productionInitial);
    expect(detail['current_active_deployment']).toBe(ids.deployments.productionInitial);
    expect(detail['in_progress_deployment']).toBe(ids.deployments.blueGreenRunning);
    expect(row(await get(`/scope/${ids.scopes.development}`))['in_progress_deployment']).toBeNull();
  });

  it('serves deployments without application_id, with messages only when asked', async () => {
    const deployments = results(await get(`/deployment?application_id=${ids.applications.automation}`));
    expect(deployments).toHaveLength(10);
    for (const deployment of deployments) {
      expect(keys(deployment)).toEqual(CONTEXT_FIELDS.deployment);
      expect(deployment['messages']).toEqual([]);
    }
    const createdBy = new Set(
      deployments.map((deployment) => (deployment['created_by'] === null ? 'null' : typeof deployment['created_by'])),
    );
    expect(createdBy).toEqual(new Set(['number', 'null']));
    const byId = (id: number) => deployments.find((deployment) => deployment['id'] === id) ?? {};

    const initial = byId(ids.deployments.developmentInitial);
    expect(initial).toMatchObject({ strategy: 'initial', status: 'finalized', expires_at: null });
    expect(strategyData(initial)).toEqual({
      parameters: {
        metrics: { enabled: false, rules: [] },
        traffic: { enable_auto_switch: false, interval: 10, step: '0.1' },
      },
    });
    expect(strategyData(byId(ids.deployments.blueGreenRunning))).toMatchObject({
      desired_switched_traffic: 20,
      switched_traffic: 20,
      parameters: {},
    });
    expect(byId(ids.deployments.canary)).toMatchObject({ strategy: 'canary', status: 'running' });
    expect(byId(ids.deployments.awaitingApproval)['status']).toBe('creating_approval');
    expect(byId(ids.deployments.rolledBack)).toMatchObject({ strategy: 'blue_green', status: 'rolled_back' });
    expect(byId(ids.deployments.failed)['status']).toBe('failed');

    const withMessages = row(await get(`/deployment/${ids.deployments.failed}?include_messages=true`));
    const messages = withMessages['messages'] as Row[];
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) {
      expect(keys(message)).toEqual(['level', 'message', 'timestamp']);
      expect(typeof message['timestamp']).toBe('number');
    }
    expect(row(await get(`/deployment/${ids.deployments.failed}`))['messages']).toEqual([]);
  });
});

describe('list queries', () => {
  it('refuses undocumented parameters with 403 "Insufficient permissions"', async () => {
    for (const path of [
      `/application?namespace_id=${ids.namespaces.tools}&name=Automation`,
      `/release?application_id=${ids.applications.automation}&semver=v1.0.0`,
      `/deployment?scope_id=${ids.scopes.production}&nrn=organization%3D1`,
      `/scope?application_id=${ids.applications.automation}&provider=x`,
      `/application/${ids.applications.automation}?include=metadata`,
    ]) {
      const answer = await get(path);
      expect(answer.status, path).toBe(403);
      expect(answer.body).toEqual({ message: 'Insufficient permissions' });
    }
  });

  it('caps limit at 100 and needs the parent of accounts, namespaces and applications', async () => {
    expect((await get(`/build?application_id=${ids.applications.automation}&limit=100`)).status).toBe(200);
    expect((await get(`/build?application_id=${ids.applications.automation}&limit=101`)).status).toBe(400);
    for (const path of ['/account', '/namespace', '/application']) {
      const answer = await get(path);
      expect(answer.status, path).toBe(400);
      expect(typeof row(answer)['message']).toBe('string');
    }
    const elevenScopes = Array.from({ length: 11 }, (_, index) => index + 1).join(',');
    expect((await get(`/deployment?scope_id=${elevenScopes}`)).status).toBe(400);
  });

  it('pages, filters by comma-separated values and sorts', async () => {
    const path = `/deployment?scope_id=${ids.scopes.production},${ids.scopes.staging}&sort=created_at:desc&limit=2&offset=1`;
    const answer = await get(path);
    const page = results(answer);
    expect(row(answer)['paging']).toEqual({ total: 5, offset: 1, limit: 2 });
    expect(page.map((deployment) => deployment['id'])).toEqual([ids.deployments.failed, ids.deployments.rolledBack]);
  });

  it('answers 404 {message} for an unknown id', async () => {
    for (const resource of ['account', 'namespace', 'application', 'build', 'release', 'scope', 'deployment']) {
      const answer = await get(`/${resource}/999`);
      expect(answer.status, resource).toBe(404);
      expect(typeof row(answer)['message']).toBe('string');
    }
  });
});

describe('PATCH /deployment/:id', () => {
  const read = async (id: number) => row(await get(`/deployment/${id}`));

  it('moves traffic on a running blue/green deployment; switched_traffic follows on a later read', async () => {
    const id = ids.deployments.blueGreenRunning;
    expect((await patch(`/deployment/${id}`, { strategy_data: { desired_switched_traffic: 30 } })).status).toBe(204);
    expect(strategyData(await read(id))).toMatchObject({ desired_switched_traffic: 30, switched_traffic: 20 });
    expect(strategyData(await read(id))).toMatchObject({ desired_switched_traffic: 30, switched_traffic: 30 });
    expect((await patch(`/deployment/${id}`, { strategy_data: { desired_switched_traffic: 101 } })).status).toBe(400);
  });

  it('refuses traffic changes outside running and waiting_for_instances', async () => {
    for (const id of [ids.deployments.developmentInitial, ids.deployments.rolledBack, ids.deployments.failed]) {
      const answer = await patch(`/deployment/${id}`, { strategy_data: { desired_switched_traffic: 50 } });
      expect(answer.status).toBe(400);
      expect(typeof row(answer)['message']).toBe('string');
    }
  });

  it('finalizes: finalizing once, then finalized with all the traffic, and the scope points at it', async () => {
    const id = ids.deployments.blueGreenRunning;
    expect((await patch(`/deployment/${id}`, { status: 'finalizing' })).status).toBe(204);
    expect((await read(id))['status']).toBe('finalizing');
    const finalized = await read(id);
    expect(finalized['status']).toBe('finalized');
    expect(finalized['status_in_scope']).toBe('active');
    expect(strategyData(finalized)).toMatchObject({ switched_traffic: 100 });
    const scope = row(await get(`/scope/${ids.scopes.production}`));
    expect(scope).toMatchObject({ active_deployment: id, current_active_deployment: id, in_progress_deployment: null });
    expect((await read(ids.deployments.productionInitial))['status_in_scope']).toBe('inactive');
  });

  it('cancels: cancelling once, then rolled_back with the traffic back on the old release', async () => {
    const id = ids.deployments.blueGreenRunning;
    expect((await patch(`/deployment/${id}`, { status: 'cancelling' })).status).toBe(204);
    expect((await read(id))['status']).toBe('cancelling');
    const rolledBack = await read(id);
    expect(rolledBack['status']).toBe('rolled_back');
    expect(strategyData(rolledBack)).toMatchObject({ switched_traffic: 0 });
    expect(row(await get(`/scope/${ids.scopes.production}`))['active_deployment']).toBe(
      ids.deployments.productionInitial,
    );
  });

  it('refuses any change to a canary deployment or one in a status it cannot leave by request', async () => {
    for (const id of [ids.deployments.canary, ids.deployments.awaitingApproval]) {
      for (const body of [
        { status: 'finalizing' },
        { status: 'cancelling' },
        { strategy_data: { desired_switched_traffic: 50 } },
      ]) {
        const answer = await patch(`/deployment/${id}`, body);
        expect(answer.status, `${id} ${JSON.stringify(body)}`).toBe(400);
        expect(typeof row(answer)['message']).toBe('string');
      }
    }
    expect((await patch(`/deployment/${ids.deployments.blueGreenRunning}`, { status: 'rolling_back' })).status).toBe(
      400,
    );
  });
});

describe('POST /release and POST /deployment', () => {
  it('needs a status to create a release', async () => {
    const body = { application_id: ids.applications.automation, build_id: ids.builds.metrics, semver: 'v1.3.0' };
    const missing = await post('/release', body);
    expect(missing).toEqual({ status: 400, body: { message: 'Missing parameter: status' } });
    const created = await post('/release', { ...body, status: 'active' });
    expect(created.status).toBe(200);
    expect(keys(row(created))).toEqual(CONTEXT_FIELDS.release);
  });

  it('refuses a second deployment while one is in flight, and a release of another application', async () => {
    const busy = await post('/deployment', { scope_id: ids.scopes.chile, release_id: ids.releases.v110 });
    expect(busy.status).toBe(400);
    expect(String(row(busy)['message'])).toContain('already a running deployment');
    const foreign = await post('/deployment', {
      scope_id: ids.scopes.development,
      release_id: ids.releases.paymentsV230,
    });
    expect(foreign.status).toBe(400);
  });

  it('creates a blue/green deployment where one is active, moving creating → waiting_for_instances → running on reads', async () => {
    const created = await post('/deployment', { scope_id: ids.scopes.development, release_id: ids.releases.v110 });
    expect(created.status).toBe(200);
    const deployment = row(created);
    expect(keys(deployment)).toEqual(CONTEXT_FIELDS.deployment);
    expect(deployment).toMatchObject({ status: 'creating', strategy: 'blue_green', status_in_scope: 'inactive' });
    const id = Number(deployment['id']);
    const statuses = [];
    for (let read = 0; read < 4; read++) statuses.push((await get(`/deployment/${id}`)).body);
    expect(statuses.map((seen) => (seen as Row)['status'])).toEqual([
      'creating',
      'waiting_for_instances',
      'running',
      'running',
    ]);
    expect(strategyData(statuses[3] as Row)).toMatchObject({ desired_switched_traffic: 0, switched_traffic: 0 });
    expect(row(await get(`/scope/${ids.scopes.development}`))['in_progress_deployment']).toBe(id);
  });

  it('creates an initial deployment on a scope that never had one; cancelling it ends cancelled', async () => {
    const created = row(
      await post('/deployment', { scope_id: ids.scopes.sandbox, release_id: ids.releases.paymentsV230 }),
    );
    expect(created['strategy']).toBe('initial');
    const id = Number(created['id']);
    await get(`/deployment/${id}`);
    expect((await patch(`/deployment/${id}`, { status: 'cancelling' })).status).toBe(204);
    expect((await get(`/deployment/${id}`)).body).toMatchObject({ status: 'cancelling' });
    expect((await get(`/deployment/${id}`)).body).toMatchObject({ status: 'cancelled' });
  });
});

describe('deployment strategies (terraform provider deployment_strategy.go fields; docs examples)', () => {
  const STRATEGY_FIELDS = [
    'created_at',
    'created_by',
    'description',
    'dimensions',
    'id',
    'name',
    'nrn',
    'parameters',
    'scope_type_ids',
    'updated_at',
    'updated_by',
  ];
  const productionNrn = async () => String(row(await get(`/scope/${ids.scopes.production}`))['nrn']);

  it("lists the strategies that apply at a scope's NRN, with the provider's fields and a JSON-schema parameters", async () => {
    const nrn = await productionNrn();
    const listed = results(await get(`/deployment_strategy?nrn=${encodeURIComponent(nrn)}`));
    expect(listed.map((strategy) => strategy['id'])).toEqual([
      ids.strategies.blueGreenRollback,
      ids.strategies.allIn,
      ids.strategies.productionArgentina,
    ]);
    for (const strategy of listed) {
      expect(keys(strategy)).toEqual(STRATEGY_FIELDS);
      expect(typeof strategy['created_by']).toBe('string');
      expect(strategy['scope_type_ids']).toEqual([]);
      const parameters = strategy['parameters'] as Row;
      expect(parameters).toMatchObject({
        type: 'object',
        title: 'Deployment strategy parameters',
        uiSchema: { type: 'VerticalLayout' },
      });
      expect(keys(parameters['properties'] as Row)).toEqual(['metrics', 'traffic']);
    }
    // The docs' example, and the strategy context.json's deployment points at (external_strategy_id 10).
    expect(listed[0]).toMatchObject({
      name: 'Blue-Green with HTTP error rollback',
      nrn: 'organization=1:account=2',
      dimensions: { environment: 'staging' },
    });
    expect(results(await get('/deployment_strategy')).map((strategy) => strategy['id'])).toContain(
      ids.strategies.acmeCareful,
    );
    expect(row(await get(`/deployment_strategy/${ids.strategies.blueGreenRollback}`))['name']).toBe(
      'Blue-Green with HTTP error rollback',
    );
  });

  it('refuses what it does not know and writes nothing', async () => {
    expect((await get('/deployment_strategy?nrn=account%3D2')).status).toBe(400);
    expect(await get('/deployment_strategy?dimensions=x')).toEqual({
      status: 403,
      body: { message: 'Insufficient permissions' },
    });
    expect((await get('/deployment_strategy/999')).status).toBe(404);
    expect((await post('/deployment_strategy', { name: 'x', parameters: {} })).status).toBe(405);
  });
});

describe('telemetry (nullplatform/workflows deploy-metrics.yaml reads results[].data[].value)', () => {
  const path = (metric: string, query: string) =>
    `/telemetry/application/${ids.applications.automation}/metric/${metric}?${query}`;

  it('answers one value per period over the minutes asked, and nothing else per point', async () => {
    const answer = await get(path('http.error_rate', `scope_id=${ids.scopes.production}&minutes=5&period=60`));
    expect(answer.status).toBe(200);
    const body = row(answer);
    expect(keys(body)).toEqual(['results']);
    const [series] = body['results'] as Row[];
    const data = (series?.['data'] ?? []) as Row[];
    expect(data).toHaveLength(5);
    for (const point of data) {
      expect(keys(point)).toEqual(['value']);
      expect(typeof point['value']).toBe('number');
    }
    expect(
      (
        (
          row(await get(path('http.rpm', `scope_id=${ids.scopes.production}&minutes=15&period=60`)))['results'] as Row[]
        )[0]?.['data'] as Row[]
      ).length,
    ).toBe(15);
  });

  it('needs a scope of the application and a known metric; other parameters are refused', async () => {
    const production = `scope_id=${ids.scopes.production}`;
    expect((await get(path('http.rpm', 'minutes=5'))).body).toEqual({ message: 'Missing parameter: scope_id' });
    expect((await get(path('http.rpm', `scope_id=${ids.scopes.sandbox}`))).status).toBe(400);
    expect((await get(path('http.nope', production))).status).toBe(400);
    expect((await get(path('http.rpm', `${production}&minutes=61`))).status).toBe(400);
    expect((await get(path('http.rpm', `${production}&deployment_id=1`))).status).toBe(403);
    expect((await get(`/telemetry/application/999/metric/http.rpm?${production}`)).status).toBe(404);
    expect((await post(path('http.rpm', production), {})).status).toBe(405);
  });
});

describe("a deployment's strategy parameters", () => {
  const parameters = {
    traffic: { enable_auto_switch: true, step: '0.25', interval: 5 },
    metrics: { enabled: true, rules: [{ metric: 'http.error_rate', operation: 'greater_than', threshold: 0.1 }] },
  };

  it('are kept as sent on POST /deployment, where context.json shows them', async () => {
    const created = row(
      await post('/deployment', {
        scope_id: ids.scopes.development,
        release_id: ids.releases.v110,
        strategy_data: { parameters },
      }),
    );
    expect(strategyData(row(await get(`/deployment/${String(created['id'])}`)))['parameters']).toEqual(parameters);
  });

  it('other strategy_data on POST is refused, and nothing is created', async () => {
    const before = results(await get(`/deployment?scope_id=${ids.scopes.development}`)).length;
    for (const strategy_data of [
      { desired_switched_traffic: 50 },
      { parameters: { traffic: { enable_auto_switch: true, step: '2', interval: 5 } } },
      { parameters: 'fast' },
    ]) {
      const answer = await post('/deployment', {
        scope_id: ids.scopes.development,
        release_id: ids.releases.v110,
        strategy_data,
      });
      expect(answer.status, JSON.stringify(strategy_data)).toBe(400);
      expect(typeof row(answer)['message']).toBe('string');
    }
    expect(results(await get(`/deployment?scope_id=${ids.scopes.development}`))).toHaveLength(before);
  });

  it('pause and resume a running blue/green deployment with enable_auto_switch, and nothing else', async () => {
    const id = ids.deployments.blueGreenRunning;
    const autoSwitch = async () =>
      ((strategyData(row(await get(`/deployment/${id}`)))['parameters'] as Row)['traffic'] as Row)[
        'enable_auto_switch'
      ];
    for (const enabled of [true, false]) {
      expect(
        (
          await patch(`/deployment/${id}`, {
            strategy_data: { parameters: { traffic: { enable_auto_switch: enabled } } },
          })
        ).status,
      ).toBe(204);
      expect(await autoSwitch()).toBe(enabled);
    }
    expect(
      (
        await patch(`/deployment/${id}`, {
          strategy_data: { parameters: { traffic: { enable_auto_switch: true, step: '0.5' } } },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await patch(`/deployment/${ids.deployments.rolledBack}`, {
          strategy_data: { parameters: { traffic: { enable_auto_switch: true } } },
        })
      ).status,
    ).toBe(400);
    expect(await autoSwitch()).toBe(false);
  });
});
