import { createHash } from 'node:crypto';
import { Agent } from 'node:http';

import { afterEach, describe, expect, it } from 'vitest';

import type { ConnectionLimits } from '../bounded-server';
import {
  destroyAll,
  openStalledConnections,
  plainRequest,
  type StalledConnection,
} from '../testing/stalled-connections';
import { isRunning } from './linux-processes';
import { ScopeProxy, scopeConnectionLimits } from './scope-proxy';
import { InstanceSupervisor, type InstanceGroup } from './supervisor';
import {
  fixturePath,
  greeterSpec,
  httpRequest,
  recordingListener,
  startLoad,
  uniqueInstanceTag,
  waitUntil,
} from './test-support';

const supervisor = new InstanceSupervisor({
  instanceTag: uniqueInstanceTag(),
  healthIntervalMs: 100,
  restartBackoffMs: 100,
});
const proxies: ScopeProxy[] = [];

afterEach(async () => {
  await Promise.all(proxies.splice(0).map((proxy) => proxy.close()));
  await supervisor.stopAll();
});

async function startProxy(
  limits?: Partial<ConnectionLimits>,
  logger?: (line: string) => void,
): Promise<{ proxy: ScopeProxy; port: number }> {
  const proxy = new ScopeProxy({ scopeId: 1, host: '127.0.0.1', port: 0, limits, logger });
  proxies.push(proxy);
  return { proxy, port: await proxy.listen() };
}

async function healthyGroup(deploymentId: number, env: Record<string, string> = {}, count = 2): Promise<InstanceGroup> {
  const spec = greeterSpec(deploymentId, { count });
  const group = supervisor.startGroup({ ...spec, env: { ...spec.env, ...env } }, recordingListener());
  await waitUntil(`deployment ${deploymentId} is healthy`, () => group.healthyEndpoints().length === count);
  return group;
}

