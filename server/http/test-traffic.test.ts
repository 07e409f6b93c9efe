/**
 * Test traffic from the console, with real processes: requests reach the scope's real address and are counted by its
 * proxy per deployment; bounds are refused; stop stops; a generator never outlives the console that runs it.
 */
import { afterEach, describe, expect, it } from 'vitest';

import { scopeTrafficSchema, type ScopeTraffic } from '@contract/console';
import { testTrafficPath, testTrafficStatusSchema, type TestTrafficStatus } from '@contract/test-traffic';
import { signal } from '../runtime/linux-processes';
import { createGreeterApp, startHarness, type Harness } from '../testing/console-harness';
import { processesOf, waitFor } from '../testing/console-process';

let harness: Harness | undefined;
let keptDataDir: string | undefined;
afterEach(async () => {
  await harness?.close().catch(() => undefined);
  harness = undefined;
  if (keptDataDir !== undefined) for (const pid of await processesOf(keptDataDir)) signal(pid, 'SIGKILL');
  keptDataDir = undefined;
});

type Created = { id: number };

/** An application whose one scope serves `env`'s release (initial deployment, finalized). */
async function servingScope(h: Harness, env: Record<string, string> = {}) {
  const app = await createGreeterApp(h, [{ semver: '1.0.0', env }]);
  const deployment = (
    await h.api<Created>('POST', '/api/deployment', { scope_id: app.scopeId, release_id: app.releaseIds[0] })
  ).body;
  await h.waitForDeployment(deployment.id, (d) => d.status === 'finalized', 'finalized');
  return { ...app, deploymentId: deployment.id };
}

const status = async (h: Harness, scopeId: number): Promise<TestTrafficStatus> => {
  const answer = await h.api('GET', testTrafficPath(scopeId), undefined, testTrafficStatusSchema);
  expect(answer.status).toBe(200);
  return answer.body;
};

const traffic = async (h: Harness, scopeId: number): Promise<ScopeTraffic> =>
  (await h.api('GET', `/console/traffic?scope_id=${scopeId}`, undefined, scopeTrafficSchema)).body;

