import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { consoleInfoSchema, type ScopeRuntime, scopeRuntimeSchema, scopeTrafficSchema } from '@contract/console';
import { tokenResponseSchema } from '@contract/token';
import { endpoints } from './endpoints';
import type { RuntimeView } from './runtime-view';
import { type Harness, messageOf, startHarness } from '../testing/http-harness';

/** A view that knows one scope (set by the test), standing in for the engine. */
let knownScope = -1;
const runtime: ScopeRuntime = {
  scope_id: 0,
  address: '127.0.0.1:41234',
  health_check_path: '/health',
  instances: [
    {
      deployment_id: 1,
      index: 0,
      pid: 1234,
      port: 41300,
      state: 'healthy',
      restarts: 0,
      last_health: { at: 1, status_code: 200, error: null },
    },
  ],
};
const view: RuntimeView = {
  traffic: (scopeId) =>
    scopeId === knownScope
      ? {
          scope_id: scopeId,
          address: '127.0.0.1:41234',
          window_seconds: 60,
          samples: [{ at: 1000, counts: { '1': 5 }, errors: 0 }],
          totals: { '1': 5 },
          weights: { '1': 100 },
        }
      : undefined,
  scopeRuntime: (scopeId) => (scopeId === knownScope ? { ...runtime, scope_id: scopeId } : undefined),
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ app: { runtimeView: view } });
});
afterAll(async () => {
  await h.close();
});

describe('console endpoints', () => {
  it('GET /console/info answers the console info', async () => {
    const response = await h.request('GET', '/console/info');
    expect(response.status).toBe(200);
    expect(consoleInfoSchema.parse(response.body)).toEqual({
      mode: 'local',
      upstream: null,
      live_events: true,
      version: '0.0.0-test',
    });
  });

  it("GET /console/traffic answers the engine's counters, or an empty window, or 404 for an unknown scope", async () => {
    const scope = h.seed.scope(h.seed.application().id);
    knownScope = scope.id;
    const known = await h.request('GET', `/console/traffic?scope_id=${scope.id}`);
    expect(known.status).toBe(200);
    expect(scopeTrafficSchema.parse(known.body).totals).toEqual({ '1': 5 });

    const idle = h.seed.scope(h.seed.application().id);
    const empty = await h.request('GET', `/console/traffic?scope_id=${idle.id}`);
    expect(scopeTrafficSchema.parse(empty.body)).toEqual({
      scope_id: idle.id,
      address: null,
      window_seconds: 60,
      samples: [],
      totals: {},
      weights: {},
    });

    const unknown = await h.request('GET', '/console/traffic?scope_id=999999');
    expect(unknown.status).toBe(404);
    expect(messageOf(unknown)).toBe('scope 999999 not found');
    expect(messageOf(await h.request('GET', '/console/traffic'))).toBe('Missing parameter: scope_id');
    expect(messageOf(await h.request('GET', '/console/traffic?scope_id=x'))).toBe(
      'scope_id: scope_id must be a number',
    );
  });

  it('GET /console/scope/:id/runtime answers the instances, or none, or 404', async () => {
    const scope = h.seed.scope(h.seed.application().id);
    knownScope = scope.id;
    const known = await h.request('GET', `/console/scope/${scope.id}/runtime`);
    expect(scopeRuntimeSchema.parse(known.body).instances).toHaveLength(1);
    const idle = h.seed.scope(h.seed.application().id);
    const empty = scopeRuntimeSchema.parse((await h.request('GET', `/console/scope/${idle.id}/runtime`)).body);
    expect(empty).toEqual({ scope_id: idle.id, address: null, health_check_path: '/health', instances: [] });
    expect((await h.request('GET', '/console/scope/999999/runtime')).status).toBe(404);
  });
});

describe('POST /api/token', () => {
  it.each([{ api_key: 'local-key' }, { apikey: 'local-key' }])('exchanges %j for a token', async (json) => {
    const before = Date.now();
    const response = await h.request('POST', '/api/token', { json });
    expect(response.status).toBe(200);
    const token = tokenResponseSchema.parse(response.body);
    expect(token.access_token).toMatch(/^np-local-/);
    expect(token.refresh_token).toBeDefined();
    expect(token.organization_id).toBe(1);
    expect(token.token_expires_at).toBeGreaterThan(before);
  });

  it.each([
    [{}, 'the body must carry api_key (or apikey)'],
    [{ api_key: '' }, 'api_key: api_key must not be empty'],
    [{ key: 'x' }, 'unknown field: key; the body must carry api_key (or apikey)'],
  ])('refuses %j', async (json, message) => {
    const response = await h.request('POST', '/api/token', { json });
    expect(response.status).toBe(400);
    expect(messageOf(response)).toBe(message);
  });
});

