/**
 * A connected console in front of a token-protected local platform, with a recording relay (Tap) between them.
 * Everything is real HTTP and real processes: the upstream's engine runs the greeter demo app for the deployments.
 * The tests run in order and share one upstream; the last one checks that no secret reached the browser or the log.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { applicationSchema } from '@contract/application';
import { listEnvelopeSchema } from '@contract/common';
import { consoleInfoSchema } from '@contract/console';
import { deploymentSchema, type Deployment } from '@contract/deployment';
import { namespaceSchema } from '@contract/namespace';
import { rawRequest } from '../testing/http-harness';
import {
  ACTIVITY_LOCAL_ONLY,
  LIVE_EVENTS_LOCAL_ONLY,
  LOGS_IN_NULLPLATFORM,
  REPORTED_BY_NULLPLATFORM,
  TEST_TRAFFIC_LOCAL_ONLY,
} from './connected-app';
import {
  type Connected,
  messageOf,
  Recorder,
  secretKey,
  startConnected,
  startUpstream,
  Tap,
  type Upstream,
  waitFor,
} from './test-support';

const key = secretKey('connected');
const TTL_MS = 3_000;
const TIMEOUT_MS = 1_500;

let upstream: Upstream;
let tap: Tap;
let connected: Connected;
let client: Recorder;
let staticDir: string;

beforeAll(async () => {
  upstream = await startUpstream({ apiKeys: [secretKey('someone-else'), key], ttl: `${TTL_MS}ms` });
  tap = new Tap(upstream.origin);
  await tap.start();
  staticDir = mkdtempSync(join(tmpdir(), 'np-console-spa-'));
  writeFileSync(
    join(staticDir, 'index.html'),
    '<!doctype html><html><head><title>np-console</title></head><body><div id="root"></div></body></html>',
  );
  connected = await startConnected(tap.url, key, { NP_API_TIMEOUT: `${TIMEOUT_MS}ms` }, staticDir);
  client = new Recorder(connected.url);
});

afterAll(async () => {
  await connected?.close();
  await tap?.stop();
  await upstream?.close();
  if (staticDir !== undefined) rmSync(staticDir, { recursive: true, force: true });
});

type Created = { id: number };
const idOf = (body: unknown) => (body as Created).id;

async function readDeployment(id: number): Promise<Deployment> {
  const answer = await client.call('GET', `/api/deployment/${id}`);
  if (answer.status !== 200) throw new Error(`GET deployment ${id}: ${answer.status} ${answer.text}`);
  return deploymentSchema.parse(answer.body);
}

/** Since `from`, the requests the upstream saw (through the tap). */
const seenSince = (from: number) =>
  tap.seen.slice(from).map((entry) => `${entry.method} ${entry.path} ${entry.status}`);

/** The same, without a renewal the console made first because the token was due (a slow machine can get there). */
const seenSinceAfterDueRenewal = (from: number) => {
  const seen = seenSince(from);
  return seen[0] === 'POST /api/token 200' ? seen.slice(1) : seen;
};

