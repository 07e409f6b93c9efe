/**
 * Wires the console server. Local mode (default): the store, the deployment engine with its instance supervisor and
 * scope proxies, and the HTTP app, on one origin. Connected mode (NP_API_URL and NP_API_KEY): the SPA and a proxy to
 * nullplatform, nothing else (server/connected/). Used by `main.ts` and by tests that need the whole server in-process.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { Scope } from '@contract/scope';

import type { Config, ConnectedConfig } from './config';
import { type ConnectedConsoleServer, startConnectedConsoleServer } from './connected/connected-server';
import { consoleRoot, resolveAssetLaunch } from './engine/asset-launch';
import { DeploymentEngine } from './engine/engine';
import { engineRuntimeView } from './engine/engine-runtime-view';
import { InstanceGroups } from './engine/instance-groups';
import { ScopeProxies } from './engine/scope-proxies';
import { createApp } from './http/create-app';
import { advertised, allowedHostsFor, closeServer, listen } from './http/listen';
import { LocalTokenIssuer } from './http/tokens';
import { findFreePort } from './runtime/free-port';
import { killOrphanInstances } from './runtime/orphans';
import { InstanceSupervisor } from './runtime/supervisor';
import { seedDemo } from './seed/seed-demo';
import { Store } from './store/store';

export const CONSOLE_VERSION = '0.1.0';
const DEFAULT_HEALTH_PATH = '/health';

export type LocalConsoleServer = {
  mode: 'local';
  url: string;
  port: number;
  store: Store;
  engine: DeploymentEngine;
  /** Stops the HTTP server, the engine (instances and proxies) and closes the database. */
  close(): Promise<void>;
};

export type { ConnectedConsoleServer } from './connected/connected-server';

/** `mode` tells them apart: only the local platform has a store and an engine. */
export type ConsoleServer = LocalConsoleServer | ConnectedConsoleServer;

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
  const staticDir = options.staticDir ?? join(consoleRoot, 'dist');
  if (isConnected(config)) return startConnectedConsoleServer(config, { version: CONSOLE_VERSION, staticDir, log });
  return startLocalConsoleServer(config, { log, staticDir });
}

function isConnected(config: Config): config is Config & { connected: ConnectedConfig } {
  return config.connected !== null;
}

async function startLocalConsoleServer(
  config: Config,
  { log, staticDir }: { log: (line: string) => void; staticDir: string },
): Promise<LocalConsoleServer> {
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
    staticDir,
    allowedHosts: allowedHostsFor(config.host, port),
    deploymentExpiryMs: config.deploymentExpiryMs,
    checkAssetRunnable: (asset) => {
      const launch = resolveAssetLaunch(asset);
      return launch.ok ? undefined : launch.message;
    },
    consoleInfo: { mode: 'local', upstream: null, live_events: true, version: CONSOLE_VERSION },
    tokens: new LocalTokenIssuer({
      apiKeys: config.tokens.required ? config.tokens.apiKeys : undefined,
      ttlMs: config.tokens.ttlMs,
    }),
    requireToken: config.tokens.required,
  });

  const server = await listen(app.fetch, config.host, port);
  await engine.start();

  return {
    mode: 'local',
    url: `http://${advertised(config.host)}:${port}`,
    port,
    store,
    engine,
    close: async () => {
      // Event streams hold their connections open; closeServer ends them so that the server finishes.
      await closeServer(server);
      await engine.stop();
      store.close();
    },
  };
}
