/**
 * Consoles as real processes (`node --import tsx server/main.ts`, exactly what `npm start` runs) for the tests of
 * restarts, crashes and the data folder's lock, and the means to see every process a console left on the machine.
 * Not used by production code.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { z } from 'zod';

import { deploymentSchema, type Deployment } from '@contract/deployment';
import { instanceTagOf } from '../console-server';
import { readRuntimeInfo, runtimeFiles } from '../dataplane/runtime-files';
import { runtimeMarkerVariable } from '../dataplane/runtime-settings';
import { consoleRoot } from '../console-root';
import { instanceMarkerVariable } from '../runtime/instance-env';
import { isRunning, listPids, readEnvironment, signal } from '../runtime/linux-processes';

export type ConsoleProcess = {
  child: ChildProcess;
  url: string;
  /** Everything it wrote so far, stdout and stderr interleaved as they arrived. */
  output(): string;
  /** Resolves with its exit code (null when a signal ended it). */
  exited: Promise<number | null>;
};

const started: ConsoleProcess[] = [];
const folders: string[] = [];

export function newDataDir(label: string): string {
  const folder = mkdtempSync(join(tmpdir(), `np-console-${label}-`));
  folders.push(folder);
  return folder;
}

export type SpawnOptions = {
  /**
   * Leads a process group of its own, as a shell gives a foreground command: `process.kill(-pid, 'SIGINT')` then
   * does what Ctrl-C in its terminal does.
   */
  ownProcessGroup?: boolean;
};

/** Starts server/main.ts and resolves once it says it is running (rejects if it exits first). */
export async function startConsoleProcess(
  dataDir: string,
  port: number,
  env: Record<string, string> = {},
  options: SpawnOptions = {},
): Promise<ConsoleProcess> {
  const spawned = spawnConsole(dataDir, port, env, options);
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (spawned.output().includes('np-console is running')) resolve();
    };
    spawned.child.stdout?.on('data', check);
    void spawned.exited.then((code) =>
      reject(new Error(`the console exited (${code}) before it was running:\n${spawned.output()}`)),
    );
  });
  return spawned;
}

/** Starts server/main.ts without waiting for anything (for a start that is expected to fail). */
export function spawnConsole(
  dataDir: string,
  port: number,
  env: Record<string, string> = {},
  options: SpawnOptions = {},
): ConsoleProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: consoleRoot,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      PORT: String(port),
      NP_CONSOLE_DATA: dataDir,
      NP_CONSOLE_SEED: 'none',
      NP_CONSOLE_HEALTH_INTERVAL: '100ms',
      NP_CONSOLE_DRAIN_TIMEOUT: '2s',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.ownProcessGroup === true,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const spawned: ConsoleProcess = { child, url: `http://127.0.0.1:${port}`, output: () => output, exited };
  started.push(spawned);
  return spawned;
}

/**
 * For afterEach: stops every console a test started (SIGCONT first, in case a test left one stopped), then kills
 * whatever process of their data folders is left (a kept runtime, instances) and removes the folders.
 */
