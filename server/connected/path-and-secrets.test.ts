/**
 * Two holes of the connected proxy, closed (real HTTP, no mocks):
 * - paths: decoded and normalized before any check, only the console's resources forwarded, and the normalized path
 *   is what the upstream gets (a token-protected local platform behind a recording Tap);
 * - secrets: an upstream that echoes the token or the key in headers and in JSON-escaped bodies (a scripted upstream)
 *   gets none of them to the browser, while clean answers pass byte for byte.
 */
import { randomBytes } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { REDACTED } from '../secret';
import {
  type Answer,
  type Connected,
  messageOf,
  Recorder,
  type ScriptedAnswer,
  type ScriptedUpstream,
  secretKey,
  sendRaw,
  startConnected,
  startScriptedUpstream,
  startUpstream,
  Tap,
  type Upstream,
} from './test-support';
import { TOKEN_NOT_FORWARDED } from './upstream-proxy';

describe('the path of an /api request', () => {
  const key = secretKey('paths');
  let upstream: Upstream;
  let tap: Tap;
  let connected: Connected;
  let client: Recorder;

  beforeAll(async () => {
    upstream = await startUpstream({ apiKeys: [key] });
    tap = new Tap(upstream.origin);
    await tap.start();
    connected = await startConnected(tap.url, key);
    client = new Recorder(connected.url);
  });

  afterAll(async () => {
    await connected?.close();
    await tap?.stop();
    await upstream?.close();
  });

  const DOT = /has a "\." or "\.\." segment/;
  const SLASH = /contains an encoded slash \(%2F\)/;
  const EMPTY = /has an empty segment/;
  const notForwarded = (method: string, path: string) => `${method} ${path} is not an endpoint the console forwards`;

  /** Path as sent, status, and the message (or a pattern of it); each is tried with GET and POST. */
  const refused: Array<[string, 400 | 404, string | RegExp | ((method: string) => string)]> = [
    ['/api/%74oken', 404, TOKEN_NOT_FORWARDED],
    ['/api/%2e%2e/token', 400, DOT],
    ['/api/application/..%2ftoken', 400, SLASH],
    ['/api//token', 400, EMPTY],
    ['/api/application/%2e%2e/token', 400, DOT],
    ['/api/application%2F1', 400, SLASH],
    ['/api/Token', 404, TOKEN_NOT_FORWARDED],
    ['/api/api_key', 404, (method) => notForwarded(method, '/api/api_key')],
    ['/api/user', 404, (method) => notForwarded(method, '/api/user')],
    ['/api/nrn/1', 404, (method) => notForwarded(method, '/api/nrn/1')],
    // More spellings of the same tricks.
    ['/api/TOKEN/refresh', 404, TOKEN_NOT_FORWARDED],
    ['/%61pi/token', 404, TOKEN_NOT_FORWARDED],
    ['/api/../token', 400, DOT],
    ['/api/./token', 400, DOT],
    ['/api/.%2E/token', 400, DOT],
    ['/x/../api/token', 400, DOT],
    ['/api/application/1/../../token', 400, DOT],
    ['/api/application/%5c..%5ctoken', 400, /contains an encoded backslash \(%5C\)/],
    ['/api/application/', 400, EMPTY],
    ['/api/application/1%zz', 400, /has invalid percent-encoding \(% must be followed by two hex digits\)/],
    ['/api/application/%ff', 400, /has invalid percent-encoding \(the bytes are not UTF-8\)/],
    ['/api/application/%252e%252e', 404, (method) => notForwarded(method, '/api/application/%2e%2e')],
    ['/api/application/abc', 404, (method) => notForwarded(method, '/api/application/abc')],
    ['/api/application/1/scope', 404, (method) => notForwarded(method, '/api/application/1/scope')],
    ['/api/build/3/asset/4', 404, (method) => notForwarded(method, '/api/build/3/asset/4')],
    ['/api', 404, (method) => notForwarded(method, '/api')],
  ];

  it('refuses every odd spelling and every resource not on the list with a JSON {message}, before the upstream', async () => {
    const exchanges = tap.tokenExchanges();
    for (const [path, status, message] of refused) {
      for (const method of ['GET', 'POST']) {
        const from = tap.seen.length;
        const answer = await sendRaw(connected.url, method, path, {
          json: method === 'POST' ? { apikey: key } : undefined,
          recorder: client,
        });
        expect({ method, path, status: answer.status }).toEqual({ method, path, status });
        const expected = typeof message === 'function' ? message(method) : message;
        if (typeof expected === 'string') expect(messageOf(answer)).toBe(expected);
        else expect(messageOf(answer)).toMatch(expected);
        expect(tap.seen.slice(from)).toEqual([]);
      }
    }
    expect(tap.tokenExchanges()).toBe(exchanges);
  });

  it('refuses a method the console does not use on a resource it forwards', async () => {
    const from = tap.seen.length;
    for (const [method, path] of [
      ['DELETE', '/api/application/1'],
      ['PATCH', '/api/namespace/1'],
      ['POST', '/api/application/1'],
      ['PUT', '/api/application/1'],
      ['PATCH', '/api/deployment'],
      ['OPTIONS', '/api/scope/1'],
      ['POST', '/api/telemetry/application/1/metric/http.rpm'],
      // Strategies are read, never written, and telemetry only as a metric of an application.
      ['POST', '/api/deployment_strategy'],
      ['PATCH', '/api/deployment_strategy/1'],
      ['GET', '/api/telemetry'],
      ['GET', '/api/telemetry/1'],
      ['GET', '/api/telemetry/application/1/log'],
    ] as const) {
      const answer = await sendRaw(connected.url, method, path, {
        json: method === 'DELETE' || method === 'OPTIONS' ? undefined : {},
        recorder: client,
      });
      expect({ method, path, status: answer.status }).toEqual({ method, path, status: 404 });
      expect(messageOf(answer)).toBe(notForwarded(method, path));
    }
    expect(tap.seen.slice(from)).toEqual([]);
  });

  it('refuses a raw backslash before the app runs (Node answers 400 itself), never reaching the upstream', async () => {
    const from = tap.seen.length;
    const answer = await sendRaw(connected.url, 'GET', '/api/application\\..\\..\\token');
    expect(answer.status).toBe(400);
    expect(tap.seen.slice(from)).toEqual([]);
  });

  it('forwards the resources on the list, and sends the normalized path with the query as it came', async () => {
    const application = await client.call('POST', '/api/application', {
      json: { name: `paths-${Date.now()}`, namespace_id: 1 },
    });
    expect(application.status).toBe(200);
    const applicationId = (application.body as { id: number }).id;
    const build = await client.call('POST', '/api/build', {
      json: { application_id: applicationId, status: 'successful', branch: 'main', commit: { id: 'c0ffee1' } },
    });
    expect(build.status).toBe(200);
    const buildId = (build.body as { id: number }).id;
    const asset = await client.call('POST', `/api/build/${buildId}/asset`, {
      json: { name: 'main', type: 'docker-image', url: 'file:demo-apps/greeter', metadata: {} },
    });
    expect(asset.status).toBe(200);

    const reached = async (method: string, path: string, forwardedAs: string, search = '') => {
      const from = tap.seen.length;
      const answer = await sendRaw(connected.url, method, `${path}${search}`, { recorder: client });
      const seen = tap.seen.slice(from).map((entry) => `${entry.method} ${entry.path}${entry.search}`);
      expect(seen).toEqual([`${method} ${forwardedAs}${search}`]);
      expect(tap.seen.at(-1)?.status).toBe(answer.status);
      return answer;
    };
    expect(
      (await reached('GET', `/api/application/${applicationId}`, `/api/application/${applicationId}`)).status,
    ).toBe(200);
    expect((await reached('GET', '/api/application/1', '/api/application/1')).status).not.toBe(599);
    // GET /build/:id/asset reaches the upstream (the local platform only has POST there and says so itself).
    await reached('GET', '/api/build/3/asset', '/api/build/3/asset');
    // Percent-encoded letters are decoded once; the upstream gets the plain path that was checked.
    expect(
      (await reached('GET', `/api/%61pplication/${applicationId}`, `/api/application/${applicationId}`)).status,
    ).toBe(200);
    // What the deploy dialog and the deployment page read: the strategies that apply, and an application's metric.
    expect(
      (
        await reached(
          'GET',
          '/api/deployment_strategy',
          '/api/deployment_strategy',
          '?nrn=organization%3D1%3Aaccount%3D1&limit=100',
        )
      ).status,
    ).toBe(200);
    await reached('GET', '/api/deployment_strategy/1', '/api/deployment_strategy/1');
    await reached(
      'GET',
      `/api/telemetry/application/${applicationId}/metric/http.error_rate`,
      `/api/telemetry/application/${applicationId}/metric/http.error_rate`,
      '?scope_id=1&minutes=5&period=10',
    );
    const list = await reached('GET', '/api/application', '/api/application', '?limit=1&offset=0');
    expect(list.status).toBe(200);
    expect((list.body as { paging: { limit: number } }).paging.limit).toBe(1);
  });
});

