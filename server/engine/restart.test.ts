/**
 * Crash safety: a console server killed with SIGKILL leaves its instance processes behind; the next start on the same
 * data stops them and serves every scope exactly the split the database holds, at the same address.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { deploymentSchema } from '../../contract/deployment';
import { findFreePort } from '../runtime/free-port';
import { isRunning } from '../runtime/linux-processes';
import { sampleScope } from '../testing/console-harness';

const children: ChildProcess[] = [];
let dataDir: string | undefined;

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function startConsoleProcess(folder: string, port: number): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      NP_CONSOLE_DATA: folder,
      NP_CONSOLE_SEED: 'demo',
      NP_CONSOLE_HEALTH_INTERVAL: '100ms',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('np-console is running')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`console exited with ${code}: ${output}`)));
  });
  return { child, url };
}

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  return response.json();
}

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function running(pids: number[]): Promise<number[]> {
  const states = await Promise.all(pids.map(isRunning));
  return pids.filter((_, index) => states[index]);
}

describe('console server restart after SIGKILL', () => {
  it('leaves no orphan instance and serves the same split at the same address', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'np-console-restart-'));
    const port = await findFreePort();
    const first = await startConsoleProcess(dataDir, port);

    // The demo's greeter production scope (id 2) runs release 1.1.0; deploy 1.2.0 (release 3) blue/green at 30%.
    const active = await waitFor(async () => {
      const scope = (await getJson(`${first.url}/api/scope/2`)) as { active_deployment: number | null; domain: string | null };
      return scope.active_deployment && scope.domain ? scope : undefined;
    }, 'the demo scope to be active');
    const created = await fetch(`${first.url}/api/deployment`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scope_id: 2, release_id: 3 }),
    });
    const green = deploymentSchema.parse(await created.json());
    await waitFor(async () => {
      const d = deploymentSchema.parse(await getJson(`${first.url}/api/deployment/${green.id}`));
      return d.status === 'running' ? d : undefined;
    }, 'the new deployment to run');
    await fetch(`${first.url}/api/deployment/${green.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ strategy_data: { desired_switched_traffic: 30 } }),
    });
    await waitFor(async () => {
      const d = deploymentSchema.parse(await getJson(`${first.url}/api/deployment/${green.id}`));
      return d.strategy_data.switched_traffic === 30 ? d : undefined;
    }, '30% switched');

    const runtime = (await getJson(`${first.url}/console/scope/2/runtime`)) as { instances: Array<{ pid: number }> };
    const oldPids = runtime.instances.map((instance) => instance.pid);
    expect(oldPids.length).toBe(4);

    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    // The instances outlive a SIGKILLed parent: exactly what the next start must clean up.
    expect((await running(oldPids)).length).toBeGreaterThan(0);

    const second = await startConsoleProcess(dataDir, port);
    expect(await running(oldPids)).toEqual([]);

    const scope = (await getJson(`${second.url}/api/scope/2`)) as { domain: string };
    expect(scope.domain).toBe(active.domain);
    await waitFor(async () => {
      const runtimeAfter = (await getJson(`${second.url}/console/scope/2/runtime`)) as { instances: Array<{ state: string }> };
      const healthy = runtimeAfter.instances.filter((instance) => instance.state === 'healthy').length;
      return healthy === 4 ? true : undefined;
    }, 'all four instances healthy again');
    const deployment = deploymentSchema.parse(await getJson(`${second.url}/api/deployment/${green.id}`));
    expect(deployment).toMatchObject({ status: 'running' });
    expect(deployment.strategy_data.switched_traffic).toBe(30);

    const split = await sampleScope(scope.domain, 1000);
    expect(split.failures).toBe(0);
    const share = ((split.served.get(String(green.id)) ?? 0) / 1000) * 100;
    expect(share).toBeGreaterThanOrEqual(25);
    expect(share).toBeLessThanOrEqual(35);
  });
});