export async function cleanUpConsoles(): Promise<void> {
  for (const spawned of started.splice(0)) {
    if (spawned.child.exitCode !== null || spawned.child.signalCode !== null) continue;
    spawned.child.kill('SIGCONT');
    spawned.child.kill('SIGTERM');
    await Promise.race([spawned.exited, sleep(30_000)]);
    spawned.child.kill('SIGKILL');
  }
  for (const folder of folders.splice(0)) {
    for (const pid of await processesOf(folder)) signal(pid, 'SIGKILL');
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Every running process of a data folder's console: its runtime and its instances, found by their markers. */
export async function processesOf(dataDir: string): Promise<number[]> {
  const tag = instanceTagOf(dataDir);
  const found: number[] = [];
  for (const pid of await listPids()) {
    if (pid === process.pid) continue;
    const environment = await readEnvironment(pid);
    const ours = environment?.some(
      (entry) => entry === `${runtimeMarkerVariable}=${tag}` || entry.startsWith(`${instanceMarkerVariable}=${tag}:`),
    );
    if (ours && (await isRunning(pid))) found.push(pid);
  }
  return found;
}

/** The pid of the data folder's runtime, from runtime.json. */
export function runtimePidOf(dataDir: string): number {
  const info = readRuntimeInfo(runtimeFiles(dataDir, instanceTagOf(dataDir)).info);
  if (info === undefined) throw new Error(`no runtime.json in ${dataDir}`);
  return info.pid;
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch {
      // Not there yet (the console may be restarting): asked again below.
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** A small client for one console's API. */
export function apiOf(url: string) {
  const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
  };
  const created = async (path: string, body: unknown) => {
    const answer = await call('POST', path, body);
    if (answer.status !== 200 && answer.status !== 201)
      throw new Error(`POST ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return z.looseObject({ id: z.number() }).parse(answer.body);
  };
  const deployment = async (id: number): Promise<Deployment> =>
    deploymentSchema.parse((await call('GET', `/api/deployment/${id}`)).body);
  return {
    call,
    created,
    deployment,
    async waitForDeployment(id: number, done: (deployment: Deployment) => boolean, what: string): Promise<Deployment> {
      return waitFor(`deployment ${id} ${what}`, async () => {
        const current = await deployment(id);
        if (current.status === 'failed') throw new Error(`deployment ${id} failed: ${JSON.stringify(current)}`);
        return done(current) ? current : undefined;
      });
    },
    async scope(id: number) {
      const scopeSchema = z.looseObject({ domain: z.string().nullable(), active_deployment: z.number().nullable() });
      return scopeSchema.parse((await call('GET', `/api/scope/${id}`)).body);
    },
    async instances(scopeId: number) {
      const runtime = z
        .looseObject({
          instances: z.array(
            z.looseObject({ deployment_id: z.number(), pid: z.number().nullable(), state: z.string() }),
          ),
        })
        .parse((await call('GET', `/console/scope/${scopeId}/runtime`)).body);
      return runtime.instances;
    },
  };
}

export type SeededScope = {
  scopeId: number;
  address: string;
  port: number;
  blueId: number;
  greenId: number | undefined;
};

/**
 * The greeter demo app in a scope of two instances per deployment: one release deployed (blue), and with
 * `greenShare`, a second one deployed blue/green and switched to that share (green).
 */
export async function seedGreeterScope(url: string, greenShare?: number): Promise<SeededScope> {
  const api = apiOf(url);
  const application = await api.created('/api/application', { name: `greeter-${Date.now()}`, namespace_id: 1 });
  const releaseIds: number[] = [];
  for (const semver of ['1.0.0', '1.1.0']) {
    const build = await api.created('/api/build', {
      application_id: application.id,
      status: 'successful',
      branch: 'main',
      commit: { id: `c0ffee${semver.replaceAll('.', '')}` },
    });
    await api.created(`/api/build/${build.id}/asset`, {
      name: 'main',
      type: 'docker-image',
      url: 'file:demo-apps/greeter',
    });
    releaseIds.push(
      (
        await api.created('/api/release', {
          status: 'active',
          build_id: build.id,
          application_id: application.id,
          semver,
        })
      ).id,
    );
  }
  const scope = await api.created('/api/scope', {
    application_id: application.id,
    name: 'production',
    capabilities: { fixed_instances: 2 },
  });
  const blue = await api.created('/api/deployment', { scope_id: scope.id, release_id: releaseIds[0] });
  await api.waitForDeployment(
    blue.id,
    (d) => d.status === 'finalized' && d.strategy_data.healthy_instances === 2,
    'finalized and healthy',
  );
  let greenId: number | undefined;
  if (greenShare !== undefined) {
    const green = await api.created('/api/deployment', { scope_id: scope.id, release_id: releaseIds[1] });
    greenId = green.id;
    await api.waitForDeployment(green.id, (d) => d.status === 'running', 'running');
    const patched = await api.call('PATCH', `/api/deployment/${green.id}`, {
      strategy_data: { desired_switched_traffic: greenShare },
    });
    if (patched.status !== 204) throw new Error(`PATCH: ${patched.status} ${JSON.stringify(patched.body)}`);
    await api.waitForDeployment(
      green.id,
      (d) => d.strategy_data.switched_traffic === greenShare,
      `switched to ${greenShare}%`,
    );
  }
  const { domain } = await api.scope(scope.id);
  if (!domain) throw new Error(`scope ${scope.id} has no address`);
  return { scopeId: scope.id, address: domain, port: Number(domain.split(':').at(-1)), blueId: blue.id, greenId };
}

/** The pids of a scope's instances, sorted, once all `count` of them are healthy. */
export async function healthyPids(url: string, scopeId: number, count: number): Promise<number[]> {
  return waitFor(`${count} healthy instances in scope ${scopeId}`, async () => {
    const instances = await apiOf(url).instances(scopeId);
    const healthy = instances.filter((instance) => instance.state === 'healthy' && instance.pid !== null);
    return healthy.length === count ? healthy.map((instance) => instance.pid ?? 0).sort((a, b) => a - b) : undefined;
  });
}