describe('a connected console', () => {
  it('says in /console/info that it is connected, to which host and organization', async () => {
    const answer = await client.call('GET', '/console/info');
    expect(answer.status).toBe(200);
    expect(consoleInfoSchema.parse(answer.body)).toEqual({
      mode: 'connected',
      upstream: { host: tap.host, organization_id: 1, url: tap.url },
      live_events: false,
      version: '0.1.0',
      // nullplatform publishes no health timeout: the SPA shows no countdown in connected mode.
      health_timeout_ms: null,
    });
    expect(connected.server.mode).toBe('connected');
  });

  it('runs the journey through nullplatform: statuses and {message} bodies come back unchanged', async () => {
    const list = await client.call('GET', '/api/application?limit=5');
    expect(list.status).toBe(200);
    listEnvelopeSchema(applicationSchema).parse(list.body);

    const application = await client.call('POST', '/api/application', {
      json: { name: `shop-${Date.now()}`, namespace_id: 1 },
    });
    expect(application.status).toBe(200);
    const applicationId = applicationSchema.parse(application.body).id;
    const namespaces = await client.call('GET', '/api/namespace');
    expect(
      listEnvelopeSchema(namespaceSchema)
        .parse(namespaces.body)
        .results.map((namespace) => namespace.id),
    ).toContain(1);

    const releaseIds: number[] = [];
    for (const semver of ['1.0.0', '1.1.0']) {
      const build = await client.call('POST', '/api/build', {
        json: {
          application_id: applicationId,
          status: 'successful',
          branch: 'main',
          commit: { id: `c0ffee${semver.replaceAll('.', '')}` },
        },
      });
      expect(build.status).toBe(200);
      const asset = await client.call('POST', `/api/build/${idOf(build.body)}/asset`, {
        json: { name: 'main', type: 'docker-image', url: 'file:demo-apps/greeter', metadata: {} },
      });
      expect(asset.status).toBe(200);
      const withoutStatus = await client.call('POST', '/api/release', {
        json: { build_id: idOf(build.body), application_id: applicationId, semver },
      });
      expect(withoutStatus.status).toBe(400);
      expect(messageOf(withoutStatus)).toBe('Missing parameter: status');
      const release = await client.call('POST', '/api/release', {
        json: { status: 'active', build_id: idOf(build.body), application_id: applicationId, semver },
      });
      expect([200, 201]).toContain(release.status);
      releaseIds.push(idOf(release.body));
    }
    const [firstRelease, secondRelease] = releaseIds as [number, number];

    const scope = await client.call('POST', '/api/scope', {
      json: { application_id: applicationId, name: 'production', capabilities: { fixed_instances: 1 } },
    });
    expect(scope.status).toBe(200);
    const scopeId = idOf(scope.body);

    const initial = await client.call('POST', '/api/deployment', {
      json: { scope_id: scopeId, release_id: firstRelease },
    });
    expect(initial.status).toBe(200);
    const initialId = idOf(initial.body);
    await waitFor(
      () => readDeployment(initialId),
      (d) => d.status === 'finalized',
      'finalized',
    );

    const noTraffic = await client.call('PATCH', `/api/deployment/${initialId}`, { json: { status: 'cancelling' } });
    expect(noTraffic.status).toBe(409);
    expect(messageOf(noTraffic)).toMatch(new RegExp(`^deployment ${initialId} cannot go from finalized to cancelling`));
    const emptyPatch = await client.call('PATCH', `/api/deployment/${initialId}`, { json: {} });
    expect(emptyPatch.status).toBe(400);
    expect(messageOf(emptyPatch)).toBe('the body must set status or strategy_data');

    const green = await client.call('POST', '/api/deployment', {
      json: { scope_id: scopeId, release_id: secondRelease },
    });
    expect(green.status).toBe(200);
    const greenId = idOf(green.body);
    expect(deploymentSchema.parse(green.body).strategy).toBe('blue_green');
    const second = await client.call('POST', '/api/deployment', {
      json: { scope_id: scopeId, release_id: secondRelease },
    });
    expect(second.status).toBe(409);
    expect(messageOf(second)).toMatch(/^There's already a running deployment on scope/);

    await waitFor(
      () => readDeployment(greenId),
      (d) => d.status === 'running',
      'running',
    );
    const traffic = await client.call('PATCH', `/api/deployment/${greenId}`, {
      json: { strategy_data: { desired_switched_traffic: 30 } },
    });
    expect(traffic.status).toBe(204);
    expect(traffic.text).toBe('');
    await waitFor(
      () => readDeployment(greenId),
      (d) => d.strategy_data.switched_traffic === 30,
      'switched to 30%',
    );
    const finalize = await client.call('PATCH', `/api/deployment/${greenId}`, { json: { status: 'finalizing' } });
    expect(finalize.status).toBe(204);
    await waitFor(
      () => readDeployment(greenId),
      (d) => d.status === 'finalized',
      'finalized',
    );

    const missing = await client.call('GET', '/api/deployment/999999');
    expect(missing.status).toBe(404);
    expect(messageOf(missing)).toBe('deployment 999999 not found');
  });

  it("forwards the method, query and body with the console's token, never the browser's Authorization or Cookie", async () => {
    const from = tap.seen.length;
    const answer = await client.call('GET', '/api/application?limit=1&offset=0', {
      headers: { authorization: 'Bearer token-from-the-browser', cookie: 'session=from-the-browser' },
    });
    expect(answer.status).toBe(200);
    expect(listEnvelopeSchema(applicationSchema).parse(answer.body).paging.limit).toBe(1);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const forwarded = tap.seen.slice(from).find((entry) => entry.path === '/api/application');
    expect(forwarded?.cookie).toBeUndefined();
    expect(forwarded?.origin).toBeUndefined();
    const sent = forwarded?.authorization?.replace(/^Bearer /, '');
    expect(tap.tokens).toContain(sent);

    const badQuery = await client.call('GET', '/api/application?colour=blue');
    expect(badQuery.status).toBe(400);
    expect(messageOf(badQuery)).toBe('unknown query parameter: colour');
    expect((await client.call('POST', '/api/token', { json: { apikey: 'anything' } })).status).toBe(404);
  });

  it('renews an expired token before using it, without the browser noticing', async () => {
    await client.call('GET', '/api/application?limit=1');
    const exchanges = tap.tokenExchanges();
    const from = tap.seen.length;
    await new Promise((resolve) => setTimeout(resolve, TTL_MS + 300));
    const answer = await client.call('GET', '/api/application?limit=1');
    expect(answer.status).toBe(200);
    expect(tap.tokenExchanges()).toBe(exchanges + 1);
    expect(seenSince(from)).toEqual(['POST /api/token 200', 'GET /api/application 200']);
  });

  it('on a 401 renews the token once and retries the request once', async () => {
    let from = tap.seen.length;
    tap.mode = 'reject-next';
    const answer = await client.call('GET', '/api/application?limit=1');
    expect(answer.status).toBe(200);
    expect(seenSinceAfterDueRenewal(from)).toEqual([
      'GET /api/application 401',
      'POST /api/token 200',
      'GET /api/application 200',
    ]);

    from = tap.seen.length;
    tap.mode = 'reject-always';
    const refused = await client.call('GET', '/api/application?limit=1');
    tap.mode = 'pass';
    expect(refused.status).toBe(502);
    expect(messageOf(refused)).toBe(
      `the nullplatform API at ${tap.host} refused the console's access token even after renewing it (401: the token was revoked (tap))`,
    );
    expect(seenSinceAfterDueRenewal(from)).toEqual([
      'GET /api/application 401',
      'POST /api/token 200',
      'GET /api/application 401',
    ]);
  });

  it('gets a new token when the upstream restarts and forgets the one it issued', async () => {
    await upstream.restart();
    const from = tap.seen.length;
    const answer = await client.call('GET', '/api/application?limit=1');
    expect(answer.status).toBe(200);
    // Usually the old token is refused (401) and renewed; if the restart took until the token was due anyway, the
    // console renewed it first. Either way one new token, at most one refusal, and the request went through.
    const seen = seenSince(from);
    expect(seen.slice(-2)).toEqual(['POST /api/token 200', 'GET /api/application 200']);
    expect(seen.length === 2 || (seen.length === 3 && seen[0] === 'GET /api/application 401')).toBe(true);
  });

  it('answers 502 while the upstream is down, and works again when it is back', async () => {
    await tap.stop();
    for (const [method, json] of [
      ['GET', undefined],
      ['POST', { name: 'while-down', namespace_id: 1 }],
    ] as const) {
      const answer = await client.call(method, '/api/application', json === undefined ? {} : { json });
      expect(answer.status).toBe(502);
      expect(messageOf(answer)).toMatch(
        new RegExp(`nullplatform API at ${tap.host.replaceAll('.', '\\.')} is unreachable: connect ECONNREFUSED`),
      );
    }
    expect((await client.call('GET', '/console/info')).status).toBe(200);
    // Past the token's expiry the renewal itself cannot reach the API: still a 502 that says so.
    await new Promise((resolve) => setTimeout(resolve, TTL_MS + 300));
    const renewing = await client.call('GET', '/api/application');
    expect(renewing.status).toBe(502);
    expect(messageOf(renewing)).toMatch(
      /^cannot renew the console's access token: the nullplatform API at .* is unreachable/,
    );

    await tap.start();
    const back = await client.call('GET', '/api/application?limit=1');
    expect(back.status).toBe(200);
    expect(connected.logs.some((line) => line.includes('is unreachable'))).toBe(true);
  });

  it('answers 504 when the upstream is slower than the timeout', async () => {
    tap.mode = 'slow';
    tap.slowMs = TIMEOUT_MS * 2;
    const answer = await client.call('GET', '/api/application?limit=1');
    tap.mode = 'pass';
    expect(answer.status).toBe(504);
    expect(messageOf(answer)).toBe(`the nullplatform API at ${tap.host} did not answer in time (1.5 s)`);
    expect((await client.call('GET', '/api/application?limit=1')).status).toBe(200);
  });

  it('answers 502 when the upstream answers something that is not JSON', async () => {
    tap.mode = 'garbage';
    const answer = await client.call('GET', '/api/application?limit=1');
    tap.mode = 'pass';
    expect(answer.status).toBe(502);
    expect(messageOf(answer)).toBe(
      `the nullplatform API at ${tap.host} answered 200 with text/html instead of JSON (<html><body>502 Bad Gateway (nginx)</body></html>)`,
    );
    expect((await client.call('GET', '/api/application?limit=1')).status).toBe(200);
  });

  it('says which console endpoints only the local platform has', async () => {
    const events = await client.call('GET', '/console/events');
    expect(events.status).toBe(404);
    expect(messageOf(events)).toBe(LIVE_EVENTS_LOCAL_ONLY);
    for (const path of ['/console/traffic?scope_id=1', '/console/scope/1/runtime']) {
      const answer = await client.call('GET', path);
      expect(answer.status).toBe(404);
      expect(messageOf(answer)).toBe(REPORTED_BY_NULLPLATFORM);
    }
    const evaluations = await client.call('GET', '/console/deployment/1/evaluations');
    expect(evaluations.status).toBe(404);
    expect(messageOf(evaluations)).toMatch(/metric rules itself/);
    for (const method of ['GET', 'POST', 'DELETE']) {
      const testTraffic = await client.call(
        method,
        '/console/scope/1/test-traffic',
        method === 'POST' ? { json: { rate_per_second: 1, duration_seconds: 1 } } : {},
      );
      expect(testTraffic.status, method).toBe(404);
      expect(messageOf(testTraffic)).toBe(TEST_TRAFFIC_LOCAL_ONLY);
    }
    for (const path of ['/console/deployment/1/logs?instance=0', '/console/deployment/1/logs/stream']) {
      const logs = await client.call('GET', path);
      expect(logs.status).toBe(404);
      expect(messageOf(logs)).toBe(LOGS_IN_NULLPLATFORM);
    }
    for (const path of ['/console/activity?scope_id=1', '/console/actors']) {
      const answer = await client.call('GET', path);
      expect(answer.status).toBe(404);
      expect(messageOf(answer)).toBe(ACTIVITY_LOCAL_ONLY);
    }
    const diff = await client.call('GET', '/console/release-diff?from_release_id=1&to_release_id=2');
    expect(diff.status).toBe(404);
    expect(messageOf(diff)).toMatch(/links the repository's compare page/);
    expect((await client.call('GET', '/console/openapi.json')).status).toBe(200);
    expect((await client.call('GET', '/console/nothing')).status).toBe(404);
  });

  it('applies the same request checks to /api: Host, same-origin, JSON', async () => {
    const port = new URL(connected.url).port;
    const rebinding = await rawRequest({ baseUrl: connected.url }, 'GET', '/api/application', {
      host: `evil.example:${port}`,
    });
    expect(rebinding.status).toBe(421);
    const crossSite = await rawRequest(
      { baseUrl: connected.url },
      'POST',
      '/api/application',
      { host: `127.0.0.1:${port}`, 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
      '{"name":"x","namespace_id":1}',
    );
    expect(crossSite.status).toBe(403);
    const form = await rawRequest(
      { baseUrl: connected.url },
      'POST',
      '/api/application',
      { host: `127.0.0.1:${port}`, 'content-type': 'application/x-www-form-urlencoded' },
      'name=x',
    );
    expect(form.status).toBe(415);
    client.answers.push(
      ...[rebinding, crossSite, form].map((answer) => ({
        status: answer.status,
        headers: answer.headers,
        text: answer.text,
        body: answer.body,
      })),
    );
  });

  it('serves the SPA', async () => {
    for (const path of ['/', '/applications/1']) {
      const answer = await client.call('GET', path);
      expect(answer.status).toBe(200);
      expect(answer.text).toContain('<div id="root">');
    }
  });

  it('never lets the key or a token reach the browser or the log', async () => {
    expect(tap.tokens.length).toBeGreaterThanOrEqual(6);
    expect(connected.logs.some((line) => line.startsWith('renewed the access token'))).toBe(true);
    const seenByBrowser = client.everything();
    const logged = connected.logs.join('\n');
    expect(seenByBrowser).not.toBe('');
    for (const secret of [key, ...tap.tokens]) {
      expect(seenByBrowser).not.toContain(secret);
      expect(logged).not.toContain(secret);
    }
    expect(JSON.stringify(connected.server)).not.toContain(key);
  });
});