/** What the scope's proxy counted for `deploymentId` in the last minute: requests and their failures. */
async function counted(h: Harness, scopeId: number, deploymentId: number) {
  const { samples } = await traffic(h, scopeId);
  const key = String(deploymentId);
  return {
    requests: samples.reduce((sum, sample) => sum + (sample.counts[key] ?? 0), 0),
    errors: samples.reduce((sum, sample) => sum + (sample.errors_by_deployment?.[key] ?? 0), 0),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('test traffic', () => {
  it('sends the asked rate for the asked time to the scope address, where the proxy counts every request', async () => {
    harness = await startHarness();
    const h = harness;
    const scope = await servingScope(h, { FAIL_RATE: '0.25' });
    expect(await status(h, scope.scopeId)).toMatchObject({ running: false, rate_per_second: null, sent: 0, failed: 0 });

    const started = await h.api(
      'POST',
      testTrafficPath(scope.scopeId),
      { rate_per_second: 20, duration_seconds: 3, path: '/api/greeting' },
      testTrafficStatusSchema,
    );
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({
      running: true,
      rate_per_second: 20,
      duration_seconds: 3,
      path: '/api/greeting',
      end_reason: null,
    });
    // One generator per scope: a second start is refused while the first runs, naming how to stop it.
    const second = await h.api<{ message: string }>('POST', testTrafficPath(scope.scopeId), {
      rate_per_second: 5,
      duration_seconds: 60,
    });
    expect(second.status).toBe(409);
    expect(second.body.message).toMatch(
      /already runs on scope \d+ \(20 requests\/s until .*\); stop it first with DELETE/,
    );

    const done = await waitFor(
      'the generator stops at its duration',
      async () => {
        const current = await status(h, scope.scopeId);
        return current.running ? undefined : current;
      },
      30_000,
    );
    expect(done.end_reason).toBe('duration');
    // 20/s for 3 s is 60 requests; a busy machine may drop a few that came due more than a second late, never add.
    expect(done.sent).toBeGreaterThanOrEqual(50);
    expect(done.sent).toBeLessThanOrEqual(60);
    // Each of the two instances fails exactly 1 answer in 4 of its own.
    expect(Math.abs(done.failed - done.sent / 4)).toBeLessThanOrEqual(2);
    expect(done.last_failure).toBe(`500 from deployment ${scope.deploymentId}`);

    // The proxy counted each of them for the serving deployment, and each 500 as that deployment's error.
    const proxy = await waitFor(
      'the proxy counted every request',
      async () => {
        const now = await counted(h, scope.scopeId, scope.deploymentId);
        return now.requests >= done.sent ? now : undefined;
      },
      10_000,
    );
    expect(proxy).toEqual({ requests: done.sent, errors: done.failed });

    // A new run may start once the last one ended.
    const again = await h.api(
      'POST',
      testTrafficPath(scope.scopeId),
      { rate_per_second: 1, duration_seconds: 1 },
      testTrafficStatusSchema,
    );
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ running: true, sent: 0, path: '/' });
  });

  it('stops on DELETE: no request is sent after the answer', async () => {
    harness = await startHarness();
    const h = harness;
    const scope = await servingScope(h);
    expect(
      (await h.api('POST', testTrafficPath(scope.scopeId), { rate_per_second: 10, duration_seconds: 600 })).status,
    ).toBe(200);
    await waitFor(
      'a few requests are sent',
      async () => ((await status(h, scope.scopeId)).sent >= 5 ? true : undefined),
      15_000,
    );

    const stopped = await h.api('DELETE', testTrafficPath(scope.scopeId), undefined, testTrafficStatusSchema);
    expect(stopped.status).toBe(200);
    expect(stopped.body).toMatchObject({ running: false, end_reason: 'stopped', failed: 0 });
    const sent = stopped.body.sent;
    await waitFor(
      'the proxy counted what was sent',
      async () => ((await counted(h, scope.scopeId, scope.deploymentId)).requests >= sent ? true : undefined),
      10_000,
    );
    await sleep(1_000);
    expect((await counted(h, scope.scopeId, scope.deploymentId)).requests).toBe(sent);
    expect((await status(h, scope.scopeId)).sent).toBe(sent);
    // Stopping what has stopped changes nothing.
    const again = await h.api('DELETE', testTrafficPath(scope.scopeId), undefined, testTrafficStatusSchema);
    expect(again.body).toMatchObject({ running: false, end_reason: 'stopped', sent });
  });

  it('stops when its scope is deleted', async () => {
    harness = await startHarness();
    const h = harness;
    const scope = await servingScope(h);
    expect(
      (await h.api('POST', testTrafficPath(scope.scopeId), { rate_per_second: 10, duration_seconds: 600 })).status,
    ).toBe(200);
    expect((await h.api('DELETE', `/api/scope/${scope.scopeId}`)).status).toBe(204);
    const done = await waitFor(
      'the generator stops',
      async () => {
        const current = await status(h, scope.scopeId);
        return current.running ? undefined : current;
      },
      15_000,
    );
    expect(done.end_reason).toBe('scope_gone');
  });

  it('refuses what is out of bounds with 400 {message} and starts nothing', async () => {
    harness = await startHarness();
    const h = harness;
    const scope = await servingScope(h);
    const bad: Array<[unknown, RegExp]> = [
      [{ rate_per_second: 51, duration_seconds: 10 }, /rate_per_second must be more than 0 and at most 50/],
      [{ rate_per_second: 0, duration_seconds: 10 }, /rate_per_second must be more than 0/],
      [{ rate_per_second: '10', duration_seconds: 10 }, /rate_per_second must be a number/],
      [{ rate_per_second: 10, duration_seconds: 601 }, /duration_seconds must be from 1 to 600/],
      [{ rate_per_second: 10, duration_seconds: 0 }, /duration_seconds must be from 1 to 600/],
      [{ rate_per_second: 10, duration_seconds: 1.5 }, /duration_seconds must be a whole number/],
      [{ rate_per_second: 10 }, /Missing parameter: duration_seconds/],
      [{ rate_per_second: 10, duration_seconds: 10, path: 'api' }, /path must start with a single \//],
      [{ rate_per_second: 10, duration_seconds: 10, path: '//elsewhere.example/' }, /path must start with a single \//],
      [{ rate_per_second: 10, duration_seconds: 10, path: '/a b' }, /no spaces/],
      [{ rate_per_second: 10, duration_seconds: 10, host: 'elsewhere.example' }, /unknown field: host/],
    ];
    for (const [body, message] of bad) {
      const answer = await h.api<{ message: string }>('POST', testTrafficPath(scope.scopeId), body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.message).toMatch(message);
    }
    expect(await status(h, scope.scopeId)).toMatchObject({ running: false, rate_per_second: null, sent: 0 });

    const unknown = await h.api<{ message: string }>('POST', testTrafficPath(9999), {
      rate_per_second: 1,
      duration_seconds: 1,
    });
    expect(unknown).toMatchObject({ status: 404, body: { message: 'scope 9999 not found' } });
    expect((await h.api('GET', testTrafficPath(9999))).status).toBe(404);
    expect((await h.api('DELETE', testTrafficPath(9999))).status).toBe(404);

    // A scope never deployed serves nothing to send requests to.
    const idle = await h.api<Created>('POST', '/api/scope', {
      application_id: scope.applicationId,
      name: 'idle',
      capabilities: { fixed_instances: 1 },
    });
    const nothingServed = await h.api<{ message: string }>('POST', testTrafficPath(idle.body.id), {
      rate_per_second: 1,
      duration_seconds: 1,
    });
    expect(nothingServed).toMatchObject({
      status: 409,
      body: { message: `scope ${idle.body.id} serves no release yet: deploy one to it first` },
    });
    expect(await status(h, idle.body.id)).toMatchObject({ running: false, sent: 0 });
  });

  it('stops with the console that runs it: a console reattaching to the kept data plane sends nothing', async () => {
    harness = await startHarness();
    const scope = await servingScope(harness);
    expect(
      (await harness.api('POST', testTrafficPath(scope.scopeId), { rate_per_second: 20, duration_seconds: 600 }))
        .status,
    ).toBe(200);
    await waitFor(
      'requests are sent',
      async () => ((await status(harness as Harness, scope.scopeId)).sent >= 10 ? true : undefined),
      15_000,
    );

    const dataDir = harness.dataDir;
    keptDataDir = dataDir;
    if (harness.server.mode !== 'local') throw new Error('the harness runs the local platform');
    await harness.server.close({ keepDataPlane: true });
    harness = await startHarness({}, dataDir);
    const h = harness;
    expect(await status(h, scope.scopeId)).toMatchObject({ running: false, sent: 0 });
    // The data plane kept its counters: they stop growing once the requests in flight when the console stopped land.
    const settled = await waitFor(
      'the counters settle',
      async () => {
        const before = (await counted(h, scope.scopeId, scope.deploymentId)).requests;
        await sleep(500);
        return (await counted(h, scope.scopeId, scope.deploymentId)).requests === before ? before : undefined;
      },
      10_000,
    );
    await sleep(1_000);
    expect((await counted(h, scope.scopeId, scope.deploymentId)).requests).toBe(settled);
  });
});
