/**
 * `npm start` on a port something else holds: one line saying so, and a failed start changes nothing on disk — no
 * data folder, lock or freshly seeded database is left behind. Real processes (server/main.ts) and a real taken port.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { cleanUpConsoles, newDataDir, spawnConsole, startConsoleProcess } from './testing/console-process';

let holder: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (holder ? holder.close(() => resolve()) : resolve()));
  holder = undefined;
  await cleanUpConsoles();
});

/** Holds a port on 127.0.0.1 as another program would. */
async function takePort(): Promise<number> {
  const server = createServer();
  holder = server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP port');
  return address.port;
}

async function failedStart(dataDir: string, port: number): Promise<string> {
  const started = spawnConsole(dataDir, port, { NP_CONSOLE_SEED: 'demo' });
  expect(await started.exited).toBe(1);
  const lines = started.output().trimEnd().split('\n');
  expect(lines, started.output()).toHaveLength(1);
  return lines[0] ?? '';
}

describe('starting on a port that is taken', () => {
  it('says so in one line and creates no data folder', async () => {
    const port = await takePort();
    const dataDir = join(newDataDir('port-taken'), 'data');
    expect(await failedStart(dataDir, port)).toBe(
      `np-console cannot start: cannot listen on 127.0.0.1:${port}: the port is already in use (EADDRINUSE); stop what uses it, or set PORT to another port`,
    );
    expect(existsSync(dataDir)).toBe(false);
  });

  it('leaves an existing empty data folder empty: no lock, no database, no seed', async () => {
    const port = await takePort();
    const dataDir = join(newDataDir('port-taken-empty'), 'data');
    mkdirSync(dataDir);
    await failedStart(dataDir, port);
    expect(readdirSync(dataDir)).toEqual([]);

    // Once the port is free, the same folder starts and gets the demo, as a first start does.
    await new Promise<void>((resolve) => holder?.close(() => resolve()));
    holder = undefined;
    const console = await startConsoleProcess(dataDir, port, { NP_CONSOLE_SEED: 'demo' });
    const namespaces = (await (await fetch(`${console.url}/api/namespace`)).json()) as { results: { name: string }[] };
    expect(namespaces.results.map((namespace) => namespace.name)).toEqual(['Demo']);
    console.child.kill('SIGTERM');
    expect(await console.exited).toBe(0);
  });
});
