/**
 * Keeps the deployment engine driving a live runtime (data plane). At start it reattaches to the data folder's
 * runtime, or starts one; the engine adopts whatever that runtime already serves. If the runtime dies under a
 * running console, this says so, starts a new one (its dead predecessor's instances are killed first) and a new
 * engine restores every scope at the address the database holds. On close it stops the runtime with everything in
 * it, or, asked to keep the data plane, only hangs up and leaves it serving.
 */
import { setTimeout as sleep } from 'node:timers/promises';

import type { DeploymentEngine } from '../engine/engine';
import type { DataPlane } from '../engine/data-plane';
import { engineRuntimeView } from '../engine/engine-runtime-view';
import { InstanceGroups } from '../engine/instance-groups';
import { ScopeProxies } from '../engine/scope-proxies';
import type { RuntimeView } from '../http/runtime-view';
import { isSameProcessRunning } from '../runtime/linux-processes';
import type { LogRead, LogReadQuery } from '../runtime/log-read';
import { killOrphanInstances } from '../runtime/orphans';
import type { Store } from '../store/store';
import { messageOf } from './error-message';
import { RemoteDataPlane } from './remote-data-plane';
import { attachOrStartRuntime, stopProcess, type AttachedRuntime, type RuntimeLaunchOptions } from './runtime-launcher';

export type AttachedEngineOptions = RuntimeLaunchOptions & {
  store: Store;
  /** The engine, wired to the given instance groups and scope proxies (console-server.ts knows its settings). */
  createEngine(groups: InstanceGroups, proxies: ScopeProxies): DeploymentEngine;
  /** The health check path of a scope's instances; undefined for a scope that does not exist. */
  healthPathOf(deployment: { scope_id: number }): string;
  scopeHealthPath(scopeId: number): string | undefined;
};

type Session = {
  runtime: AttachedRuntime;
  dataPlane: DataPlane;
  engine: DeploymentEngine;
  view: RuntimeView;
};

/** Longest wait between two tries at starting a new runtime after the previous one died. */
const maxRetryDelayMs = 30_000;

export class AttachedEngine {
  private closing = false;
  private recovering: Promise<void> | undefined;

  private constructor(
    private readonly options: AttachedEngineOptions,
    private session: Session,
  ) {}

  static async attach(options: AttachedEngineOptions): Promise<AttachedEngine> {
    let attached: AttachedEngine | undefined;
    const session = await openSession(options, (lost) => attached?.runtimeLost(lost));
    attached = new AttachedEngine(options, session);
    if (session.runtime.connection.closed) attached.runtimeLost(session);
    return attached;
  }

  get engine(): DeploymentEngine {
    return this.session.engine;
  }

  /** Whether the runtime was already running (started by an earlier console) when this console attached. */
  get reattached(): boolean {
    return this.session.runtime.reattached;
  }

  get runtimePid(): number {
    return this.session.runtime.hello.pid;
  }

  /** Answers from whichever runtime serves now. */
  readonly runtimeView: RuntimeView = {
    traffic: (scopeId, windowSeconds) => this.session.view.traffic(scopeId, windowSeconds),
    scopeRuntime: (scopeId) => this.session.view.scopeRuntime(scopeId),
    logs: (deploymentId, query) => this.logsOf(deploymentId, query),
  };

  private logsOf(deploymentId: number, query: LogReadQuery): Promise<LogRead> {
    const { view } = this.session;
    if (view.logs === undefined) return Promise.reject(new Error('the data plane keeps no logs'));
    return view.logs(deploymentId, query);
  }

  /** Starts deciding: every scope is reconciled against what the runtime serves (the catch-up after a restart). */
  async start(): Promise<void> {
    await this.session.engine.start();
  }

  async close({ keepDataPlane }: { keepDataPlane: boolean }): Promise<void> {
    this.closing = true;
    await this.recovering;
    const { engine, runtime } = this.session;
    if (keepDataPlane && !runtime.connection.closed) {
      await engine.detach();
      await runtime.connection.close();
      this.options.log(
        `the data plane keeps serving every scope (runtime pid ${runtime.hello.pid}); the next start reattaches to it`,
      );
      return;
    }
    await engine.stop();
    await shutDown(runtime, this.options);
  }

