/**
 * The engine's view of running instance groups: which deployment and scope each belongs to, when it started, and
 * its counters written back to the deployment's `strategy_data` and `messages` as they change. The instances run in
 * the data plane; groups it already ran when the console attached are adopted as they are, not restarted.
 */
import type { Deployment } from '@contract/deployment';
import type { InstanceSnapshot } from '@contract/console';

import type { InstanceGroupListener } from '../runtime/instance-types';
import type { LogRead, LogReadQuery } from '../runtime/log-read';
import type { AssetLaunch } from './asset-launch';
import type { DataPlane, RouteWeight, RunningGroup, ScopeAddress } from './data-plane';
import type { Store } from '../store/store';
import type { WeightedDeployment } from './scope-routing';

export type TrackedGroup = {
  readonly deploymentId: number;
  readonly scopeId: number;
  readonly startedAt: number;
  readonly group: RunningGroup;
  launched(): number;
  healthyCount(): number;
  lastHealthSummary(): string;
  /** The last lines of an instance that is not healthy, for the failure message. */
  lastOutput(): string[];
};

/** How the groups write their counters and messages: the engine passes its own writer, whose writes it does not hear. */
export type StoreWriter = <T>(fn: (tx: Store) => T) => T;

export class InstanceGroups {
  private readonly groups = new Map<number, TrackedGroup>();
  private activityListeners: Array<(scopeId: number) => void> = [];
  private write: StoreWriter = (fn) => this.store.write(fn);

  constructor(
    private readonly dataPlane: DataPlane,
    private readonly store: Store,
    private readonly healthPath: (deployment: Deployment) => string,
  ) {
    for (const group of dataPlane.runningGroups()) this.adopt(group);
  }

  onActivity(listener: (scopeId: number) => void): void {
    this.activityListeners.push(listener);
  }

  writeWith(writer: StoreWriter): void {
    this.write = writer;
  }

  get(deploymentId: number): TrackedGroup | undefined {
    return this.groups.get(deploymentId);
  }

  start(deployment: Deployment, count: number, launch: AssetLaunch): TrackedGroup {
    const deploymentId = deployment.id;
    const scopeId = deployment.scope_id;
    const group = this.dataPlane.startGroup({
      deploymentId,
      scopeId,
      count,
      entry: launch.entry,
      cwd: launch.cwd,
      env: launch.env,
      healthPath: this.healthPath(deployment),
    });
    const tracked = this.track(group);
    // Counters start from zero with every new set of instances (after a restart the stored ones are stale).
    this.writeCounters(deploymentId, { launched_instances: 0, healthy_instances: 0 });
    this.writeMessage(deploymentId, 'INFO', `starting ${count} instance${count === 1 ? '' : 's'} of ${launch.entry}`);
    return tracked;
  }

  /**
   * A group that kept running while no console was attached: its counts may have moved meanwhile (an instance
   * crashed and came back), so the stored ones catch up.
   */
  private adopt(group: RunningGroup): void {
    this.track(group);
    const stored = this.store.deployments.get(group.deploymentId)?.strategy_data;
    if (stored === undefined) return;
    if (stored.launched_instances !== group.launched() || stored.healthy_instances !== group.healthy()) {
      this.writeCounters(group.deploymentId, {
        launched_instances: group.launched(),
        healthy_instances: group.healthy(),
      });
    }
  }

  private track(group: RunningGroup): TrackedGroup {
    const { deploymentId, scopeId } = group;
    group.listen(this.listenerFor(deploymentId, scopeId));
    const tracked: TrackedGroup = {
      deploymentId,
      scopeId,
      startedAt: group.startedAt,
      group,
      launched: () => group.launched(),
      healthyCount: () => group.healthy(),
      lastHealthSummary: () => group.healthSummary(),
      lastOutput: () => group.lastOutput(),
    };
    this.groups.set(deploymentId, tracked);
    return tracked;
  }

  private listenerFor(deploymentId: number, scopeId: number): InstanceGroupListener {
    const notify = () => this.activityListeners.forEach((listener) => listener(scopeId));
    return {
      onLaunched: (value) => {
        this.writeCounters(deploymentId, { launched_instances: value });
        notify();
      },
      onHealthy: (value) => {
        this.writeCounters(deploymentId, { healthy_instances: value });
        notify();
      },
      onInstanceExit: (index, detail, restarting) => {
        this.writeMessage(
          deploymentId,
          'WARNING',
          `instance ${index + 1} ${detail}${restarting ? '; restarting it' : ''}`,
        );
        notify();
      },
      onInstanceRestarted: (index) => {
        this.writeMessage(deploymentId, 'INFO', `instance ${index + 1} restarted`);
        notify();
      },
    };
  }

  /**
   * Proxy routes for a split. A deployment without running instances (yet) gets no route, and the deployment that
   * remains takes its share: the proxy always routes 100%.
   */
  routesFor(split: WeightedDeployment[]): RouteWeight[] {
    const routes = split
      .filter(({ deploymentId }) => this.groups.has(deploymentId))
      .map(({ deploymentId, weight }) => ({ deploymentId, weight }));
    return routes.length === 1 ? routes.map((route) => ({ ...route, weight: 100 })) : routes;
  }

  /** Waits until the proxy has no request in flight to the deployment (it no longer routes to it), then stops it. */
  async drainAndStop(deploymentId: number, proxy: ScopeAddress | undefined, drainTimeoutMs: number): Promise<void> {
    const tracked = this.groups.get(deploymentId);
    if (tracked === undefined) return;
    if (proxy) await proxy.drain(deploymentId, drainTimeoutMs);
    this.groups.delete(deploymentId);
    await tracked.group.stop();
    this.writeCounters(deploymentId, { launched_instances: 0, healthy_instances: 0 });
  }

  async stopOthers(
    scopeId: number,
    keep: number[],
    proxy: ScopeAddress | undefined,
    drainTimeoutMs: number,
  ): Promise<void> {
    const strays = [...this.groups.values()].filter(
      (tracked) => tracked.scopeId === scopeId && !keep.includes(tracked.deploymentId),
    );
    await Promise.all(strays.map((tracked) => this.drainAndStop(tracked.deploymentId, proxy, drainTimeoutMs)));
  }

  async stopScope(scopeId: number, proxy: ScopeAddress | undefined): Promise<void> {
    await this.stopOthers(scopeId, [], proxy, 0);
  }

  async stopAll(): Promise<void> {
    const all = [...this.groups.values()];
    this.groups.clear();
    await Promise.allSettled(all.map((tracked) => tracked.group.stop()));
  }

  /** Every scope with instances, adopted or started. */
  scopeIds(): number[] {
    return [...new Set([...this.groups.values()].map((tracked) => tracked.scopeId))];
  }

  snapshot(scopeId: number): Promise<InstanceSnapshot[]> {
    return this.dataPlane.instances(scopeId);
  }

  logs(deploymentId: number, query: LogReadQuery): Promise<LogRead> {
    return this.dataPlane.logs(deploymentId, query);
  }

  private writeCounters(
    deploymentId: number,
    counters: { launched_instances?: number; healthy_instances?: number },
  ): void {
    if (this.store.deployments.get(deploymentId) === undefined) return;
    this.write((tx) => tx.deployments.update(deploymentId, { strategy_data: counters }));
  }

  private writeMessage(deploymentId: number, level: 'INFO' | 'WARNING', message: string): void {
    if (this.store.deployments.get(deploymentId) === undefined) return;
    this.write((tx) => tx.deployments.addMessage(deploymentId, level, message));
  }
}
