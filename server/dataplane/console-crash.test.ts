/**
 * The data plane apart from the control plane, with real processes: scope traffic does not depend on the console
 * process (stopped with SIGSTOP, as hard as a long synchronous query blocks it), and a console whose runtime dies
 * says so and serves every scope again at its address.
 */
import { afterEach, describe, expect, it } from 'vitest';

import { findFreePort } from '../runtime/free-port';
import { isRunning } from '../runtime/linux-processes';
import { httpRequest, startLoad } from '../runtime/test-support';
import {
  apiOf,
  cleanUpConsoles,
  healthyPids,
  newDataDir,
  runtimePidOf,
  seedGreeterScope,
  startConsoleProcess,
  waitFor,
} from '../testing/console-process';

afterEach(cleanUpConsoles);

describe('the data plane apart from the console', () => {
  it('keeps a scope serving while the console process is stopped (SIGSTOP), then the console answers again', async () => {
    const dataDir = newDataDir('blocked');
    const server = await startConsoleProcess(dataDir, await findFreePort());
    const scope = await seedGreeterScope(server.url);

    const load = startLoad(scope.port, 20);
    try {
      await load.served(100);
      server.child.kill('SIGSTOP');
      try {
        // Not one instruction of the console runs meanwhile: these are served by the runtime alone.
        await load.served(500);
      } finally {
        server.child.kill('SIGCONT');
      }
      await load.served(100);
      expect((await load.stop()).failures).toEqual([]);
    } finally {
      await load.stop();
    }
    expect((await apiOf(server.url).call('GET', `/api/scope/${scope.scopeId}`)).status).toBe(200);
  });

  it('notices a SIGKILLed runtime, says so, and serves the scope again at the same address with new instances', async () => {
    const dataDir = newDataDir('runtime-crash');
    const server = await startConsoleProcess(dataDir, await findFreePort());
    const scope = await seedGreeterScope(server.url);
    const oldPids = await healthyPids(server.url, scope.scopeId, 2);
    const runtimePid = runtimePidOf(dataDir);

    process.kill(runtimePid, 'SIGKILL');
    await waitFor('the console to say the data plane is gone', async () =>
      server.output().includes(`the data plane (runtime pid ${runtimePid}) is gone`) ? true : undefined,
    );
    const answer = await waitFor('the scope address to answer again', async () => {
      const greeting = await httpRequest(scope.port, '/api/greeting');
      return greeting.status === 200 ? greeting : undefined;
    });
    expect(answer.deploymentId).toBe(String(scope.blueId));
    expect((await apiOf(server.url).scope(scope.scopeId)).domain).toBe(scope.address);
    expect(runtimePidOf(dataDir)).not.toBe(runtimePid);
    // The dead runtime's instances had no owner left: they were stopped, and new ones serve.
    const newPids = await healthyPids(server.url, scope.scopeId, 2);
    for (const pid of oldPids) expect(await isRunning(pid)).toBe(false);
    expect(newPids.some((pid) => oldPids.includes(pid))).toBe(false);
    expect(server.output().match(/is gone/g)).toHaveLength(1);
  });
});