/** A secret with characters that JSON may escape (`/`) and URLs must encode (`/`, `+`, `=`). */
const tricky = (label: string) => `${label}/${randomBytes(10).toString('hex')}/x+y=${randomBytes(6).toString('hex')}`;

/** Every character as `\uXXXX`: what a JSON encoder that escapes everything sends. */
const allEscaped = (text: string) =>
  [...text].map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
/** Every character as `%xx` (lower case, unlike encodeURIComponent). */
const allPercent = (text: string) =>
  [...Buffer.from(text)].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');

/** A clean answer with escapes, odd spacing and a number JSON.parse would round: it must arrive byte for byte. */
const CLEAN_WITH_ESCAPES =
  '{ "id" :8,\n  "name":"caf\\u00e9 \\"shop\\"",  "url":"https:\\/\\/example.com\\/a%20b", "big": 12345678901234567890 }';
const CLEAN_PLAIN = '{"id":9,"name":"shop","nrn":"organization=1:account=2"}';

describe('secrets an upstream echoes', () => {
  const key = tricky('np-key');
  const token = tricky('np-token');
  let upstream: ScriptedUpstream;
  let connected: Connected;
  let client: Recorder;

  const answers: Record<string, (bearer: string) => ScriptedAnswer> = {
    '/application/1': (bearer) => ({
      headers: {
        etag: `"${bearer}"`,
        'x-request-id': bearer,
        'last-modified': allPercent(bearer),
        'retry-after': allEscaped(bearer),
        allow: `GET, ${encodeURIComponent(key)}`,
      },
      body: JSON.stringify({ id: 1, name: 'shop', echo: `Bearer ${bearer}`, nested: { list: ['a', bearer] } }),
    }),
    '/application/2': (bearer) => ({
      body: JSON.stringify({ id: 2, name: 'shop', echo: `Bearer ${bearer}` }).replaceAll('/', '\\/'),
    }),
    '/application/3': (bearer) => ({
      body: JSON.stringify({ id: 3, name: 'shop', echo: `Bearer ${bearer}` }).replaceAll('/', '\\u002f'),
    }),
    '/application/4': (bearer) => ({ body: `{"id":4,"name":"shop","echo":"${allEscaped(bearer)}"}` }),
    '/application/5': (bearer) => ({ body: `{"id":5,"${allEscaped(bearer)}":"as a key","name":"shop"}` }),
    '/application/6': () => ({
      headers: { etag: `W/"${key}"` },
      body: `{"id":6,"name":"shop","raw":"${key}","slashes":"${key.replaceAll('/', '\\/')}","escaped":"${allEscaped(key)}","query":"https://x.example/?k=${encodeURIComponent(key)}"}`,
    }),
    '/application/7': (bearer) => ({
      body: `{"id":7,"name":"shop","callback":"https://x.example/cb?t=${allPercent(bearer)}"}`,
    }),
    '/application/8': () => ({ headers: { etag: '"v8"', 'x-request-id': 'req-8' }, body: CLEAN_WITH_ESCAPES }),
    '/application/9': () => ({ headers: { etag: '"v9"' }, body: CLEAN_PLAIN }),
    '/application/10': (bearer) => ({
      headers: { 'content-type': 'text/html' },
      body: `<html>token: ${allEscaped(bearer)}</html>`,
    }),
  };

  beforeAll(async () => {
    upstream = await startScriptedUpstream({
      apiKey: key,
      token,
      respond: (request) =>
        answers[request.path]?.(request.token) ?? { status: 404, body: '{"message":"no such thing"}' },
    });
    connected = await startConnected(upstream.apiUrl, key);
    client = new Recorder(connected.url);
  });

  afterAll(async () => {
    await connected?.close();
    await upstream?.close();
  });

  /** Every string in a parsed JSON value, object keys included. */
  const stringsIn = (value: unknown): string[] => {
    if (typeof value === 'string') return [value];
    if (Array.isArray(value)) return value.flatMap(stringsIn);
    if (typeof value === 'object' && value !== null)
      return Object.entries(value).flatMap(([name, inner]) => [name, ...stringsIn(inner)]);
    return [];
  };
  /** The text as is, JSON-unescaped, percent-decoded, and both (written here independently of the code under test). */
  const readings = (text: string): string[] => {
    const unescape = (t: string) =>
      t
        .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
        .replaceAll('\\/', '/');
    const percent = (t: string) =>
      t.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => Buffer.from(run.replaceAll('%', ''), 'hex').toString('utf8'));
    return [text, unescape(text), percent(text), percent(unescape(text)), unescape(percent(text))];
  };
  /** The copies of the key or the token the browser could read in an answer: headers and body, raw and parsed. */
  const copiesIn = (answer: Answer): number => {
    const texts = [
      ...[...answer.headers].map(([name, value]) => `${name}: ${value}`),
      answer.text,
      ...stringsIn(answer.body),
    ];
    return texts
      .flatMap(readings)
      .reduce((count, text) => count + text.split(key).length - 1 + text.split(token).length - 1, 0);
  };

  it('drops a response header that holds the token or the key in any spelling, and logs which one', async () => {
    const answer = await client.call('GET', '/api/application/1');
    expect(answer.status).toBe(200);
    for (const name of ['etag', 'x-request-id', 'last-modified', 'retry-after', 'allow'])
      expect(answer.headers.get(name)).toBeNull();
    expect(copiesIn(answer)).toBe(0);
    expect(answer.body).toEqual({ id: 1, name: 'shop', echo: `Bearer ${REDACTED}`, nested: { list: ['a', REDACTED] } });
    for (const name of ['etag', 'x-request-id', 'last-modified', 'retry-after', 'allow']) {
      expect(connected.logs).toContain(
        `GET /api/application/1: dropped the ${name} header from the answer of the nullplatform API at ${new URL(upstream.apiUrl).host}: it held one of the console's secrets`,
      );
    }
  });

  it('removes the token from JSON bodies however it is escaped, as a value or a key, and keeps the rest', async () => {
    const expected: Record<number, unknown> = {
      2: { id: 2, name: 'shop', echo: `Bearer ${REDACTED}` },
      3: { id: 3, name: 'shop', echo: `Bearer ${REDACTED}` },
      4: { id: 4, name: 'shop', echo: REDACTED },
      5: { id: 5, [REDACTED]: 'as a key', name: 'shop' },
      // Percent-encoded in a way the scrub cannot cut out: the whole string goes.
      7: { id: 7, name: 'shop', callback: REDACTED },
    };
    for (const [id, body] of Object.entries(expected)) {
      const answer = await client.call('GET', `/api/application/${id}`);
      expect(answer.status).toBe(200);
      expect(copiesIn(answer)).toBe(0);
      expect(answer.body).toEqual(body);
    }
    expect(upstream.seen.filter((request) => request.token === token).length).toBeGreaterThanOrEqual(5);
  });

  it('removes the API key the same way', async () => {
    const answer = await client.call('GET', '/api/application/6');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('etag')).toBeNull();
    expect(copiesIn(answer)).toBe(0);
    expect(answer.body).toEqual({
      id: 6,
      name: 'shop',
      raw: REDACTED,
      slashes: REDACTED,
      escaped: REDACTED,
      query: `https://x.example/?k=${REDACTED}`,
    });
  });

  it('passes clean answers byte for byte, headers included', async () => {
    const escaped = await client.call('GET', '/api/application/8');
    expect(escaped.status).toBe(200);
    expect(escaped.text).toBe(CLEAN_WITH_ESCAPES);
    expect(escaped.headers.get('etag')).toBe('"v8"');
    expect(escaped.headers.get('x-request-id')).toBe('req-8');
    const plain = await client.call('GET', '/api/application/9');
    expect(plain.text).toBe(CLEAN_PLAIN);
    expect(plain.headers.get('etag')).toBe('"v9"');
  });

  it("keeps the proxy's own error messages free of secrets", async () => {
    const answer = await client.call('GET', '/api/application/10');
    expect(answer.status).toBe(502);
    expect(messageOf(answer)).toBe(
      `the nullplatform API at ${new URL(upstream.apiUrl).host} answered 200 with text/html instead of JSON (${REDACTED})`,
    );
    expect(copiesIn(answer)).toBe(0);
  });

  it('never lets the key or the token reach the browser or the log', () => {
    expect(client.answers.length).toBeGreaterThanOrEqual(9);
    const everything = client.everything();
    const logged = connected.logs.join('\n');
    for (const text of [everything, logged]) {
      for (const reading of readings(text)) {
        expect(reading).not.toContain(key);
        expect(reading).not.toContain(token);
      }
    }
    expect(client.answers.reduce((count, answer) => count + copiesIn(answer), 0)).toBe(0);
  });
});
