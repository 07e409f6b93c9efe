/**
 * A real console app for tests: SQLite in a fresh temporary folder, the app served by @hono/node-server on a free
 * loopback port, and a small fetch wrapper. No mocks: the only stand-in is a RuntimeView that knows no scope
 * (the engine is not part of these tests).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { serve } from '@hono/node-server';

import type { Asset } from '@contract/asset';
import { resolveAssetLaunch } from '../engine/asset-launch';
import { type ConsoleApp, createApp, type CreateAppOptions } from '../http/create-app';
import { emptyRuntimeView } from '../http/runtime-view';
import { Store, type StoreOptions } from '../store/store';
import { Builders } from './builders';

export type ApiResponse = { status: number; headers: Headers; text: string; body: unknown };

export type RequestOptions = {
  /** Sent as JSON with Content-Type application/json. */
  json?: unknown;
  /** Sent as is (set the Content-Type yourself). */
  raw?: string;
  headers?: Record<string, string>;
};

export type Harness = {
  dir: string;
  store: Store;
  app: ConsoleApp;
  baseUrl: string;
  /** `127.0.0.1:<port>` */
  host: string;
  /** Builders bound to this store; their assets point at a runnable folder. */
  seed: Builders;
  /** `file:` URL of a folder the local platform can run. */
  runnableAssetUrl: string;
  request(method: string, path: string, options?: RequestOptions): Promise<ApiResponse>;
  /** Rows in a table, to prove a refused request wrote nothing. */
  count(table: string): number;
  close(): Promise<void>;
};

export type HarnessOptions = {
  store?: StoreOptions;
  app?: Partial<Omit<CreateAppOptions, 'store' | 'allowedHosts'>>;
};

/** What console-server.ts checks before a deployment, with `assetRoots` as NP_CONSOLE_ASSET_ROOTS. */
function assetRunnableCheck(assetRoots: readonly string[]): (asset: Asset) => string | undefined {
  return (asset) => {
    const result = resolveAssetLaunch(asset, { assetRoots });
    return result.ok ? undefined : result.message;
  };
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'np-console-test-'));
  const appDir = join(dir, 'app');
  mkdirSync(appDir);
  writeFileSync(
    join(appDir, 'server.js'),
    "require('node:http').createServer((_q, s) => s.end('ok')).listen(process.env.PORT);\n",
  );
  const runnableAssetUrl = `file:${appDir}`;
  // The test's folder is an asset root, as NP_CONSOLE_ASSET_ROOTS would make it: its app may be stored and run.
  const assetRoots = [dir];

  const store = Store.open(join(dir, 'console.db'), options.store);
  let app: ConsoleApp | undefined;
  const server = serve({
    fetch: (request) => (app === undefined ? new Response('starting', { status: 503 }) : app.fetch(request)),
    port: 0,
    hostname: '127.0.0.1',
  });
  await new Promise<void>((resolve) => {
    if (server.listening) resolve();
    else server.once('listening', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = `127.0.0.1:${port}`;
  app = createApp({
    store,
    runtimeView: emptyRuntimeView,
    allowedHosts: [host, `localhost:${port}`],
    checkAssetRunnable: assetRunnableCheck(assetRoots),
    assetRoots,
    consoleInfo: { mode: 'local', upstream: null, live_events: true, version: '0.0.0-test' },
    logger: { error: () => undefined, warn: () => undefined },
    ...options.app,
  });
  const baseUrl = `http://${host}`;

  return {
    dir,
    store,
    app,
    baseUrl,
    host,
    runnableAssetUrl,
    seed: new Builders(store, runnableAssetUrl),
    async request(method, path, requestOptions = {}) {
      const headers: Record<string, string> = { ...requestOptions.headers };
      let body: string | undefined = requestOptions.raw;
      if (requestOptions.json !== undefined) {
        body = JSON.stringify(requestOptions.json);
        headers['content-type'] ??= 'application/json';
      }
      const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
      const text = await response.text();
      let parsed: unknown = undefined;
      if (text !== '' && (response.headers.get('content-type') ?? '').includes('application/json'))
        parsed = JSON.parse(text);
      return { status: response.status, headers: response.headers, text, body: parsed };
    },
    count(table) {
      return (store.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Open event streams would keep close() waiting; tests end them, this is the safety net.
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The `message` of an error answer (fails the test with the body when there is none). */
export function messageOf(response: ApiResponse): string {
  const body = response.body;
  if (typeof body === 'object' && body !== null && 'message' in body && typeof body.message === 'string')
    return body.message;
  throw new Error(`expected a JSON {message}, got ${response.status} ${response.text}`);
}

/**
 * A request through node:http, which (unlike fetch) sends the Host, Origin and Sec-Fetch-* headers exactly as given:
 * for security tests that play a browser or a rebinding attack.
 */
export async function rawRequest(
  harness: Pick<Harness, 'baseUrl'>,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<ApiResponse> {
  const { request } = await import('node:http');
  const url = new URL(path, harness.baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method,
        headers: { ...headers, ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }) },
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(incoming.headers)) {
            if (typeof value === 'string') responseHeaders.set(name, value);
          }
          const isJson = (incoming.headers['content-type'] ?? '').includes('application/json');
          resolve({
            status: incoming.statusCode ?? 0,
            headers: responseHeaders,
            text,
            body: isJson && text !== '' ? JSON.parse(text) : undefined,
          });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