describe('ScopeProxy', () => {
  it('sends exactly the configured share of 1,000 requests to the new deployment', async () => {
    const [oldGroup, newGroup] = await Promise.all([healthyGroup(101), healthyGroup(102)]);
    const { proxy, port } = await startProxy();
    proxy.setRoutes([
      { deploymentId: 101, weight: 70, group: oldGroup },
      { deploymentId: 102, weight: 30, group: newGroup },
    ]);

    const agent = new Agent({ keepAlive: true });
    const servedBy = new Map<string, number>();
    const statuses = new Set<number>();
    // Four clients of 250 requests each: the split is per request at the proxy, whatever the clients' interleaving.
    const client = async () => {
      for (let sent = 0; sent < 250; sent += 1) {
        const answer = await httpRequest(port, '/api/greeting', { agent });
        statuses.add(answer.status);
        servedBy.set(String(answer.deploymentId), (servedBy.get(String(answer.deploymentId)) ?? 0) + 1);
      }
    };
    await Promise.all([client(), client(), client(), client()]);
    agent.destroy();

    expect([...statuses]).toEqual([200]);
    const toNew = servedBy.get('102') ?? 0;
    expect(Math.abs(toNew / 1000 - 0.3)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(toNew - 300)).toBeLessThanOrEqual(1); // smooth weighted round-robin is exact, not just close
    expect(servedBy.get('101')).toBe(1000 - toNew);
    const traffic = proxy.traffic(300);
    expect(traffic.totals).toEqual({ '101': 1000 - toNew, '102': toNew });
    expect(traffic.weights).toEqual({ '101': 70, '102': 30 });
    expect(traffic.samples).toHaveLength(300);
    expect(traffic.samples.reduce((sum, sample) => sum + (sample.counts['102'] ?? 0), 0)).toBe(toNew);
  });

  it('loses no request while traffic moves 0 → 50 → 100 and the old deployment is drained and stopped', async () => {
    // A small response delay keeps requests genuinely in flight at every step, including the drain.
    const [oldGroup, newGroup] = await Promise.all([
      healthyGroup(201, { RESPONSE_DELAY_MS: '5' }),
      healthyGroup(202, { RESPONSE_DELAY_MS: '5' }),
    ]);
    const { proxy, port } = await startProxy();
    proxy.setRoutes([
      { deploymentId: 201, weight: 100, group: oldGroup },
      { deploymentId: 202, weight: 0, group: newGroup },
    ]);
    const load = startLoad(port, 8);

    await load.served(200);
    proxy.setRoutes([
      { deploymentId: 201, weight: 50, group: oldGroup },
      { deploymentId: 202, weight: 50, group: newGroup },
    ]);
    await load.served(200);
    proxy.setRoutes([{ deploymentId: 202, weight: 100, group: newGroup }]);
    await proxy.drain(201);
    expect(proxy.inFlight(201)).toBe(0);
    await oldGroup.stop();
    const servedByOldBeforeStop = proxy.traffic().totals['201'];
    await load.served(200);
    const result = await load.stop();

    expect(result.failures).toEqual([]);
    expect(result.servedBy.get('202')).toBeGreaterThan(200);
    expect(proxy.traffic().totals['201']).toBe(servedByOldBeforeStop);
    expect(oldGroup.snapshot().map((instance) => instance.state)).toEqual(['stopped', 'stopped']);
  });

  it('drains: resolves only once the requests in flight to the deployment have been answered', async () => {
    const [slowGroup, nextGroup] = await Promise.all([
      healthyGroup(251, { RESPONSE_DELAY_MS: '400' }),
      healthyGroup(252),
    ]);
    const { proxy, port } = await startProxy();
    proxy.setRoutes([{ deploymentId: 251, weight: 100, group: slowGroup }]);
    const answered: number[] = [];
    const requests = [1, 2, 3].map(() =>
      httpRequest(port, '/api/greeting').then((answer) => answered.push(answer.status)),
    );
    await waitUntil('three requests are in flight', () => proxy.inFlight(251) === 3);

    proxy.setRoutes([{ deploymentId: 252, weight: 100, group: nextGroup }]);
    expect((await httpRequest(port, '/api/greeting')).deploymentId).toBe('252');
    await proxy.drain(251);

    expect(proxy.inFlight(251)).toBe(0);
    expect(proxy.traffic().totals['251']).toBe(3); // the instance had answered all three before the drain ended
    await Promise.all(requests);
    expect(answered).toEqual([200, 200, 200]);
  });

  it('gives up draining after the timeout, leaving the requests to the instances’ own grace period', async () => {
    const slowGroup = await healthyGroup(261, { RESPONSE_DELAY_MS: '1000' }, 1);
    const { proxy, port } = await startProxy();
    proxy.setRoutes([{ deploymentId: 261, weight: 100, group: slowGroup }]);
    const slow = httpRequest(port, '/api/greeting');
    await waitUntil('the request is in flight', () => proxy.inFlight(261) === 1);
    proxy.setRoutes([]);

    await proxy.drain(261, 50);
    expect(proxy.inFlight(261)).toBe(1);
    await slowGroup.stop(); // SIGTERM: the app finishes the request before it exits
    expect((await slow).status).toBe(200);
  });

  it('keeps serving while a killed instance is reported and restarted', async () => {
    const listener = recordingListener();
    const group = supervisor.startGroup(greeterSpec(301), listener);
    await waitUntil('deployment 301 is healthy', () => group.healthyEndpoints().length === 2);
    const { proxy, port } = await startProxy();
    proxy.setRoutes([{ deploymentId: 301, weight: 100, group }]);
    const load = startLoad(port, 8);
    await load.served(100);

    const victim = group.snapshot()[0];
    process.kill(victim?.pid ?? 0, 'SIGKILL');
    await waitUntil(
      'the killed instance is restarted and healthy',
      () => listener.restarted.length === 1 && group.healthyEndpoints().length === 2,
    );
    await load.served(100);
    const result = await load.stop();

    expect(result.failures).toEqual([]);
    expect(listener.exits).toEqual([{ index: 0, detail: 'killed by signal SIGKILL', restarting: true }]);
    expect(listener.restarted).toEqual([0]);
    expect(listener.healthy.at(-1)).toBe(2);
    const restarted = group.snapshot()[0];
    expect(restarted).toMatchObject({ index: 0, state: 'healthy', restarts: 1 });
    expect(restarted?.pid).not.toBe(victim?.pid);
    expect(await isRunning(victim?.pid ?? 0)).toBe(false);
  });

  it('answers 503 with a message when the scope has nothing healthy to serve', async () => {
    const { proxy, port } = await startProxy();
    const answer = await httpRequest(port, '/');
    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.body)).toEqual({ message: 'scope 1 has no healthy instance to serve this request' });

    const starting = supervisor.startGroup(greeterSpec(401, { env: { HEALTH_STATUS: '503' } }), recordingListener());
    proxy.setRoutes([{ deploymentId: 401, weight: 100, group: starting }]);
    expect((await httpRequest(port, '/')).status).toBe(503);
    expect(proxy.traffic().samples.reduce((sum, sample) => sum + sample.errors, 0)).toBe(2);
  });

  it('forwards method, path, headers and body, and tags the answer with the deployment', async () => {
    const group = supervisor.startGroup(
      greeterSpec(501, { count: 1, entry: fixturePath('echo-server.js') }),
      recordingListener(),
    );
    await waitUntil('the echo instance is healthy', () => group.healthyEndpoints().length === 1);
    const { proxy, port } = await startProxy();
    proxy.setRoutes([{ deploymentId: 501, weight: 100, group }]);

    const small = JSON.stringify({ name: 'widget' });
    const answer = await httpRequest(port, '/items?page=2', {
      method: 'POST',
      body: small,
      headers: { 'content-type': 'application/json', 'x-custom': 'kept', host: 'scope-1.local' },
    });
    expect(answer.status).toBe(201);
    expect(answer.deploymentId).toBe('501');
    expect(answer.headers['x-echo']).toBe('yes');
    const echoed = JSON.parse(answer.body) as {
      method: string;
      url: string;
      headers: Record<string, string>;
      body_length: number;
    };
    expect(echoed).toMatchObject({ method: 'POST', url: '/items?page=2', body_length: small.length });
    expect(echoed.headers).toMatchObject({
      'x-custom': 'kept',
      host: 'scope-1.local',
      'x-forwarded-host': 'scope-1.local',
      'x-forwarded-for': '127.0.0.1',
    });

    // Over the 1 MB buffering limit: streamed through, byte for byte.
    const large = Buffer.alloc(3 * 1024 * 1024, 'np');
    const streamed = JSON.parse((await httpRequest(port, '/upload', { method: 'PUT', body: large })).body) as {
      body_sha: string;
    };
    expect(streamed.body_sha).toBe(createHash('sha256').update(large).digest('hex'));
  });

  it('rejects setRoutes whose weights do not sum to 100', async () => {
    const { proxy } = await startProxy();
    const group = supervisor.startGroup(greeterSpec(601, { count: 1 }), recordingListener());
    expect(() => proxy.setRoutes([{ deploymentId: 601, weight: 60, group }])).toThrow(/sum to 100, they sum to 60/);
    expect(proxy.traffic().weights).toEqual({});
  });

  it('refuses to listen on a port that is taken, saying so', async () => {
    const { port } = await startProxy();
    const second = new ScopeProxy({ scopeId: 2, host: '127.0.0.1', port });
    await expect(second.listen()).rejects.toThrow(
      `scope 2: cannot listen on 127.0.0.1:${port}: the port is already in use`,
    );
  });
});

