import { applicationSchema } from '@contract/application';
import { listEnvelopeSchema } from '@contract/common';
import { releaseSchema } from '@contract/release';
import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';

import { server } from '@/testing/mocks/server';

import {
  ApiError,
  apiGet,
  apiPath,
  apiSend,
  formatIssuePath,
  NetworkError,
  SchemaError,
  toSearch,
} from '../api-client';
import { isRetryable, shouldThrowToBoundary } from '../query-client';

describe('api client', () => {
  test('builds API paths with comma-separated lists and without empty values', () => {
    expect(apiPath('/build', { application_id: 3, status: undefined, branch: '', id: [1, 2] })).toBe(
      '/api/build?application_id=3&id=1%2C2',
    );
    expect(toSearch({})).toBe('');
  });

  test('parses a response with its schema', async () => {
    server.use(
      http.get('/api/release/1', () =>
        HttpResponse.json({ id: 1, application_id: 2, build_id: 3, semver: '1.0.0', status: 'active', extra: true }),
      ),
    );
    const release = await apiGet('/api/release/1', releaseSchema);
    expect(release.semver).toBe('1.0.0');
  });

  test("throws ApiError with the server's message, status and body", async () => {
    server.use(
      http.get('/api/release/1', () =>
        HttpResponse.json({ message: 'release 1 not found', code: 'not_found' }, { status: 404 }),
      ),
    );
    const error = await apiGet('/api/release/1', releaseSchema).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 404,
      message: 'release 1 not found',
      body: { message: 'release 1 not found', code: 'not_found' },
    });
    expect((error as ApiError).isNotFound).toBe(true);
  });

  test('an error without a JSON body still says the status', async () => {
    server.use(
      http.get('/api/release/1', () => new HttpResponse(null, { status: 503, statusText: 'Service Unavailable' })),
    );
    await expect(apiGet('/api/release/1', releaseSchema)).rejects.toMatchObject({
      status: 503,
      message: '503 Service Unavailable',
    });
  });

  test('a response that fails its schema throws SchemaError naming the field', async () => {
    server.use(
      http.get('/api/application', () =>
        HttpResponse.json({
          paging: { total: 1, offset: 0, limit: 30 },
          results: [{ id: 1, name: 'a', slug: 'a', status: 'active', namespace_id: 1, repository_url: null }],
        }),
      ),
    );
    const error = await apiGet('/api/application', listEnvelopeSchema(applicationSchema)).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(SchemaError);
    expect((error as SchemaError).field).toBe('results[0].nrn');
    expect((error as SchemaError).message).toContain(
      'GET /api/application answered with an unexpected shape: results[0].nrn',
    );
  });

  test('sends JSON and parses the answer; a 204 without a schema is undefined', async () => {
    let received: unknown;
    let contentType: string | null = null;
    server.use(
      http.post('/api/release', async ({ request }) => {
        received = await request.json();
        contentType = request.headers.get('content-type');
        return HttpResponse.json({ id: 9, application_id: 1, build_id: 2, semver: '2.0.0', status: 'active' });
      }),
      http.patch('/api/deployment/4', () => new HttpResponse(null, { status: 204 })),
    );
    const release = await apiSend('POST', '/api/release', { semver: '2.0.0' }, releaseSchema);
    expect(release.id).toBe(9);
    expect(received).toEqual({ semver: '2.0.0' });
    expect(contentType).toBe('application/json');
    await expect(apiSend('PATCH', '/api/deployment/4', { status: 'finalizing' })).resolves.toBeUndefined();
    await expect(apiSend('PATCH', '/api/deployment/4', {}, releaseSchema.optional())).resolves.toBeUndefined();
    await expect(apiSend('PATCH', '/api/deployment/4', {}, releaseSchema)).rejects.toBeInstanceOf(SchemaError);
  });

  test('a request that never gets an answer is a NetworkError', async () => {
    server.use(http.get('/console/info', () => HttpResponse.error()));
    await expect(apiGet('/console/info', z.unknown())).rejects.toBeInstanceOf(NetworkError);
  });

  test('formats issue paths', () => {
    expect(formatIssuePath(['results', 0, 'commit', 'id'])).toBe('results[0].commit.id');
    expect(formatIssuePath([])).toBe('(body)');
  });

  test('retries only network errors and 5xx; only 5xx without data goes to the error boundary', () => {
    const serverError = new ApiError({ status: 500, message: 'x', body: undefined, method: 'GET', url: '/' });
    const badRequest = new ApiError({ status: 400, message: 'x', body: undefined, method: 'GET', url: '/' });
    const schema = new SchemaError({ issues: [{ path: 'a', message: 'b' }], method: 'GET', url: '/' });
    const network = new NetworkError({ method: 'GET', url: '/', cause: new TypeError('fetch failed') });
    expect([serverError, badRequest, schema, network].map(isRetryable)).toEqual([true, false, false, true]);
    expect(shouldThrowToBoundary(serverError, { state: { data: undefined } })).toBe(true);
    expect(shouldThrowToBoundary(serverError, { state: { data: {} } })).toBe(false);
    expect(shouldThrowToBoundary(badRequest, { state: { data: undefined } })).toBe(false);
    expect(shouldThrowToBoundary(schema, { state: { data: undefined } })).toBe(false);
  });
});
