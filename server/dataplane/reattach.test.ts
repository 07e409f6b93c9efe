/**
 * Reattach and catch up, with the whole console in this process: a console that stops but keeps the data plane
 * leaves a deployment's instances starting; the next console adopts them as they are (no instance restarted, no
 * address moved) and takes the deployment's next step from what they did meanwhile.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { instanceTagOf } from '../console-server';
import { signal } from '../runtime/linux-processes';
import { waitUntil } from '../runtime/test-support';
import { createGreeterApp, sampleScope, startHarness, type Harness } from '../testing/console-harness';
import { processesOf } from '../testing/console-process';
import { RuntimeConnection } from './runtime-connection';
import { MAX_SOCKET_PATH_BYTES, readRuntimeInfo, runtimeFiles } from './runtime-files';

let harness: Harness | undefined;
let keptDataDir: string | undefined;
afterEach(async () => {
  await harness?.close().catch(() => undefined);
  harness = undefined;
  // A test that failed while no console was attached leaves the kept runtime behind: it goes here.
  if (keptDataDir !== undefined) for (const pid of await processesOf(keptDataDir)) signal(pid, 'SIGKILL');
  keptDataDir = undefined;
});

type Created = { id: number };

describe('a console reattaching to a kept data plane', () => {
  it('adopts the running instances and takes the next step of a deployment that moved on meanwhile', async () => {
    harness = await startHarness();
    const app = await createGreeterApp(harness, [
      { semver: '1.0.0' },
      { semver: '1.1.0', env: { STARTUP_DELAY_MS: '1500' } },
    ]);
    const blue = (
      await harness.api<Created>('POST', '/api/deployment', { scope_id: app.scopeId, release_id: app.releaseIds[0] })
    ).body;
    await harness.waitForDeployment(blue.id, (d) => d.status === 'finalized', 'finalized');
    const address = (await harness.api<{ domain: string }>('GET', `/api/scope/${app.scopeId}`)).body.domain;
    const green = (
      await harness.api<Created>('POST', '/api/deployment', { scope_id: app.scopeId, release_id: app.releaseIds[1] })
    ).body;
    await harness.waitForDeployment(green.id, (d) => d.strategy_data.launched_instances === 2, 'launched');
    const runtimePid = harness.server.mode === 'local' ? harness.server.runtimePid : 0;

    const dataDir = harness.dataDir;
    keptDataDir = dataDir;
    await harness.server.close({ keepDataPlane: true });
    // No console now. The green instances finish starting in the runtime; the stored deployment knows nothing of it.
    const files = runtimeFiles(dataDir, instanceTagOf(dataDir));
    const observer = await RuntimeConnection.connect(files.socket, () => undefined);
    await waitUntil('the green instances are healthy', async () => {
      const snapshot = await observer.request('snapshot', {});
      return snapshot.groups.some((group) => group.deploymentId === green.id && group.healthy === 2);
    });
    const pidsBefore = (await observer.request('instances', { scopeId: app.scopeId })).map((instance) => instance.pid);
    await observer.close();

    harness = await startHarness({}, dataDir);
    expect(harness.server.mode === 'local' && harness.server.runtimePid).toBe(runtimePid);
    const running = await harness.waitForDeployment(green.id, (d) => d.status === 'running', 'running');
    expect(running.strategy_data).toMatchObject({ healthy_instances: 2, launched_instances: 2 });
    const runtime = await harness.api<{ address: string; instances: Array<{ pid: number }> }>(
      'GET',
      `/console/scope/${app.scopeId}/runtime`,
    );
    expect(runtime.body.address).toBe(address);
    expect(runtime.body.instances.map((instance) => instance.pid)).toEqual(pidsBefore);
    // Never restarted: no message says an instance started again, and the green release was started once.
    const messages = (running.messages ?? []).map((message) => message.message);
    expect(messages.filter((message) => message.startsWith('starting 2 instances'))).toHaveLength(1);

    const served = await sampleScope(address, 40);
    expect(served.failures).toBe(0);
    expect(served.served.get(String(blue.id))).toBe(40);
  });

  it('runs its data plane from a data folder too deep for a socket path, through a socket in the temporary folder', async () => {
    const base = mkdtempSync(join(tmpdir(), 'np-console-deep-'));
    const deep = join(base, 'a-data-folder-whose-path-is-longer-than-a-unix-socket-address-can-hold', 'x'.repeat(60));
    mkdirSync(deep, { recursive: true });
    try {
      harness = await startHarness({}, deep);
      const info = readRuntimeInfo(join(deep, 'runtime.json'));
      expect(Buffer.byteLength(join(deep, 'runtime.sock'))).toBeGreaterThan(MAX_SOCKET_PATH_BYTES);
      expect(info?.socket).toBe(join(tmpdir(), `np-console-${instanceTagOf(deep)}.sock`));
      const app = await createGreeterApp(harness, [{ semver: '1.0.0' }]);
      const deployment = (
        await harness.api<Created>('POST', '/api/deployment', { scope_id: app.scopeId, release_id: app.releaseIds[0] })
      ).body;
      await harness.waitForDeployment(deployment.id, (d) => d.status === 'finalized', 'finalized');
      await harness.close();
      harness = undefined;
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});
