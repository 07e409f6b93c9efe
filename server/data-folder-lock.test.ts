import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { DataFolderBusyError, DataFolderLock, lockFileName } from './data-folder-lock';
import { processStartTime } from './runtime/linux-processes';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function folder(): string {
  const created = mkdtempSync(join(tmpdir(), 'np-console-lock-'));
  folders.push(created);
  return created;
}

function owner(dataDir: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(dataDir, lockFileName), 'utf8')) as Record<string, unknown>;
}

/** The pid of a process that has exited: nothing runs with it now (barring reuse within the test, which the start time guards against). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('DataFolderLock', () => {
  it('names its owner, refuses a second owner while it lives, and is gone once released', async () => {
    const dataDir = folder();
    const lock = await DataFolderLock.acquire(dataDir, { host: '127.0.0.1', port: 0 });
    expect(owner(dataDir)).toMatchObject({
      pid: process.pid,
      host: '127.0.0.1',
      port: 0,
      processStart: await processStartTime(process.pid),
    });
    lock.setPort(4321);
    expect(owner(dataDir)).toMatchObject({ port: 4321 });

    const refused = DataFolderLock.acquire(dataDir, { host: '127.0.0.1', port: 5000 });
    await expect(refused).rejects.toBeInstanceOf(DataFolderBusyError);
    await expect(refused).rejects.toThrow(
      `the data folder ${dataDir} is in use by another np-console (pid ${process.pid}, at http://127.0.0.1:4321`,
    );
    expect(owner(dataDir)).toMatchObject({ port: 4321 });

    lock.release();
    expect(existsSync(join(dataDir, lockFileName))).toBe(false);
    (await DataFolderLock.acquire(dataDir, { host: '127.0.0.1', port: 5000 })).release();
  });

  it('takes over a lock whose owner is gone', async () => {
    const dataDir = folder();
    const pid = deadPid();
    writeFileSync(
      join(dataDir, lockFileName),
      JSON.stringify({
        pid,
        processStart: 1,
        host: '127.0.0.1',
        port: 4000,
        startedAt: '2020-01-01T00:00:00.000Z',
        token: 'dead',
      }),
    );
    const lock = await DataFolderLock.acquire(dataDir, { host: '127.0.0.1', port: 4001 });
    expect(owner(dataDir)).toMatchObject({ pid: process.pid, port: 4001 });
    lock.release();
  });

  it('takes over a lock naming a live pid that is another process than the one that wrote it (pid reuse)', async () => {
    const dataDir = folder();
    const start = (await processStartTime(process.pid)) ?? 0;
    writeFileSync(
      join(dataDir, lockFileName),
      JSON.stringify({
        pid: process.pid,
        processStart: start + 1,
        host: '127.0.0.1',
        port: 4000,
        startedAt: '2020-01-01T00:00:00.000Z',
        token: 'old',
      }),
    );
    const lock = await DataFolderLock.acquire(dataDir, { host: '127.0.0.1', port: 4001 });
    expect(owner(dataDir)).toMatchObject({ port: 4001, processStart: start });
    lock.release();
  });

  it('takes over a file that is no lock at all', async () => {
    const dataDir = folder();
    writeFileSync(join(dataDir, lockFileName), 'not json');
    (await DataFolderLock.acquire(dataDir, { host: '127.0.0.1', port: 0 })).release();
  });

  it('leaves a lock another console took meanwhile in place when released', async () => {
    const dataDir = folder();
    const lock = await DataFolderLock.acquire(dataDir, { host: '127.0.0.1', port: 0 });
    writeFileSync(join(dataDir, lockFileName), JSON.stringify({ ...owner(dataDir), token: 'someone else' }));
    lock.release();
    expect(owner(dataDir)).toMatchObject({ token: 'someone else' });
  });
});
