import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Harness, messageOf, rawRequest, startHarness } from '../testing/http-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const json = (value: unknown) => JSON.stringify(value);

describe('Host header', () => {
  it('answers the allowed hosts', async () => {
    const port = new URL(h.baseUrl).port;
    for (const host of [h.host, `localhost:${port}`, `LOCALHOST:${port}`]) {
      expect((await rawRequest(h, 'GET', '/api/application', { host })).status).toBe(200);
    }
  });

  it('refuses any other host with 421 (DNS rebinding), on reads and writes alike', async () => {
    const read = await rawRequest(h, 'GET', '/api/application', { host: 'evil.example' });
    expect(read.status).toBe(421);
    expect(messageOf(read)).toContain('this server does not answer to host "evil.example"');
    const before = h.count('applications');
    const write = await rawRequest(
      h,
      'POST',
      '/api/application',
      { host: 'evil.example:80', 'content-type': 'application/json' },
      json({ name: 'x', namespace_id: 1 }),
    );
    expect(write.status).toBe(421);
    expect(h.count('applications')).toBe(before);
    const port = new URL(h.baseUrl).port;
    expect((await rawRequest(h, 'GET', '/', { host: `127.0.0.1:${Number(port) + 1}` })).status).toBe(421);
  });
});

describe('state-changing requests', () => {
  const body = json({ name: 'csrf', namespace_id: 1 });

  it('refuses a cross-site request (403) and writes nothing', async () => {
    const before = h.count('applications');
    const response = await rawRequest(
      h,
      'POST',
      '/api/application',
      { host: h.host, 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
      body,
    );
    expect(response.status).toBe(403);
    expect(messageOf(response)).toContain('cross-site');
    expect(h.count('applications')).toBe(before);
  });

  it('refuses a foreign Origin (403), including another port of the same host', async () => {
    const before = h.count('applications');
    const port = new URL(h.baseUrl).port;
    for (const origin of ['https://evil.example', `http://127.0.0.1:${Number(port) + 1}`, 'null']) {
      const response = await rawRequest(
        h,
        'POST',
        '/api/application',
        { host: h.host, 'content-type': 'application/json', origin, 'sec-fetch-site': 'same-site' },
        body,
      );
      expect(response.status, origin).toBe(403);
      expect(messageOf(response)).toBe(`requests from origin "${origin}" may not change anything here`);
    }
    const deleteScope = await rawRequest(h, 'DELETE', '/api/scope/1', { host: h.host, origin: 'https://evil.example' });
    expect(deleteScope.status).toBe(403);
    expect(h.count('applications')).toBe(before);
  });

  it('accepts its own origin, and requests with no Origin at all (curl)', async () => {
    const own = await rawRequest(
      h,
      'POST',
      '/api/application',
      { host: h.host, 'content-type': 'application/json', origin: h.baseUrl, 'sec-fetch-site': 'same-origin' },
      body,
    );
    expect(own.status).toBe(200);
    const curl = await rawRequest(
      h,
      'POST',
      '/api/application',
      { host: h.host, 'content-type': 'application/json; charset=utf-8' },
      body,
    );
    expect(curl.status).toBe(200);
  });

  it('refuses a text/plain POST (a form or a simple CORS request) with 415 and writes nothing', async () => {
    const before = h.count('applications');
    const plain = await rawRequest(h, 'POST', '/api/application', { host: h.host, 'content-type': 'text/plain' }, body);
    expect(plain.status).toBe(415);
    expect(messageOf(plain)).toBe('Content-Type must be application/json (got text/plain)');
    const form = await rawRequest(
      h,
      'POST',
      '/api/application',
      { host: h.host, 'content-type': 'application/x-www-form-urlencoded' },
      'name=x',
    );
    expect(form.status).toBe(415);
    const none = await rawRequest(h, 'PATCH', '/api/application/1', { host: h.host }, body);
    expect(none.status).toBe(415);
    expect(messageOf(none)).toBe('Content-Type must be application/json (the request has none)');
    expect(h.count('applications')).toBe(before);
  });

  it('lets DELETE without a body through without a Content-Type, but not DELETE with a non-JSON body', async () => {
    const scope = h.seed.scope(h.seed.application().id);
    const withBody = await rawRequest(
      h,
      'DELETE',
      `/api/scope/${scope.id}`,
      { host: h.host, 'content-type': 'text/plain' },
      'please',
    );
    expect(withBody.status).toBe(415);
    const plain = await rawRequest(h, 'DELETE', `/api/scope/${scope.id}`, { host: h.host });
    expect(plain.status).toBe(204);
  });

  it('forbids framing (clickjacking) on every answer: the SPA, the API, /console, errors and refusals', async () => {
    const answers = [
      await rawRequest(h, 'GET', '/', { host: h.host }),
      await rawRequest(h, 'GET', '/applications/1', { host: h.host }),
      await rawRequest(h, 'GET', '/api/application', { host: h.host }),
      await rawRequest(h, 'GET', '/console/info', { host: h.host }),
      await rawRequest(h, 'GET', '/api/application/999999', { host: h.host }),
      await rawRequest(h, 'GET', '/', { host: 'evil.example' }),
      await rawRequest(h, 'POST', '/api/application', { host: h.host, 'content-type': 'text/plain' }, body),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 404, 421, 415]);
    for (const answer of answers) {
      expect(answer.headers.get('x-frame-options')).toBe('DENY');
      expect(answer.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('sets nosniff and no-store on API answers', async () => {
    const response = await h.request('GET', '/api/application');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});
