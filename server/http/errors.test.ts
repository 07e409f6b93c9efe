import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { z } from 'zod';

import { errorHandler } from './errors';
import type { RuntimeView } from './runtime-view';
import { parseJsonBody } from './validation';
import { type Harness, messageOf, startHarness } from '../testing/http-harness';

let h: Harness;
const logged: string[] = [];
const brokenView: RuntimeView = {
  traffic: () => {
    throw new Error('the engine exploded');
  },
  scopeRuntime: () => undefined,
};
beforeAll(async () => {
  h = await startHarness({ app: { runtimeView: brokenView, logger: { error: (message) => logged.push(message) } } });
});
afterAll(async () => {
  await h.close();
});

describe('bad input', () => {
  it('answers malformed JSON with 400 and writes nothing', async () => {
    const before = h.count('applications');
    const response = await h.request('POST', '/api/application', {
      raw: '{"name": "x",',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(messageOf(response)).toMatch(/^malformed JSON in the request body: /);
    expect(h.count('applications')).toBe(before);
  });

  it('answers an empty body and a non-object body with 400', async () => {
    const empty = await h.request('POST', '/api/scope', { raw: '', headers: { 'content-type': 'application/json' } });
    expect(empty.status).toBe(400);
    expect(messageOf(empty)).toBe('the request body is empty; send a JSON object');
    for (const raw of ['[]', '"x"', '42', 'null']) {
      const response = await h.request('POST', '/api/scope', { raw, headers: { 'content-type': 'application/json' } });
      expect(response.status, raw).toBe(400);
      expect(messageOf(response)).toBe('the request body must be a JSON object');
    }
  });

  it('refuses metadata nested too deeply with 400 naming the field, and writes nothing', async () => {
    const { application, build, release, scope } = h.seed.world();
    /** `metadata` nesting `levels` levels deep in all: the object itself, then arrays. */
    const metadata = (levels: number) => `{"a":${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}}`;
    const bodies = (levels: number): Array<[string, string, string]> => [
      ['POST', '/api/application', `{"name":"deep","namespace_id":1,"metadata":${metadata(levels)}}`],
      ['PATCH', `/api/application/${application.id}`, `{"metadata":${metadata(levels)}}`],
      [
        'POST',
        '/api/build',
        `{"application_id":${application.id},"status":"pending","branch":"main","commit":{"id":"c1"},"metadata":${metadata(levels)}}`,
      ],
      ['PATCH', `/api/build/${build.id}`, `{"metadata":${metadata(levels)}}`],
      ['POST', '/api/asset', `{"build_id":${build.id},"name":"deep","url":"file:/tmp","metadata":${metadata(levels)}}`],
      ['POST', `/api/build/${build.id}/asset`, `{"name":"deep","url":"file:/tmp","metadata":${metadata(levels)}}`],
      [
        'POST',
        '/api/release',
        `{"status":"active","build_id":${build.id},"application_id":${application.id},"semver":"9.9.9","metadata":${metadata(levels)}}`,
      ],
      ['PATCH', `/api/release/${release.id}`, `{"metadata":${metadata(levels)}}`],
      ['POST', '/api/scope', `{"application_id":${application.id},"name":"deep","metadata":${metadata(levels)}}`],
      ['PATCH', `/api/scope/${scope.id}`, `{"metadata":${metadata(levels)}}`],
    ];
    const tables = ['applications', 'builds', 'assets', 'releases', 'scopes'] as const;
    const before = tables.map((table) => h.count(table));
    // 200 000 levels overflowed JSON.stringify in the store (500); 21 is simply over the limit.
    for (const levels of [200_000, 21]) {
      for (const [method, path, raw] of bodies(levels)) {
        const response = await h.request(method, path, { raw, headers: { 'content-type': 'application/json' } });
        expect(response.status, `${method} ${path} (${levels} levels)`).toBe(400);
        expect(messageOf(response)).toBe(
          'metadata: metadata must not nest objects and arrays more than 20 levels deep',
        );
      }
    }
    expect(tables.map((table) => h.count(table))).toEqual(before);
    expect((await h.request('GET', `/api/application/${application.id}`)).body).toMatchObject({ metadata: {} });
    // 20 levels are fine.
    const fine = await h.request('PATCH', `/api/application/${application.id}`, {
      json: { metadata: JSON.parse(metadata(20)) as unknown },
    });
    expect(fine.status).toBe(200);
  });

  it('answers 400, not 500, when checking a body runs out of stack (RangeError)', async () => {
    const app = new Hono();
    app.onError(errorHandler({ error: () => undefined }));
    // A schema that walks the value recursively, as JSON.stringify does.
    const schema = z.looseObject({}).refine((value) => JSON.stringify(value).length > 0);
    app.post('/', async (c) => c.json(await parseJsonBody(c, schema)));
    const response = await app.request('/', {
      method: 'POST',
      body: `{"a":${'['.repeat(200_000)}${']'.repeat(200_000)}}`,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      message: 'the request body is nested too deeply; nest objects and arrays at most a few levels deep',
    });
  });

  it('refuses a body over the size limit with 413', async () => {
    const response = await h.request('POST', '/api/application', {
      json: { name: 'x', namespace_id: 1, metadata: { blob: 'x'.repeat(1_100_000) } },
    });
    expect(response.status).toBe(413);
    expect(messageOf(response)).toContain('larger than');
  });
});

describe('routing', () => {
  it('answers unknown routes with 404 JSON', async () => {
    for (const path of ['/api/nothing', '/api/deployment/1/nothing', '/console/nothing', '/api']) {
      const response = await h.request('GET', path);
      expect(response.status, path).toBe(404);
      expect(messageOf(response)).toBe(`no such endpoint: GET ${path}`);
    }
  });

  it('answers a known path with the wrong method with 405 and Allow', async () => {
    const response = await h.request('DELETE', '/api/deployment/1');
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD, PATCH');
    expect(messageOf(response)).toBe('method DELETE is not allowed on /api/deployment/1 (allowed: GET, HEAD, PATCH)');
    const put = await h.request('PUT', '/api/application', { json: {} });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, HEAD, POST');
  });

  it('answers 405 before looking at the body: a PUT without one is not a 415', async () => {
    for (const [method, path] of [
      ['PUT', '/console/info'],
      ['POST', '/api/deployment/1'],
      ['PATCH', '/console/openapi.json'],
    ] as const) {
      const response = await h.request(method, path);
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(response.headers.get('allow'), `${method} ${path}`).toBe(
        path === '/api/deployment/1' ? 'GET, HEAD, PATCH' : 'GET, HEAD',
      );
    }
  });
});

describe('unexpected errors', () => {
  it('answers 500 "internal error" and logs the details on the server', async () => {
    const scope = h.seed.scope(h.seed.application().id);
    const response = await h.request('GET', `/console/traffic?scope_id=${scope.id}`);
    expect(response.status).toBe(500);
    expect(response.body).toEqual({ message: 'internal error' });
    expect(logged.at(-1)).toBe('internal error on GET /console/traffic');
  });
});
