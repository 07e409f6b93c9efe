/**
 * Wires the console server: the store, the deployment engine with its instance supervisor and scope proxies, and
 * the HTTP app, on one origin. Used by `main.ts` and by tests that need the whole server in-process.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { serve, type ServerType } from '@hono/node-server';

import type { Scope } from '@contract/scope';

import type { Config } from './config';
import { consoleRoot, resolveAssetLaunch } from './engine/asset-launch';
import { DeploymentEngine } from './engine/engine';
import { engineRuntimeView } from './engine/engine-runtime-view';
import { InstanceGroups } from './engine/instance-groups';
import { ScopeProxies } from './engine/scope-proxies';
import { createApp } from './http/create-app';
import { findFreePort } from './runtime/free-port';
import { killOrphanInstances } from './runtime/orphans';
import { InstanceSupervisor } from './runtime/supervisor';
import { seedDemo } from './seed/seed-demo';
import { Store } from './store/store';

export const CONSOLE_VERSION = '0.1.0';
const DEFAULT_HEALTH_PATH = '/health';

export type ConsoleServer = {
  url: string;
  port: number;
  store: Store;
  engine: DeploymentEngine;
  /** Stops the HTTP server, the engine (instances and proxies) and closes the database. */
  close(): Promise<void>;
};

export type ConsoleServerOptions = { log?: (line: string) => void; staticDir?: string };

export function healthPathOf(scope: Pick<Scope, 'capabilities'> | undefined): string {
  return scope?.capabilities?.health_check?.path ?? DEFAULT_HEALTH_PATH;
}

/** Instances carry this tag so that a restarted console finds the ones a killed console left behind, and only those. */
export function instanceTagOf(dataDir: string): string {
  return createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16);
}

export async function startConsoleServer(config: Config, options: ConsoleServerOptions = {}): Promise<ConsoleServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  mkdirSync(config.dataDir, { recursive: true });
  const databaseFile = join(config.dataDir, 'np-console.db');
  const isNew = !existsSync(databaseFile);
  const store = Store.open(databaseFile, { deploymentExpiryMs: config.deploymentExpiryMs });

  const instanceTag = instanceTagOf(config.dataDir);
  const orphans = await killOrphanInstances(instanceTag);
  if (orphans > 0) log(`stopped ${orphans} instance process${orphans === 1 ? '' : 'es'} left by a previous run`);

  const supervisor = new InstanceSupervisor({ instanceTag, healthIntervalMs: config.healthIntervalMs, logger: log });
  const groups = new InstanceGroups(supervisor, store, (deployment) => healthPathOf(store.scopes.get(deployment.scope_id)));
  const proxies = new ScopeProxies(log);
  const engine = new DeploymentEngine(store, groups, proxies, {
    host: config.host,
    healthTimeoutMs: config.healthTimeoutMs,
    drainTimeoutMs: config.drainTimeoutMs,
    log,
  });

  if (isNew && config.seed === 'demo') seedDemo(store);

  // The Host check needs the real port, so port 0 (tests) is resolved before the app is built.
  const port = config.port === 0 ? await findFreePort(config.host) : config.port;

  const app = createApp({
    store,
    runtimeView: engineRuntimeView(proxies, groups, (scopeId) => {
      const scope = store.scopes.get(scopeId);
      return scope ? healthPathOf(scope) : undefined;
    }),
    staticDir: options.staticDir ?? join(consoleRoot, 'dist'),
    allowedHosts: allowedHostsFor(config.host, port),
    deploymentExpiryMs: config.deploymentExpiryMs,
    checkAssetRunnable: (asset) => {
      const launch = resolveAssetLaunch(asset);
      return launch.ok ? undefined : launch.message;
    },
    consoleInfo: { mode: 'local', upstream: null, live_events: true, version: CONSOLE_VERSION },
  });

  const server = await listen(app.fetch, config.host, port);
  await engine.start();

  return {
    url: `http://${advertised(config.host)}:${port}`,
    port,
    store,
    engine,
    close: async () => {
      await new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        // Event streams hold their connections open; closing them lets the server finish.
        if ('closeAllConnections' in server && typeof server.closeAllConnections === 'function') server.closeAllConnections();
      });
      await engine.stop();
      store.close();
    },
  };
}

function listen(fetch: Parameters<typeof serve>[0]['fetch'], hostname: string, port: number): Promise<ServerType> {
  return new Promise((resolveListen, reject) => {
    const server = serve({ fetch, hostname, port }, () => resolveListen(server));
    server.once('error', (error) => reject(new Error(`cannot listen on ${hostname}:${port}: ${error.message}`)));
  });
}

function advertised(host: string): string {
  return host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
}

/** The Host header a browser sends for this console; anything else is refused (DNS rebinding). */
function allowedHostsFor(host: string, port: number): string[] {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]', advertised(host)]);
  return [...names].map((name) => `${name}:${port}`);
}
