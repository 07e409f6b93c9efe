import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

import { afterEach, describe, expect, it } from 'vitest';

import { findFreePort } from './free-port';
import { demoAppDir, httpRequest, waitUntil } from './test-support';

const started: ChildProcess[] = [];

afterEach(() => {
  for (const child of started.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** Runs a demo app as a deployment would, and waits until its /health answers (whatever the status). */
async function runDemoApp(app: 'greeter' | 'inventory', env: Record<string, string> = {}) {
  const port = await findFreePort();
  const cwd = demoAppDir(app);
  const child = spawn(process.execPath, [`${cwd}server.js`], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      NP_RELEASE_SEMVER: '3.1.4',
      NP_DEPLOYMENT_ID: '42',
      ...env,
    },
    stdio: 'ignore',
  });
  started.push(child);
  await waitUntil(`${app} listens`, async () => {
    try {
      await httpRequest(port, '/health');
      return true;
    } catch {
      return false;
    }
  });
  return { child, port };
}

describe('demo apps', () => {
  it('greeter says which release served the page and the API', async () => {
    const { port } = await runDemoApp('greeter');
    expect(await httpRequest(port, '/health')).toMatchObject({ status: 200, body: '{"status":"ok"}' });
    const page = await httpRequest(port, '/');
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('3.1.4');
    expect(page.body).toContain('42');
    expect(JSON.parse((await httpRequest(port, '/api/greeting')).body)).toMatchObject({
      version: '3.1.4',
      deployment_id: '42',
    });
    expect((await httpRequest(port, '/nowhere')).status).toBe(404);
  });

  it('inventory lists its items and says which release served them', async () => {
    const { port } = await runDemoApp('inventory');
    expect(JSON.parse((await httpRequest(port, '/')).body)).toMatchObject({
      service: 'inventory',
      version: '3.1.4',
      deployment_id: '42',
    });
    const items = JSON.parse((await httpRequest(port, '/items')).body) as { results: unknown[]; version: string };
    expect(items.results.length).toBeGreaterThan(0);
    expect(items.version).toBe('3.1.4');
    expect((await httpRequest(port, '/items/1')).status).toBe(200);
    expect((await httpRequest(port, '/items/999')).status).toBe(404);
  });

  it('emulates a broken release with HEALTH_STATUS', async () => {
    const { port } = await runDemoApp('inventory', { HEALTH_STATUS: '503' });
    expect((await httpRequest(port, '/health')).status).toBe(503);
  });

  it.each([
    ['greeter', '/api/greeting'],
    ['inventory', '/items'],
  ] as const)('%s fails exactly the FAIL_RATE share of its answers, never /health', async (app, path) => {
    const { port } = await runDemoApp(app, { FAIL_RATE: '0.3' });
    const statuses: number[] = [];
    for (let index = 0; index < 20; index += 1) statuses.push((await httpRequest(port, path)).status);
    expect(statuses.filter((status) => status === 500)).toHaveLength(6);
    expect((await httpRequest(port, '/health')).status).toBe(200);
  });

  it('refuses a malformed setting instead of guessing', async () => {
    const child = spawn(process.execPath, [`${demoAppDir('greeter')}server.js`], {
      env: { PATH: process.env.PATH ?? '', HEALTH_STATUS: 'broken' },
      stdio: 'ignore',
    });
    started.push(child);
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(2);
  });

  it('on SIGTERM finishes the request in flight, then exits 0', async () => {
    const { child, port } = await runDemoApp('greeter', { RESPONSE_DELAY_MS: '1500' });
    const slow = httpRequest(port, '/api/greeting');
    // The request is in flight once the app has it; /health is answered without delay, so this orders the two.
    await httpRequest(port, '/health');
    const exited = once(child, 'exit');
    child.kill('SIGTERM');

    const answer = await slow;
    expect(answer.status).toBe(200);
    expect(answer.headers.connection).toBe('close');
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
  });
});