describe('GET /console/openapi.json', () => {
  it('documents every route the app serves, with bodies, query parameters and responses', async () => {
    const response = await h.request('GET', '/console/openapi.json');
    expect(response.status).toBe(200);
    const document = response.body as {
      openapi: string;
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    expect(document.openapi).toBe('3.1.0');
    const served = h.app.routes
      .filter((route) => route.method !== 'ALL' && !route.path.includes('*'))
      .map((route) => `${route.method.toLowerCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`);
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method} ${path}`),
    );
    expect(new Set(documented)).toEqual(new Set(served));
    expect(endpoints).toHaveLength(served.length);

    const createRelease = document.paths['/api/release']?.['post'] as {
      requestBody: { content: Record<string, { schema: { required: string[] } }> };
    };
    expect(createRelease.requestBody.content['application/json']?.schema.required).toEqual([
      'status',
      'build_id',
      'application_id',
      'semver',
    ]);
    const listBuilds = document.paths['/api/build']?.['get'] as { parameters: { name: string; in: string }[] };
    expect(listBuilds.parameters.map((parameter) => parameter.name)).toEqual(
      expect.arrayContaining(['limit', 'offset', 'sort', 'application_id', 'status', 'branch', 'commit.id']),
    );
    const readDeployment = document.paths['/api/deployment/{id}']?.['get'] as {
      parameters: { name: string; in: string; required: boolean }[];
      responses: Record<string, { content?: Record<string, { schema: { properties: Record<string, unknown> } }> }>;
    };
    expect(readDeployment.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'id', in: 'path', required: true }),
        expect.objectContaining({ name: 'include_messages', in: 'query', required: false }),
      ]),
    );
    expect(
      Object.keys(readDeployment.responses['200']?.content?.['application/json']?.schema.properties ?? {}),
    ).toEqual(expect.arrayContaining(['strategy_data', 'status_started_at', 'messages']));
    expect(document.paths['/api/deployment/{id}']?.['patch']?.['responses']).toHaveProperty('204');
    expect(document.paths['/console/traffic']?.['get']?.['parameters']).toEqual([
      expect.objectContaining({ name: 'scope_id', in: 'query', required: true }),
    ]);
  });
});

describe('the SPA at /', () => {
  it('says how to build the SPA when it is not built', async () => {
    const response = await h.request('GET', '/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.text).toContain('npm run build');
    expect((await h.request('GET', '/applications/3')).text).toContain('npm run build');
  });

  it('serves the built files, index.html for client routes, and never for /api or /console', async () => {
    const dist = join(h.dir, 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>np-console SPA</title>');
    writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
    const spa = await startHarness({ app: { staticDir: dist } });
    try {
      const index = await spa.request('GET', '/');
      expect(index.status).toBe(200);
      expect(index.text).toContain('np-console SPA');
      const script = await spa.request('GET', '/assets/app-1234.js');
      expect(script.status).toBe(200);
      expect(script.headers.get('content-type')).toContain('javascript');
      expect(script.headers.get('cache-control')).toContain('immutable');
      const clientRoute = await spa.request('GET', '/applications/3/scopes');
      expect(clientRoute.status).toBe(200);
      expect(clientRoute.text).toContain('np-console SPA');
      const missingFile = await spa.request('GET', '/assets/missing.js');
      expect(missingFile.status).toBe(404);
      const api = await spa.request('GET', '/api/nothing');
      expect(api.status).toBe(404);
      expect(messageOf(api)).toBe('no such endpoint: GET /api/nothing');
      expect((await spa.request('GET', '/console/nothing')).status).toBe(404);
      const traversal = await spa.request('GET', '/..%2f..%2fetc%2fpasswd');
      expect(traversal.text).not.toContain('root:');
    } finally {
      await spa.close();
    }
  });
});
