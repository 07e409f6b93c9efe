/** Helpers shared by the runtime tests: real processes, real HTTP, bounded waits. Not used by production code. */
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

import type { InstanceGroupListener, InstanceGroupSpec } from './instance-types';
import { deploymentIdHeader } from './proxy-headers';

export function demoAppDir(app: 'greeter' | 'inventory'): string {
  return fileURLToPath(new URL(`../../demo-apps/${app}/`, import.meta.url));
}

export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`./test-fixtures/${name}`, import.meta.url));
}

/** Unique per test run, so parallel test files never see (or kill) each other's processes. */
export function uniqueInstanceTag(): string {
  return `test-${process.pid}-${randomUUID().slice(0, 8)}`;
}

export function greeterSpec(deploymentId: number, overrides: Partial<InstanceGroupSpec> = {}): InstanceGroupSpec {
  const cwd = demoAppDir('greeter');
  return {
    deploymentId,
    scopeId: 1,
    count: 2,
    entry: `${cwd}server.js`,
    cwd,
    env: { NP_RELEASE_SEMVER: `1.0.${deploymentId}`, NP_DEPLOYMENT_ID: String(deploymentId) },
    healthPath: '/health',
    ...overrides,
  };
}

export type RecordingListener = InstanceGroupListener & {
  launched: number[];
  healthy: number[];
  exits: Array<{ index: number; detail: string; restarting: boolean }>;
  restarted: number[];
};

/** A listener that remembers every call, in order. */
export function recordingListener(): RecordingListener {
  const calls: Pick<RecordingListener, 'launched' | 'healthy' | 'exits' | 'restarted'> = {
    launched: [],
    healthy: [],
    exits: [],
    restarted: [],
  };
  return {
    ...calls,
    onLaunched: (launched) => calls.launched.push(launched),
    onHealthy: (healthy) => calls.healthy.push(healthy),
    onInstanceExit: (index, detail, restarting) => calls.exits.push({ index, detail, restarting }),
    onInstanceRestarted: (index) => calls.restarted.push(index),
  };
}

/** Polls until `check` holds, at most `attempts` times; the failure names what was being waited for. */
export async function waitUntil(
  what: string,
  check: () => boolean | Promise<boolean>,
  attempts = 300,
  intervalMs = 50,
): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    if (await check()) return;
    await sleep(intervalMs);
  }
  throw new Error(`gave up waiting until ${what}`);
}

export type Answer = {
  status: number;
  deploymentId: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  body: string;
};

export function httpRequest(
  port: number,
  path: string,
  options: { method?: string; body?: string | Buffer; headers?: Record<string, string>; agent?: Agent } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: options.agent,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            deploymentId: response.headers[deploymentIdHeader] as string | undefined,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

export type LoadResult = { succeeded: number; failures: string[]; servedBy: Map<string, number> };

/**
 * `concurrency` loops of GET requests through the proxy until stopped. Every answer other than 200 (or a network
 * error) is a failure, described for the assertion message.
 */
export function startLoad(port: number, concurrency: number, path = '/api/greeting') {
  const agent = new Agent({ keepAlive: true });
  const result: LoadResult = { succeeded: 0, failures: [], servedBy: new Map() };
  let stopped = false;
  const loop = async () => {
    while (!stopped) {
      try {
        const answer = await httpRequest(port, path, { agent });
        if (answer.status === 200 && answer.deploymentId) {
          result.succeeded += 1;
          result.servedBy.set(answer.deploymentId, (result.servedBy.get(answer.deploymentId) ?? 0) + 1);
        } else {
          result.failures.push(`${answer.status} ${answer.body}`);
        }
      } catch (error) {
        result.failures.push((error as Error).message);
      }
    }
  };
  const loops = Array.from({ length: concurrency }, loop);
  return {
    result,
    /** Waits until `count` more requests than now have succeeded (bounded; fails the test if load stalls). */
    async served(count: number): Promise<void> {
      const target = result.succeeded + count;
      await waitUntil(
        `${target} requests were served (${result.failures.length} failures so far)`,
        () => result.succeeded >= target,
      );
    },
    async stop(): Promise<LoadResult> {
      stopped = true;
      await Promise.all(loops);
      agent.destroy();
      return result;
    },
  };
}
