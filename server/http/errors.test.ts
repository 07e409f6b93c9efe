import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RuntimeView } from './runtime-view';
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
    const response = await h.request('POST', '/api/application', { raw: '{"name": "x",', headers: { 'content-type': 'application/json' } });
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

  it('refuses a body over the size limit with 413', async () => {
    const response = await h.request('POST', '/api/application', { json: { name: 'x', namespace_id: 1, metadata: { blob: 'x'.repeat(1_100_000) } } });
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
