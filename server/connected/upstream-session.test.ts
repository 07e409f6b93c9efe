/**
 * The token exchange against APIs that answer the way nullplatform might and the local platform never does: a JWT
 * carrying the organization, an expiry in seconds, a redirect, an error that echoes the key, an HTML page. Each is a
 * real HTTP server on a free port, scripted per test.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterEach, describe, expect, it } from 'vitest';

import { ConnectedStartError, jwtClaims, organizationFromClaims, TOKEN_REQUEST_KEY_FIELD } from './upstream-session';
import { type Connected, messageOf, Recorder, secretKey, startConnected } from './test-support';

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

let api: Server | undefined;
let connected: Connected | undefined;
afterEach(async () => {
  await connected?.close();
  connected = undefined;
  await new Promise<void>((resolve) => {
    if (api === undefined) return resolve();
    api.close(() => resolve());
    api.closeAllConnections();
  });
  api = undefined;
});

async function startApi(handler: Handler): Promise<string> {
  api = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => handler(request, Buffer.concat(chunks).toString('utf8'), response));
  });
  await new Promise<void>((resolve) => api?.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(api?.address() as AddressInfo).port}`;
}

function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}

const json = (response: ServerResponse, status: number, body: unknown) =>
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

async function startError(apiUrl: string, key: string): Promise<string> {
  try {
    connected = await startConnected(apiUrl, key);
  } catch (error) {
    expect(error).toBeInstanceOf(ConnectedStartError);
    return (error as Error).message;
  }
  throw new Error('start-up should have failed');
}

describe('the token exchange', () => {
  it(`sends the key as "${TOKEN_REQUEST_KEY_FIELD}" and reads the organization from the JWT when the answer has none`, async () => {
    const key = secretKey('jwt');
    const accessToken = jwt({
      exp: Math.floor(Date.now() / 1000) + 3600,
      'cognito:groups': ['@nullplatform/user=9', '@nullplatform/organization=4242'],
    });
    const requests: string[] = [];
    const url = await startApi((request, body, response) => {
      requests.push(`${request.method} ${request.url} ${request.headers.authorization ?? ''} ${body}`);
      if (request.url === '/token')
        return json(response, 200, {
          access_token: accessToken,
          token_expires_at: Math.floor(Date.now() / 1000) + 3600,
        });
      return json(response, 200, {
        paging: { total: 0, offset: 0, limit: 30 },
        results: [],
        echoed: `Bearer ${accessToken}`,
      });
    });
    connected = await startConnected(url, key);
    expect(requests[0]).toBe(`POST /token  ${JSON.stringify({ [TOKEN_REQUEST_KEY_FIELD]: key })}`);

    const client = new Recorder(connected.url);
    const info = await client.call('GET', '/console/info');
    expect(info.body).toMatchObject({ mode: 'connected', upstream: { organization_id: 4242 } });
    // An expiry given in seconds is not read as 1970: no renewal before this request.
    const list = await client.call('GET', '/api/application?namespace_id=7');
    expect(list.status).toBe(200);
    expect(requests.slice(1)).toEqual([`GET /application?namespace_id=7 Bearer ${accessToken} `]);
    // An upstream that echoes the token back does not get it to the browser.
    expect(list.text).not.toContain(accessToken);
  });

  it('says the key was rejected, without repeating it even when the API does', async () => {
    const key = secretKey('rejected');
    const url = await startApi((_request, _body, response) =>
      json(response, 401, { message: `api key ${key} is not valid` }),
    );
    const message = await startError(url, key);
    expect(message).toBe(
      `the nullplatform API at ${new URL(url).host} rejected the API key (NP_API_KEY) with 401: api key [redacted] is not valid; check NP_API_KEY`,
    );
  });

  it('reports a redirect instead of following it with the key', async () => {
    let posts = 0;
    const url = await startApi((request, _body, response) => {
      if (request.url === '/token') posts += 1;
      response.writeHead(308, { location: 'https://elsewhere.example/token' }).end();
    });
    const message = await startError(url, secretKey('redirect'));
    expect(message).toMatch(
      /answered POST \/token with a redirect \(308 to https:\/\/elsewhere\.example\/token\); set NP_API_URL to the address it redirects to/,
    );
    expect(posts).toBe(1);
  });

  it('says when NP_API_URL answers something other than a token', async () => {
    const html = await startApi((_request, _body, response) =>
      response.writeHead(200, { 'content-type': 'text/html' }).end('<html>welcome</html>'),
    );
    expect(await startError(html, secretKey('html'))).toBe(
      `the nullplatform API at ${new URL(html).host} answered POST /token with something that is not JSON (<html>welcome</html>); check that NP_API_URL is the address of the nullplatform API`,
    );
  });

  it('says when NP_API_URL is slower than the timeout', async () => {
    const url = await startApi(() => undefined);
    let message = '';
    try {
      connected = await startConnected(url, secretKey('slow'), { NP_API_TIMEOUT: '300ms' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(
      `the nullplatform API at ${new URL(url).host} did not answer POST /token in time (no answer within 0.3 s); check NP_API_URL and the network`,
    );
  });

  it('passes 204 and error statuses through as they are', async () => {
    const url = await startApi((request, _body, response) => {
      if (request.url === '/token')
        return json(response, 200, {
          access_token: 'opaque-token-value',
          token_expires_at: Date.now() + 3_600_000,
          organization_id: 3,
        });
      if (request.method === 'PATCH') return response.writeHead(204).end();
      return json(response, 403, { message: 'Insufficient permissions', code: 'forbidden' });
    });
    connected = await startConnected(url, secretKey('statuses'));
    const client = new Recorder(connected.url);
    const patched = await client.call('PATCH', '/api/deployment/5', { json: { status: 'finalizing' } });
    expect(patched.status).toBe(204);
    const forbidden = await client.call('GET', '/api/deployment/5');
    expect(forbidden.status).toBe(403);
    expect(forbidden.text).toBe('{"message":"Insufficient permissions","code":"forbidden"}');
    expect(messageOf(forbidden)).toBe('Insufficient permissions');
  });
});

describe('the JWT claims', () => {
  it('finds the organization in cognito:groups, and nothing in tokens that are not JWTs', () => {
    expect(organizationFromClaims(jwtClaims(jwt({ 'cognito:groups': ['@nullplatform/organization=17'] })))).toBe(17);
    expect(organizationFromClaims(jwtClaims(jwt({ 'cognito:groups': ['admins'] })))).toBeNull();
    expect(organizationFromClaims(jwtClaims('np-local-abc'))).toBeNull();
    expect(jwtClaims('a.not-base64-json.c')).toBeUndefined();
  });
});
