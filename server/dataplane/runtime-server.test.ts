/**
 * The runtime's socket protocol, with the runtime server in this process and real instances and a real proxy behind
 * it: what a console can ask, what it hears back, and what is refused at the boundary.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { greeterSpec, httpRequest, uniqueInstanceTag, waitUntil } from '../runtime/test-support';
import { PROTOCOL_VERSION, type RuntimeEvent } from './protocol';
import { RuntimeConnection } from './runtime-connection';
import { MAX_SOCKET_PATH_BYTES, runtimeFiles } from './runtime-files';
import { RuntimeServer } from './runtime-server';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startRuntime() {
  const folder = mkdtempSync(join(tmpdir(), 'np-console-runtime-'));
  const socketPath = join(folder, 'runtime.sock');
  const instanceTag = uniqueInstanceTag();
  let shutdowns = 0;
  const server = new RuntimeServer({
    socketPath,
    instanceTag,
    healthIntervalMs: 100,
    version: 'test',
    log: () => undefined,
    onShutdown: () => (shutdowns += 1),
  });
  await server.listen();
  cleanups.push(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });
  const connect = async () => {
    const connection = await RuntimeConnection.connect(socketPath, () => undefined);
    cleanups.push(() => connection.close());
    return connection;
  };
  return { socketPath, instanceTag, connect, shutdowns: () => shutdowns };
}

/** Sends raw lines and collects every line that comes back until the runtime closes the connection or `ms` pass. */
function rawExchange(
  socketPath: string,
  lines: string[],
  ms = 1000,
): Promise<{ answers: unknown[]; closedByRuntime: boolean }> {
  return new Promise((resolve) => {
    const socket = createConnection(socketPath);
    let received = '';
    let closedByRuntime = false;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('end', () => (closedByRuntime = true));
    const finish = () => {
      socket.destroy();
      resolve({
        answers: received
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as unknown),
        closedByRuntime,
      });
    };
    socket.on('close', finish);
    socket.on('connect', () => socket.write(lines.map((line) => `${line}\n`).join('')));
    setTimeout(finish, ms);
  });
}

