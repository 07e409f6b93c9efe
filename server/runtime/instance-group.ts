import type {
  Endpoint,
  InstanceGroup,
  InstanceGroupListener,
  InstanceGroupSpec,
  InstanceSnapshot,
} from './instance-types';
import { DeploymentLog } from './deployment-log';
import { DEFAULT_LOG_LIMITS } from './log-limits';
import type { LogStore } from './log-store';
import { SupervisedInstance, type InstanceSettings } from './supervised-instance';

export type GroupSettings = InstanceSettings & {
  healthIntervalMs: number;
  /** Where the instances' output goes (memory and files); without one it is kept in memory only. */
  logs: LogStore | undefined;
};

/**
 * The instances of one deployment. Health is checked in rounds: the next round starts `healthIntervalMs` after the
 * previous one finished, so a slow instance never piles up probes.
 */
export class SupervisedGroup implements InstanceGroup {
  readonly deploymentId: number;
  readonly scopeId: number;
  private readonly instances: SupervisedInstance[];
  private readonly log: DeploymentLog;
  private reportedLaunched = 0;
  private reportedHealthy = 0;
  private healthTimer: NodeJS.Timeout | null = null;
  private stopping: Promise<void> | null = null;

  constructor(
    spec: InstanceGroupSpec,
    private readonly listener: InstanceGroupListener,
    private readonly settings: GroupSettings,
    private readonly onStopped: () => void,
  ) {
    this.deploymentId = spec.deploymentId;
    this.scopeId = spec.scopeId;
    const events = {
      changed: () => this.reportCounts(),
      exited: (index: number, detail: string, restarting: boolean) =>
        this.notify(() => listener.onInstanceExit(index, detail, restarting)),
      restarted: (index: number) => this.notify(() => listener.onInstanceRestarted(index)),
    };
    this.log =
      settings.logs?.open(spec.deploymentId, spec.count) ??
      new DeploymentLog(spec.deploymentId, undefined, spec.count, DEFAULT_LOG_LIMITS, settings.logger);
    this.instances = Array.from(
      { length: spec.count },
      (_, index) => new SupervisedInstance(index, spec, settings, events, this.log.forInstance(index)),
    );
    for (const instance of this.instances) instance.start();
    this.scheduleHealthRound();
  }

  healthyEndpoints(): Endpoint[] {
    if (this.stopping) return [];
    return this.instances.flatMap((instance) => instance.healthyEndpoint() ?? []);
  }

  snapshot(): InstanceSnapshot[] {
    return this.instances.map((instance) => instance.snapshot());
  }

  recentOutput(index: number): string[] {
    return this.instances[index]?.recentOutput() ?? [];
  }

  stop(): Promise<void> {
    this.stopping ??= this.stopInstances();
    return this.stopping;
  }

  private async stopInstances(): Promise<void> {
    if (this.healthTimer) clearTimeout(this.healthTimer);
    this.healthTimer = null;
    await Promise.all(this.instances.map((instance) => instance.stop()));
    // The files stay (the log is read from them from now on); the last lines stay in memory for recentOutput().
    await this.log.close();
    this.settings.logs?.release(this.log);
    this.onStopped();
  }

  private scheduleHealthRound(): void {
    this.healthTimer = setTimeout(() => {
      void Promise.all(this.instances.map((instance) => instance.probe())).then(() => {
        if (!this.stopping) this.scheduleHealthRound();
      });
    }, this.settings.healthIntervalMs);
  }

  /** Tells the listener the counts, only when they changed, and never once the group is being stopped. */
  private reportCounts(): void {
    const launched = this.instances.filter((instance) => instance.isAlive()).length;
    const healthy = this.instances.filter((instance) => instance.healthyEndpoint() !== null).length;
    if (launched !== this.reportedLaunched) {
      this.reportedLaunched = launched;
      this.notify(() => this.listener.onLaunched(launched));
    }
    if (healthy !== this.reportedHealthy) {
      this.reportedHealthy = healthy;
      this.notify(() => this.listener.onHealthy(healthy));
    }
  }

  /** A listener that throws must not take the supervisor (and every other deployment's instances) down with it. */
  private notify(call: () => void): void {
    if (this.stopping) return;
    try {
      call();
    } catch (error) {
      this.settings.logger(
        `deployment ${this.deploymentId}: instance listener failed: ${(error as Error).stack ?? String(error)}`,
      );
    }
  }
}
