import { spawn, type ChildProcess } from 'node:child_process';

import { afterEach, describe, expect, it } from 'vitest';

import { findFreePort } from './free-port';
import { isRunning } from './linux-processes';
import { killOrphanInstances } from './orphans';
import { demoAppDir, httpRequest, uniqueInstanceTag, waitUntil } from './test-support';

const started: ChildProcess[] = [];

afterEach(() => {
  for (const child of started.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** A greeter started the way the supervisor starts one, as if a previous console server had left it behind. */
async function taggedGreeter(marker: string): Promise<number> {
  const port = await findFreePort();
  const cwd = demoAppDir('greeter');
  const child = spawn(process.execPath, [`${cwd}server.js`], {
    cwd,
    env: { PATH: process.env.PATH ?? '', PORT: String(port), NP_CONSOLE_INSTANCE: marker },
    stdio: 'ignore',
  });
  started.push(child);
  await waitUntil(`the greeter tagged ${marker} answers`, async () => {
    try {
      return (await httpRequest(port, '/health')).status === 200;
    } catch {
      return false;
    }
  });
  return child.pid ?? 0;
}

describe('killOrphanInstances', () => {
  it('kills the processes tagged with its tag and leaves every other one alone', async () => {
    const tag = uniqueInstanceTag();
    const otherTag = uniqueInstanceTag();
    const orphans = await Promise.all([taggedGreeter(`${tag}:5:0`), taggedGreeter(`${tag}:6:1`)]);
    const others = await Promise.all([taggedGreeter(`${otherTag}:5:0`), taggedGreeter(`${tag}x:5:0`)]);

    expect(await killOrphanInstances(tag)).toBe(2);

    for (const pid of orphans) expect(await isRunning(pid)).toBe(false);
    for (const pid of others) expect(await isRunning(pid)).toBe(true);
  });

  it('finds nothing to kill when no process carries the tag', async () => {
    expect(await killOrphanInstances(uniqueInstanceTag())).toBe(0);
  });
});
