/**
 * Wires the console server. Local mode (default): the data folder's lock, the store, the deployment engine driving
 * the data plane (a runtime process of its own that serves every scope and runs every instance, server/dataplane/),
 * and the HTTP app, on one origin. Connected mode (NP_API_URL and NP_API_KEY): the SPA and a proxy to nullplatform,
 * nothing else (server/connected/). Used by `main.ts` and by tests that need the whole server in-process.
 */
import { createHash } from 'node:crypto';
import type { ServerType } from '@hono/node-server';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { DEFAULT_HEALTH_CHECK_PATH, type Scope } from '@contract/scope';

import type { Config, ConnectedConfig } from './config';
import { type ConnectedConsoleServer, startConnectedConsoleServer } from './connected/connected-server';
import { consoleRoot } from './console-root';
import { DataFolderLock } from './data-folder-lock';
import { AttachedEngine } from './dataplane/attached-engine';
import { resolveAssetLaunch } from './engine/asset-launch';
import { DeploymentEngine } from './engine/engine';
import { createApp } from './http/create-app';
import { advertised, allowedHostsFor, boundPort, closeServer, listen } from './http/listen';
import { type StartingGate, startingGate } from './http/starting-gate';
import { LocalTokenIssuer } from './http/tokens';
import { seedDemo } from './seed/seed-demo';
import { checkDataFolder } from './store/data-folder-check';
import { Store } from './store/store';
import { CONSOLE_VERSION } from './version';

export type LocalConsoleServer = {
  mode: 'local';
  url: string;
  port: number;
  store: Store;
  /** The engine driving the data plane now (a new one after the runtime died and was replaced). */
  readonly engine: DeploymentEngine;
  /** The runtime process serving every scope (the data plane). */
  readonly runtimePid: number;
  /**
   * Stops the HTTP server and the engine, closes the database and releases the data folder. The data plane (every
   * scope address and instance) stops too, unless `keepDataPlane` (default: NP_CONSOLE_KEEP_DATA_PLANE): then it
   * keeps serving, and the next start on this folder reattaches to it.
   */
  close(options?: { keepDataPlane?: boolean }): Promise<void>;
};

export type { ConnectedConsoleServer } from './connected/connected-server';

/** `mode` tells them apart: only the local platform has a store and an engine. */
export type ConsoleServer = LocalConsoleServer | ConnectedConsoleServer;

export type ConsoleServerOptions = { log?: (line: string) => void; staticDir?: string };

function healthPathOf(scope: Pick<Scope, 'capabilities'> | undefined): string {
  return scope?.capabilities?.health_check?.path ?? DEFAULT_HEALTH_CHECK_PATH;
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
  // The port first: a console whose port is taken stops here, with one line, having touched nothing on disk (no data
  // folder, lock or database). Port 0 (tests) binds a free port, which the Host check then names.
  const gate = startingGate();
  const server = await listen(gate.fetch, config.host, config.port, { log });
  const port = boundPort(server);
  try {
    return await startLocalPlatform(config, { log, staticDir, server, port, gate });
  } catch (error) {
    await closeServer(server);
    throw error;
  }
}

type BoundConsole = {
  log: (line: string) => void;
  staticDir: string;
  server: ServerType;
  port: number;
  gate: StartingGate;
};

async function startLocalPlatform(
  config: Config,
  { log, staticDir, server, port, gate }: BoundConsole,
): Promise<LocalConsoleServer> {
  const databaseFile = join(config.dataDir, 'np-console.db');
  // A folder the console cannot write is said in one line before the lock tries to write there; the check itself
  // changes nothing (it creates the folder if missing, and a probe file it removes at once).
  checkDataFolder(databaseFile);
  // Before anything else touches the folder: a second console on it stops here, having changed nothing.
  const lock = await DataFolderLock.acquire(config.dataDir, { host: config.host, port });
  let store: Store | undefined;
  let attached: AttachedEngine | undefined;
  try {
    const isNew = !existsSync(databaseFile);
    const opened = Store.open(databaseFile, { deploymentExpiryMs: config.deploymentExpiryMs });
    store = opened;
    const healthPathOfScope = (scopeId: number) => {
      const scope = opened.scopes.get(scopeId);
      return scope ? healthPathOf(scope) : undefined;
    };
    attached = await AttachedEngine.attach({
      dataDir: config.dataDir,
      instanceTag: instanceTagOf(config.dataDir),
      healthIntervalMs: config.healthIntervalMs,
      version: CONSOLE_VERSION,
      log,
      store: opened,
      healthPathOf: (deployment) => healthPathOf(opened.scopes.get(deployment.scope_id)),
      scopeHealthPath: healthPathOfScope,
      createEngine: (groups, proxies) =>
        new DeploymentEngine(opened, groups, proxies, {
          host: config.host,
          healthTimeoutMs: config.healthTimeoutMs,
          drainTimeoutMs: config.drainTimeoutMs,
          assetRoots: config.assetRoots,
          metricCheckIntervalMs: config.metricCheckIntervalMs,
          metricMinRequests: config.metricMinRequests,
          log,
        }),
    });

    if (isNew && config.seed === 'demo') seedDemo(opened);

    const app = createApp({
      store: opened,
      runtimeView: attached.runtimeView,
      staticDir,
      allowedHosts: allowedHostsFor(config.host, port),
      deploymentExpiryMs: config.deploymentExpiryMs,
      assetRoots: config.assetRoots,
      checkAssetRunnable: (asset) => {
        const launch = resolveAssetLaunch(asset, { assetRoots: config.assetRoots });
        return launch.ok ? undefined : launch.message;
      },
      consoleInfo: {
        mode: 'local',
        upstream: null,
        live_events: true,
        version: CONSOLE_VERSION,
        health_timeout_ms: config.healthTimeoutMs,
      },
      tokens: new LocalTokenIssuer({
        apiKeys: config.tokens.required ? config.tokens.apiKeys : undefined,
        ttlMs: config.tokens.ttlMs,
      }),
      requireToken: config.tokens.required,
    });

    gate.open(app.fetch);
    const engineHost = attached;
    await engineHost.start();

    let closing: Promise<void> | undefined;
    const close = async (keepDataPlane: boolean) => {
      // Event streams hold their connections open; closeServer ends them so that the server finishes.
      await closeServer(server);
      await engineHost.close({ keepDataPlane });
      opened.close();
      lock.release();
    };

    return {
      mode: 'local',
      url: `http://${advertised(config.host)}:${port}`,
      port,
      store: opened,
      get engine() {
        return engineHost.engine;
      },
      get runtimePid() {
        return engineHost.runtimePid;
      },
      close: (options = {}) => {
        closing ??= close(options.keepDataPlane ?? config.keepDataPlane);
        return closing;
      },
    };
  } catch (error) {
    // A runtime found running keeps serving; one started here stops again. The folder is free for the next try.
    await attached?.close({ keepDataPlane: attached.reattached }).catch(() => undefined);
    store?.close();
    lock.release();
    throw error;
  }
}