describe('the runtime protocol', () => {
  it('runs a scope address and a deployment for a console, reports their events, and shows both to the next console', async () => {
    const runtime = await startRuntime();
    const console1 = await runtime.connect();
    const events: RuntimeEvent[] = [];
    console1.onEvent((event) => events.push(event));

    expect(await console1.request('hello', {})).toMatchObject({
      protocol: PROTOCOL_VERSION,
      pid: process.pid,
      instanceTag: runtime.instanceTag,
    });
    const { port } = await console1.request('openProxy', { scopeId: 1, host: '127.0.0.1', port: 0 });
    expect(await console1.request('openProxy', { scopeId: 1, host: '127.0.0.1', port: 0 })).toEqual({ port });

    await console1.request('startGroup', { spec: greeterSpec(7), startedAt: 1234 });
    await waitUntil('both instances are healthy', () =>
      events.some((event) => event.event === 'healthy' && event.value === 2),
    );
    expect(events).toContainEqual({ event: 'launched', deploymentId: 7, value: 2 });
    await console1.request('setRoutes', { scopeId: 1, routes: [{ deploymentId: 7, weight: 100 }] });
    const answer = await httpRequest(port, '/api/greeting');
    expect(answer).toMatchObject({ status: 200, deploymentId: '7' });
    expect((await console1.request('traffic', { scopeId: 1, windowSeconds: 5 }))?.totals).toEqual({ '7': 1 });
    expect((await console1.request('instances', { scopeId: 1 })).map((instance) => instance.state)).toEqual([
      'healthy',
      'healthy',
    ]);

    // A console that goes away takes nothing with it; the next one sees it all as it is.
    await console1.close();
    expect((await httpRequest(port, '/api/greeting')).status).toBe(200);
    const console2 = await runtime.connect();
    expect(await console2.request('snapshot', {})).toEqual({
      proxies: [{ scopeId: 1, host: '127.0.0.1', port, routes: [{ deploymentId: 7, weight: 100 }] }],
      groups: [{ deploymentId: 7, scopeId: 1, startedAt: 1234, launched: 2, healthy: 2, healthSummary: 'HTTP 200' }],
    });

    await console2.request('setRoutes', { scopeId: 1, routes: [] });
    await console2.request('drain', { scopeId: 1, deploymentId: 7, timeoutMs: 1000 });
    await console2.request('stopGroup', { deploymentId: 7 });
    await console2.request('closeProxy', { scopeId: 1 });
    expect(await console2.request('snapshot', {})).toEqual({ proxies: [], groups: [] });
    await console2.request('shutdown', {});
    await waitUntil('the runtime was told to exit', () => runtime.shutdowns() === 1);
  });

  it('refuses what it cannot do, saying why, and keeps the connection', async () => {
    const runtime = await startRuntime();
    const connection = await runtime.connect();
    await expect(connection.request('setRoutes', { scopeId: 9, routes: [] })).rejects.toThrow(
      'scope 9 has no address in the data plane',
    );
    await connection.request('openProxy', { scopeId: 9, host: '127.0.0.1', port: 0 });
    await expect(
      connection.request('setRoutes', { scopeId: 9, routes: [{ deploymentId: 3, weight: 100 }] }),
    ).rejects.toThrow('deployment 3 has no instances in the data plane');
    expect(await connection.request('hello', {})).toMatchObject({ instanceTag: runtime.instanceTag });
  });

  it('checks every request at the boundary: unknown methods and bad parameters are answered with an error', async () => {
    const runtime = await startRuntime();
    const { answers, closedByRuntime } = await rawExchange(runtime.socketPath, [
      JSON.stringify({ id: 1, method: 'format-disk', params: {} }),
      JSON.stringify({ id: 2, method: 'openProxy', params: { scopeId: -1, host: '127.0.0.1', port: 70000 } }),
      JSON.stringify({
        id: 3,
        method: 'startGroup',
        params: { spec: { ...greeterSpec(1), healthPath: 'health' }, startedAt: 0 },
      }),
      JSON.stringify({ id: 4, method: 'hello', params: {} }),
    ]);
    expect(closedByRuntime).toBe(false);
    expect(answers).toEqual([
      { id: 1, ok: false, error: 'unknown method "format-disk"' },
      { id: 2, ok: false, error: expect.stringMatching(/^openProxy: scopeId: .*; port: /) },
      { id: 3, ok: false, error: expect.stringMatching(/^startGroup: spec\.healthPath: /) },
      { id: 4, ok: true, result: expect.objectContaining({ protocol: PROTOCOL_VERSION }) },
    ]);
  });

  it('closes a connection that sends something that is not a request', async () => {
    const runtime = await startRuntime();
    expect((await rawExchange(runtime.socketPath, ['this is not JSON'])).closedByRuntime).toBe(true);
    expect((await rawExchange(runtime.socketPath, [JSON.stringify({ hello: 'there' })])).closedByRuntime).toBe(true);
    // And it still serves the next console.
    const connection = await runtime.connect();
    expect(await connection.request('hello', {})).toMatchObject({ instanceTag: runtime.instanceTag });
  });
});

describe('runtimeFiles', () => {
  it('puts the socket in the data folder, or in the temporary folder when the path would not fit a Unix socket', () => {
    expect(runtimeFiles('/srv/np', 'abc').socket).toBe('/srv/np/runtime.sock');
    const deep = `/srv/${'d'.repeat(120)}`;
    const files = runtimeFiles(deep, 'abc');
    expect(files.socket).toBe(join(tmpdir(), 'np-console-abc.sock'));
    expect(Buffer.byteLength(files.socket)).toBeLessThanOrEqual(MAX_SOCKET_PATH_BYTES);
    expect(files.info).toBe(join(deep, 'runtime.json'));
  });
});
