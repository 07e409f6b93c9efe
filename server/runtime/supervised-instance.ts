import { spawn, type ChildProcess } from 'node:child_process';

import type { InstanceLog } from './deployment-log';
import { findFreePort } from './free-port';
import { probeHealth } from './health-probe';
import { instanceEnv, instanceMarker } from './instance-env';
import type { Endpoint, HealthObservation, InstanceGroupSpec, InstanceSnapshot, InstanceState } from './instance-types';
import { OutputTail } from './output-tail';
import { describeExit, terminate } from './process-exit';

export type InstanceSettings = {
  instanceTag: string;
  healthTimeoutMs: number;
  stopGraceMs: number;
  restartBackoffMs: number;
  maxRestartBackoffMs: number;
  logger: (line: string) => void;
};

/** What an instance tells its group; the group turns these into the listener's counts. */
export type InstanceEvents = {
  changed(): void;
  exited(index: number, detail: string, restarting: boolean): void;
  restarted(index: number): void;
};

/**
 * One instance of a deployment: the process currently running it (a new one after every crash), its port, its health.
 */
export class SupervisedInstance {
  private child: ChildProcess | null = null;
  private alive = false;
  private port: number | null = null;
  private state: InstanceState = 'starting';
  private restarts = 0;
  private lastHealth: HealthObservation | null = null;
  private probing = false;
  private stopping = false;
  private restartTimer: NodeJS.Timeout | null = null;
  private backoffMs: number;
  private readonly output: OutputTail;
  /** Resolves once the current process's stdout and stderr have ended: its last lines are in the log. */
  private outputEnded: Promise<unknown> = Promise.resolve();

  constructor(
    readonly index: number,
    private readonly spec: InstanceGroupSpec,
    private readonly settings: InstanceSettings,
    private readonly events: InstanceEvents,
    log: InstanceLog,
  ) {
    this.backoffMs = settings.restartBackoffMs;
    this.output = new OutputTail(log);
  }

  start(): void {
    this.launchSafely(false);
  }

  isAlive(): boolean {
    return this.alive;
  }

  healthyEndpoint(): Endpoint | null {
    if (!this.alive || this.state !== 'healthy' || this.port === null) return null;
    return { index: this.index, port: this.port };
  }

  snapshot(): InstanceSnapshot {
    return {
      deployment_id: this.spec.deploymentId,
      index: this.index,
      pid: this.alive ? (this.child?.pid ?? null) : null,
      port: this.alive ? this.port : null,
      state: this.state,
      restarts: this.restarts,
      last_health: this.lastHealth,
    };
  }

  recentOutput(): string[] {
    return this.output.recent();
  }

  /** One health check of the current process; skipped while a previous one is still waiting for its answer. */
  async probe(): Promise<void> {
    const child = this.child;
    if (!this.alive || this.probing || this.stopping || this.port === null || child === null) return;
    this.probing = true;
    try {
      const observation = await probeHealth(this.port, this.spec.healthPath, this.settings.healthTimeoutMs);
      // The process may have died or been replaced while the probe was out; its answer is then about nothing.
      if (child !== this.child || !this.alive || this.stopping) return;
      this.lastHealth = observation;
      this.applyHealth(observation);
    } finally {
      this.probing = false;
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    const child = this.child;
    // Not `this.alive`: a process spawned a moment ago may not have reported 'spawn' yet, and must not be left behind.
    if (child && child.exitCode === null && child.signalCode === null) {
      this.state = 'draining';
      this.output.add(
        `stopping: SIGTERM sent (SIGKILL after ${Math.round(this.settings.stopGraceMs / 1000)} s if still running)`,
      );
      await terminate(child, this.settings.stopGraceMs);
      this.output.add(`stopped (${describeExit(child.exitCode, child.signalCode)})`);
    }
    // Its last lines may still be in the pipe when it exits; bounded, as a process it started may hold the pipe open.
    await settledWithin(this.outputEnded, 1000);
    this.state = 'stopped';
  }

  private applyHealth(observation: HealthObservation): void {
    const wasHealthy = this.state === 'healthy';
    if (observation.status_code === 200) {
      this.state = 'healthy';
      // A process that got healthy earned a fresh backoff: only consecutive crashes slow restarts down.
      this.backoffMs = this.settings.restartBackoffMs;
    } else if (observation.status_code !== null || this.state !== 'starting') {
      this.state = 'unhealthy';
    }
    // Otherwise the process is still starting and not listening yet: 'starting' says that better than 'unhealthy'.
    if (wasHealthy !== (this.state === 'healthy')) this.events.changed();
  }

  /** Whatever goes wrong while launching is a crash of this instance (reported, retried), never of the server. */
  private launchSafely(isRestart: boolean): void {
    this.launch(isRestart).catch((error: unknown) => {
      this.child = null;
      this.crashed(null, `could not be started: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  private async launch(isRestart: boolean): Promise<void> {
    const port = await findFreePort();
    if (this.stopping) return;
    const { spec, settings } = this;
    const child = spawn(process.execPath, [spec.entry], {
      cwd: spec.cwd,
      env: instanceEnv({
        extra: spec.env,
        port,
        marker: instanceMarker(settings.instanceTag, spec.deploymentId, this.index),
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: a Ctrl-C aimed at the console server must not kill the instances behind its back;
      // the server stops them itself, gracefully.
      detached: true,
    });
    this.child = child;
    this.port = port;
    this.state = 'starting';
    this.lastHealth = null;
    this.outputEnded = Promise.all([
      child.stdout && this.output.follow(child.stdout, 'stdout'),
      child.stderr && this.output.follow(child.stderr, 'stderr'),
    ]);

    let ended = false;
    const end = (detail: string) => {
      if (ended) return;
      ended = true;
      this.crashed(child, detail);
    };
    child.once('spawn', () => {
      this.alive = true;
      settings.logger(`deployment ${spec.deploymentId} instance ${this.index}: pid ${child.pid} on port ${port}`);
      this.output.add(`${isRestart ? 'restarted' : 'started'}: pid ${child.pid} on port ${port}`);
      this.events.changed();
      if (isRestart) this.events.restarted(this.index);
    });
    // Node may emit 'error' instead of 'exit' when the process could not be spawned at all, or both.
    child.on('error', (error) => {
      if (child.pid === undefined) end(`could not be started: ${error.message}`);
    });
    child.once('exit', (code, signal) => end(describeExit(code, signal)));
  }

  private crashed(child: ChildProcess | null, detail: string): void {
    if (child !== this.child) return;
    const wasAlive = this.alive;
    this.child = null;
    this.alive = false;
    this.port = null;
    if (this.stopping) {
      this.state = 'stopped';
      return;
    }
    this.state = 'crashed';
    this.output.add(`${detail}; restarting in ${this.backoffMs} ms`);
    this.settings.logger(
      `deployment ${this.spec.deploymentId} instance ${this.index} ${detail}; restarting in ${this.backoffMs} ms`,
    );
    this.events.exited(this.index, detail, true);
    if (wasAlive) this.events.changed();
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      this.restarts += 1;
      this.launchSafely(true);
    }, this.backoffMs);
    this.backoffMs = Math.min(this.backoffMs * 2, this.settings.maxRestartBackoffMs);
  }
}

/** Waits for `promise`, at most `ms`. */
async function settledWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
