/**
 * Deliberate stops and the data folder's lock, with real processes (server/main.ts): a default stop leaves nothing
 * of the console running; NP_CONSOLE_KEEP_DATA_PLANE=1 leaves every scope serving and the next start reattaches; a
 * second console on a folder in use stops at once, says whose it is, and changes nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { findFreePort } from '../runtime/free-port';
import { isRunning } from '../runtime/linux-processes';
import { startLoad } from '../runtime/test-support';
import {
  cleanUpConsoles,
  healthyPids,
  newDataDir,
  processesOf,
  runtimePidOf,
  seedGreeterScope,
  spawnConsole,
  startConsoleProcess,
} from '../testing/console-process';

afterEach(cleanUpConsoles);

/** What a console could have changed in the folder: every file's size, mtime and content. */
function fingerprint(dataDir: string): Record<string, string> {
  const files = ['np-console.db', 'np-console.db-wal', 'console.lock', 'runtime.json'];
  return Object.fromEntries(
    files.map((name) => {
      const file = join(dataDir, name);
      if (!existsSync(file)) return [name, 'absent'];
      const stat = statSync(file);
      return [name, `${stat.size} ${stat.mtimeMs} ${createHash('sha256').update(readFileSync(file)).digest('hex')}`];
    }),
  );
}

describe('stopping the console', () => {
  it('by default (SIGTERM) stops everything: no runtime or instance of the folder is left', async () => {
    const dataDir = newDataDir('stop');
    const server = await startConsoleProcess(dataDir, await findFreePort());
    await seedGreeterScope(server.url);
    const processes = await processesOf(dataDir);
    expect(processes).toContain(runtimePidOf(dataDir));
    expect(processes).toHaveLength(3); // the runtime and two instances

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(await processesOf(dataDir)).toEqual([]);
    for (const pid of processes) expect(await isRunning(pid)).toBe(false);
    for (const file of ['console.lock', 'runtime.json', 'runtime.sock'])
      expect(existsSync(join(dataDir, file))).toBe(false);
  });

  it('with NP_CONSOLE_KEEP_DATA_PLANE=1, Ctrl-C leaves every scope serving; the next start reattaches: 0 failed requests, same pids', async () => {
    const dataDir = newDataDir('keep');
    const port = await findFreePort();
    const first = await startConsoleProcess(
      dataDir,
      port,
      { NP_CONSOLE_KEEP_DATA_PLANE: '1' },
      { ownProcessGroup: true },
    );
    const scope = await seedGreeterScope(first.url);
    const pidsBefore = await healthyPids(first.url, scope.scopeId, 2);
    const runtimePid = runtimePidOf(dataDir);

    const load = startLoad(scope.port, 20);
    try {
      await load.served(200);
      // Ctrl-C in its terminal: SIGINT to its whole process group. The runtime is in a group of its own.
      process.kill(-(first.child.pid ?? 0), 'SIGINT');
      expect(await first.exited).toBe(0);
      expect(first.output()).toMatch(/the data plane keeps serving every scope/);
      expect(existsSync(join(dataDir, 'console.lock'))).toBe(false);
      await load.served(300);

      const second = await startConsoleProcess(dataDir, port);
      expect(runtimePidOf(dataDir)).toBe(runtimePid);
      expect(await healthyPids(second.url, scope.scopeId, 2)).toEqual(pidsBefore);
      await load.served(300);
      expect((await load.stop()).failures).toEqual([]);

      // Started without the setting, this one stops it all.
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
      expect(await processesOf(dataDir)).toEqual([]);
    } finally {
      await load.stop();
    }
  });
});

describe('one console per data folder', () => {
  it('stops a second console with one line naming the owner, and it changes nothing', async () => {
    const dataDir = newDataDir('lock');
    const port = await findFreePort();
    const first = await startConsoleProcess(dataDir, port);
    const scope = await seedGreeterScope(first.url);
    const pids = await healthyPids(first.url, scope.scopeId, 2);
    const processes = await processesOf(dataDir);
    const before = fingerprint(dataDir);

    // On another port, where it could have bound: only the lock stops it.
    const second = spawnConsole(dataDir, await findFreePort(), { NP_CONSOLE_SEED: 'demo' });
    expect(await second.exited).toBe(1);
    const lines = second.output().trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`pid ${first.child.pid}`);
    expect(lines[0]).toContain(`http://127.0.0.1:${port}`);

    expect(fingerprint(dataDir)).toEqual(before);
    expect(await processesOf(dataDir)).toEqual(processes);
    expect(await healthyPids(first.url, scope.scopeId, 2)).toEqual(pids);
    const answer = await fetch(`http://${scope.address}/api/greeting`);
    expect(answer.headers.get('x-np-deployment-id')).toBe(String(scope.blueId));
  });
});