describe('ScopeProxy connection bounds', () => {
  const stalledSets: StalledConnection[][] = [];
  afterEach(() => {
    for (const connections of stalledSets.splice(0)) destroyAll(connections);
  });
  async function stalled(port: number, count: number): Promise<StalledConnection[]> {
    const connections = await openStalledConnections(port, count);
    stalledSets.push(connections);
    return connections;
  }

  it('has defaults that bound every connection', () => {
    expect(scopeConnectionLimits).toEqual({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 60_000,
      keepAliveTimeoutMs: 5_000,
      shedWaitingAbove: 768,
      maxConnections: 1_024,
      checkIntervalMs: 1_000,
    });
  });

  it('closes 200 connections that send half a header, with a JSON 408, and keeps serving meanwhile', async () => {
    const group = await healthyGroup(701, {}, 1);
    const { proxy, port } = await startProxy({
      headersTimeoutMs: 1_000,
      requestTimeoutMs: 2_000,
      checkIntervalMs: 100,
    });
    proxy.setRoutes([{ deploymentId: 701, weight: 100, group }]);
    const connections = await stalled(port, 200);

    const served = await plainRequest(port, '/api/greeting');
    expect(served).toMatchObject({ status: 200 });
    await waitUntil(
      'the proxy closed every stalled connection',
      () => connections.every((connection) => connection.closed),
      600,
    );
    for (const connection of connections) {
      expect(connection.received).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
      expect(connection.received).toContain(
        '{"message":"the request did not arrive in time: headers are expected within 1 s and the whole request within 2 s"}',
      );
    }
    // Not a single one reached an instance.
    expect(proxy.traffic().totals).toEqual({ '701': 1 });
    expect(await plainRequest(port, '/api/greeting')).toMatchObject({ status: 200 });
  });

  it('past the shedding point, closes the oldest stalled connections so that requests keep being served', async () => {
    const group = await healthyGroup(703, {}, 1);
    const { proxy, port } = await startProxy({
      shedWaitingAbove: 20,
      headersTimeoutMs: 60_000,
      requestTimeoutMs: 60_000,
    });
    proxy.setRoutes([{ deploymentId: 703, weight: 100, group }]);
    const connections = await stalled(port, 100);

    await waitUntil(
      'the proxy is down to 20 stalled connections',
      () => connections.filter((connection) => !connection.closed).length === 20,
      600,
    );
    expect(await plainRequest(port, '/api/greeting')).toMatchObject({ status: 200 });
    expect(
      connections.filter((connection) => connection.closed).every((connection) => connection.received === ''),
    ).toBe(true);
  });

  it('refuses connections past the cap, and serves again once the stalled ones are gone', async () => {
    const group = await healthyGroup(702, {}, 1);
    const logged: string[] = [];
    const { proxy, port } = await startProxy(
      { shedWaitingAbove: 10, maxConnections: 10, headersTimeoutMs: 60_000, requestTimeoutMs: 60_000 },
      (line) => logged.push(line),
    );
    proxy.setRoutes([{ deploymentId: 702, weight: 100, group }]);
    const holding = await stalled(port, 10);
    const beyond = await stalled(port, 20);

    await waitUntil(
      'the proxy closed every connection past the cap',
      () => beyond.every((connection) => connection.closed),
      600,
    );
    expect(beyond.map((connection) => connection.received)).toEqual(beyond.map(() => ''));
    expect(holding.some((connection) => connection.closed)).toBe(false);
    expect(logged).toContain('scope 1: refusing new connections: 10 are open, the most it holds');

    // The clients holding the slots give up; the proxy sees them go and takes new connections again.
    destroyAll(holding);
    let answer: Awaited<ReturnType<typeof plainRequest>> = { error: 'not tried' };
    await waitUntil('a request is served again', async () => {
      answer = await plainRequest(port, '/api/greeting');
      return 'status' in answer;
    });
    expect(answer).toMatchObject({ status: 200 });
  });
});
