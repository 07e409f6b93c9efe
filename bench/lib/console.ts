/**
 * Starting console servers as child processes on 127.0.0.1 (each on its own core, away from the load generator's
 * event loop), and a small JSON client for them.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import Database from 'better-sqlite3';
import type { z } from 'zod';

import { readRuntimeInfo } from '../../server/dataplane/runtime-files';

import { type Spawned, spawnTracked, trackStrayPid } from './processes';
import { sleep } from './stats';

export type ApiResponse = { status: number; body: unknown; headers: Headers };

export type ConsoleHandle = {
  url: string;
  port: number;
  pid: number;
  /** The console's runtime process (data plane: every scope's proxy and instance), when it runs one. */
  runtimePid: number | undefined;
  process: Spawned;
  api(method: string, path: string, body?: unknown): Promise<ApiResponse>;
  /** GET (or another method) that must answer 2xx, parsed with the contract's schema. */
  json<T>(path: string, schema: z.ZodType<T>, method?: string, body?: unknown): Promise<T>;
  /** Remembers the pids of the scope's instances, so they are stopped even if the console dies. */
  trackInstances(
    scopeId: number,
  ): Promise<Array<{ deployment_id: number; pid: number | null; port: number | null; state: string }>>;
  stop(): Promise<void>;
};

export type StartConsoleOptions = {
  root: string;
  dataDir: string;
  label: string;
  seed?: 'demo' | 'none';
  /** The SPA build to serve (BENCH_STATIC_DIR); default the project's dist/. */
  staticDir?: string;
  /** `server/main.ts` (exactly what `npm start` runs) instead of the bench's entry. */
  entry?: 'bench' | 'main';
  env?: Record<string, string>;
};

/** Extra node flags for console servers, e.g. BENCH_CONSOLE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile one. */
const extraNodeArgs = (process.env['BENCH_CONSOLE_NODE_ARGS'] ?? '').split(' ').filter((arg) => arg !== '');

const readyTimeoutMs = 60_000;

export async function startConsole(options: StartConsoleOptions): Promise<ConsoleHandle> {
  const entry =
    options.entry === 'main'
      ? join(options.root, 'server/main.ts')
      : join(options.root, 'bench/lib/console-process.ts');
  const spawned = spawnTracked(process.execPath, [...extraNodeArgs, '--import', 'tsx', entry], {
    label: options.label,
    cwd: options.root,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      NP_CONSOLE_DATA: options.dataDir,
      NP_CONSOLE_SEED: options.seed ?? 'none',
      NP_CONSOLE_DRAIN_TIMEOUT: '1s',
      ...(options.staticDir ? { BENCH_STATIC_DIR: options.staticDir } : {}),
      ...options.env,
    },
  });
  let url: string;
  try {
    if (options.entry === 'main') {
      const match = await spawned.waitForLine(/np-console is running at (http:\/\/\S+)/, readyTimeoutMs);
      url = match[1] ?? '';
    } else {
      const match = await spawned.waitForLine(/^BENCH_CONSOLE_READY (.*)$/, readyTimeoutMs);
      url = (JSON.parse(match[1] ?? '{}') as { url: string }).url;
    }
  } catch (error) {
    await spawned.stop(5_000);
    throw error;
  }
  const port = Number(new URL(url).port);
  // The runtime outlives a console that is killed: it is stopped by pid at the end like the console's instances.
  const runtimePid = readRuntimeInfo(join(options.dataDir, 'runtime.json'))?.pid;
  if (runtimePid !== undefined) trackStrayPid(runtimePid);

  const api = async (method: string, path: string, body?: unknown): Promise<ApiResponse> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text === '' ? undefined : (JSON.parse(text) as unknown),
      headers: response.headers,
    };
  };

  const handle: ConsoleHandle = {
    url,
    port,
    pid: spawned.pid,
    runtimePid,
    process: spawned,
    api,
    async json(path, schema, method = 'GET', body) {
      const response = await api(method, path, body);
      if (response.status < 200 || response.status > 299) {
        throw new Error(
          `${options.label}: ${method} ${path} answered ${response.status}: ${JSON.stringify(response.body)}`,
        );
      }
      return schema.parse(response.body);
    },
    async trackInstances(scopeId) {
      const response = await api('GET', `/console/scope/${scopeId}/runtime`);
      const runtime = response.body as {
        instances?: Array<{ deployment_id: number; pid: number | null; port: number | null; state: string }>;
      };
      const instances = runtime.instances ?? [];
      for (const instance of instances) if (instance.pid !== null) trackStrayPid(instance.pid);
      return instances;
    },
    stop: () => spawned.stop(),
  };
  return handle;
}

/** Polls `check` every `intervalMs` until it returns a value other than undefined. */
export async function waitUntil<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs: number,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

export type Canned = { status: number; headers: Record<string, string>; body: Buffer };

export type BareHandle = { url: string; pid: number; stop(): Promise<void> };

/** The bare node:http baseline (bench/lib/bare-server.ts) answering every request with `canned`. */
export async function startBareServer(root: string, canned: Canned, scratchDir: string): Promise<BareHandle> {
  const file = join(scratchDir, 'canned-response.json');
  writeFileSync(
    file,
    JSON.stringify({ status: canned.status, headers: canned.headers, bodyBase64: canned.body.toString('base64') }),
  );
  const spawned = spawnTracked(process.execPath, ['--import', 'tsx', join(root, 'bench/lib/bare-server.ts'), file], {
    label: 'bare node:http server',
    cwd: root,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', NODE_ENV: 'production' },
  });
  try {
    const match = await spawned.waitForLine(/^BENCH_BARE_READY (\d+)$/, readyTimeoutMs);
    return { url: `http://127.0.0.1:${match[1] ?? ''}`, pid: spawned.pid, stop: () => spawned.stop() };
  } catch (error) {
    await spawned.stop(5_000);
    throw error;
  }
}

/**
 * The SQLite baseline (bench/lib/sqlite-server.ts): node:http with the console's own read of a deployment and
 * JSON.stringify, on a consistent copy of `databaseFile` (SQLite's online backup, taken while the console runs),
 * answering with `headers`.
 */
export async function startSqliteServer(
  root: string,
  databaseFile: string,
  headers: Record<string, string>,
  scratchDir: string,
): Promise<BareHandle> {
  const copy = join(scratchDir, 'np-console.db');
  const source = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(copy);
  } finally {
    source.close();
  }
  const headersFile = join(scratchDir, 'response-headers.json');
  writeFileSync(headersFile, JSON.stringify(headers));
  const spawned = spawnTracked(
    process.execPath,
    ['--import', 'tsx', join(root, 'bench/lib/sqlite-server.ts'), copy, headersFile],
    {
      label: 'node:http + SQLite server',
      cwd: root,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', NODE_ENV: 'production' },
    },
  );
  try {
    const match = await spawned.waitForLine(/^BENCH_SQLITE_READY (\d+)$/, readyTimeoutMs);
    return { url: `http://127.0.0.1:${match[1] ?? ''}`, pid: spawned.pid, stop: () => spawned.stop() };
  } catch (error) {
    await spawned.stop(5_000);
    throw error;
  }
}

/** Fetches `url` and keeps its status, body and headers (minus the per-connection ones node:http adds itself). */
export async function capture(url: string): Promise<Canned> {
  const response = await fetch(url);
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  const perConnection = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);
  response.headers.forEach((value, name) => {
    if (!perConnection.has(name)) headers[name] = value;
  });
  return { status: response.status, headers, body };
}