  private runtimeLost(lost: Session): void {
    if (this.closing || lost !== this.session || this.recovering) return;
    this.options.log(
      `the data plane (runtime pid ${lost.runtime.hello.pid}) is gone; starting a new one, and every scope will be served again at its address`,
    );
    this.recovering = this.recover(lost).finally(() => {
      this.recovering = undefined;
    });
  }

  private async recover(lost: Session): Promise<void> {
    await lost.engine.detach();
    // Its socket closes as the process exits; once the process is gone too, the next attach knows it has no owner.
    await whenGone(lost.runtime.hello.pid, lost.runtime.processStart, 5_000);
    for (let attempt = 0; !this.closing; attempt += 1) {
      try {
        // The dead runtime's pid is gone, so this kills its orphaned instances before it starts a new runtime.
        const session = await openSession(this.options, (next) => this.runtimeLost(next));
        if (this.closing) {
          await shutDown(session.runtime, this.options);
          return;
        }
        this.session = session;
        await session.engine.start();
        this.options.log(`the data plane is back (runtime pid ${session.runtime.hello.pid})`);
        if (session.runtime.connection.closed) this.runtimeLost(session);
        return;
      } catch (error) {
        const delay = Math.min(1000 * 2 ** attempt, maxRetryDelayMs);
        this.options.log(`could not start a new data plane (${messageOf(error)}); trying again in ${delay / 1000} s`);
        await sleep(delay);
      }
    }
  }
}

async function openSession(options: AttachedEngineOptions, onLost: (session: Session) => void): Promise<Session> {
  const runtime = await attachOrStartRuntime(options);
  try {
    const dataPlane = await RemoteDataPlane.attach(runtime.connection, options.log);
    const groups = new InstanceGroups(dataPlane, options.store, options.healthPathOf);
    const proxies = new ScopeProxies(dataPlane, options.log);
    const engine = options.createEngine(groups, proxies);
    const session: Session = {
      runtime,
      dataPlane,
      engine,
      view: engineRuntimeView(proxies, groups, options.scopeHealthPath),
    };
    runtime.connection.onClose(() => {
      if (!runtime.connection.closedByUs) onLost(session);
    });
    if (runtime.reattached) {
      options.log(
        `reattached to the running data plane (runtime pid ${runtime.hello.pid}, since ${runtime.hello.startedAt}): ` +
          `${count(dataPlane.runningProxies().length, 'scope address', 'scope addresses')} and ${count(dataPlane.runningGroups().length, 'instance group', 'instance groups')} kept as they are`,
      );
    }
    return session;
  } catch (error) {
    // Attached but unusable: a runtime this console started goes again; one it found keeps serving.
    if (runtime.reattached) await runtime.connection.close();
    else await shutDown(runtime, options);
    throw error;
  }
}

async function whenGone(pid: number, processStart: number | null, timeoutMs: number): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(20)) {
    if (!(await isSameProcessRunning(pid, processStart))) return;
  }
}

/**
 * Asks the runtime to stop everything and exit, and makes sure it did: once its process is gone, whatever instance
 * still carries the folder's tag has no owner and is killed too.
 */
async function shutDown(runtime: AttachedRuntime, options: RuntimeLaunchOptions): Promise<void> {
  const { pid } = runtime.hello;
  if (!runtime.connection.closed) {
    try {
      await runtime.connection.request('shutdown', {}, 120_000);
    } catch (error) {
      options.log(`the data plane (runtime pid ${pid}) did not stop cleanly: ${messageOf(error)}`);
    }
  }
  await stopProcess(pid, runtime.processStart, 10_000);
  await runtime.connection.close();
  await killOrphanInstances(options.instanceTag);
}

/** "1 scope address", "4 scope addresses". */
function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
