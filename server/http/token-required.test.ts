/**
 * The local platform with NP_CONSOLE_REQUIRE_TOKEN: only configured keys get a token, and every /api request but
 * POST /api/token needs a valid, unexpired one. The issuer's clock is the test's, so expiry needs no waiting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { consolePaths } from '@contract/console';
import { testTrafficPath } from '@contract/test-traffic';
import { tokenResponseSchema } from '@contract/token';
import { type Harness, messageOf, startHarness } from '../testing/http-harness';
import { LocalTokenIssuer } from './tokens';

const TTL_MS = 60_000;
let now = Date.parse('2030-01-01T00:00:00.000Z');
let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    app: {
      tokens: new LocalTokenIssuer({ apiKeys: ['team-key-1', 'team-key-2'], ttlMs: TTL_MS, now: () => now }),
      requireToken: true,
    },
  });
});
afterAll(async () => {
  await h.close();
});

async function token(apiKey = 'team-key-2'): Promise<string> {
  const response = await h.request('POST', '/api/token', { json: { api_key: apiKey } });
  expect(response.status).toBe(200);
  return tokenResponseSchema.parse(response.body).access_token;
}

describe('POST /api/token with tokens required', () => {
  it('issues a token for a configured key, with its expiry and organization', async () => {
    const response = await h.request('POST', '/api/token', { json: { apikey: 'team-key-1' } });
    expect(response.status).toBe(200);
    expect(tokenResponseSchema.parse(response.body)).toMatchObject({
      token_expires_at: now + TTL_MS,
      organization_id: 1,
    });
  });

  it('answers 401 "invalid API key" for any other key', async () => {
    for (const json of [{ apikey: 'team-key-3' }, { api_key: 'team-key-1 ' }, { api_key: 'TEAM-KEY-1' }]) {
      const response = await h.request('POST', '/api/token', { json });
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ message: 'invalid API key' });
    }
  });
});

describe('/api with tokens required', () => {
  it('answers 401 without a token, saying it is missing', async () => {
    for (const [method, path, json] of [
      ['GET', '/api/application', undefined],
      ['POST', '/api/application', { name: 'x', namespace_id: 1 }],
      ['GET', '/api/nothing-here', undefined],
    ] as const) {
      const response = await h.request(method, path, json === undefined ? {} : { json });
      expect(response.status).toBe(401);
      expect(messageOf(response)).toBe(
        'the access token is missing: send Authorization: Bearer <access_token> (exchange an API key for one with POST /api/token)',
      );
      expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_request"');
    }
    expect(h.count('applications')).toBe(0);
  });

  it('answers 401 for a malformed header or an unknown token', async () => {
    const basic = await h.request('GET', '/api/application', { headers: { authorization: 'Basic dXNlcjpwdw==' } });
    expect(basic.status).toBe(401);
    expect(messageOf(basic)).toBe('the Authorization header must be "Bearer <access_token>"');
    const unknown = await h.request('GET', '/api/application', {
      headers: { authorization: 'Bearer np-local-made-up' },
    });
    expect(unknown.status).toBe(401);
    expect(messageOf(unknown)).toBe(
      'the access token is unknown (it was not issued by this server); get one with POST /api/token',
    );
    expect(unknown.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
  });

  it('answers 200 with a valid token, and 401 "expired" once it expires', async () => {
    const issuedAt = now;
    const accessToken = await token();
    const headers = { authorization: `Bearer ${accessToken}` };
    expect((await h.request('GET', '/api/application', { headers })).status).toBe(200);
    const created = await h.request('POST', '/api/application', {
      headers,
      json: { name: 'with-a-token', namespace_id: 1 },
    });
    expect(created.status).toBe(200);
    expect(
      (await h.request('GET', '/api/application', { headers: { authorization: `bearer   ${accessToken}` } })).status,
    ).toBe(200);

    now = issuedAt + TTL_MS;
    const expired = await h.request('GET', '/api/application', { headers });
    expect(expired.status).toBe(401);
    expect(messageOf(expired)).toBe(
      `the access token expired at ${new Date(issuedAt + TTL_MS).toISOString()}; get a new one with POST /api/token`,
    );
    expect(
      (await h.request('GET', '/api/application', { headers: { authorization: `Bearer ${await token()}` } })).status,
    ).toBe(200);
  });

  it('leaves /console/info, /console/openapi.json and the SPA open', async () => {
    expect((await h.request('GET', '/console/info')).status).toBe(200);
    expect((await h.request('GET', '/console/openapi.json')).status).toBe(200);
    expect((await h.request('GET', '/')).status).toBe(200);
  });

  it('requires the token on the /console endpoints that read platform data (events, traffic, runtime, evaluations, test traffic)', async () => {
    /** Status and message; an event stream (which never ends) is closed as soon as its headers arrive. */
    const get = async (path: string, headers: Record<string, string> = {}) => {
      const response = await fetch(`${h.baseUrl}${path}`, { headers });
      if ((response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
        await response.body?.cancel();
        return { status: response.status, text: '' };
      }
      return { status: response.status, text: await response.text() };
    };
    const world = h.seed.world();
    const scope = world.scope;
    const deployment = h.seed.deployment(scope, world.release);
    const paths = [
      consolePaths.events,
      `${consolePaths.traffic}?scope_id=${scope.id}`,
      consolePaths.scopeRuntime(scope.id),
      consolePaths.deploymentEvaluations(deployment.id),
      testTrafficPath(scope.id),
      `/console/deployment/${deployment.id}/logs`,
      `/console/deployment/${deployment.id}/logs/stream`,
    ];
    for (const path of paths) {
      const missing = await get(path);
      expect(missing.status, path).toBe(401);
      expect(missing.text).toMatch(/^\{"message":"the access token is missing/);
      expect((await get(path, { authorization: 'Bearer np-local-made-up' })).status, path).toBe(401);
    }
    const authorization = `Bearer ${await token()}`;
    for (const path of paths) expect((await get(path, { authorization })).status, path).toBe(200);
    // Starting test traffic changes what a scope serves: never without the token.
    const start = await h.request('POST', testTrafficPath(scope.id), {
      json: { rate_per_second: 1, duration_seconds: 1 },
    });
    expect(start.status).toBe(401);
  });
});

describe('/api without tokens required (the default)', () => {
  it('needs no token and accepts any non-empty key', async () => {
    const open = await startHarness();
    try {
      expect((await open.request('GET', '/api/application')).status).toBe(200);
      expect((await open.request('POST', '/api/token', { json: { api_key: 'anything' } })).status).toBe(200);
    } finally {
      await open.close();
    }
  });
});
