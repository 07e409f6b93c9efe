/**
 * The engine's view of running instance groups: which deployment and scope each belongs to, when it started, and
 * its counters written back to the deployment's `strategy_data` and `messages` as they change.
 */
import type { Deployment } from '@contract/deployment';
import type { InstanceSnapshot } from '@contract/console';

import type { InstanceGroup, InstanceSupervisor } from '../runtime/supervisor';
import type { ProxyRoute, ScopeProxy } from '../runtime/scope-proxy';
import type { AssetLaunch } from './asset-launch';
import type { Store } from '../store/store';
import type { WeightedDeployment } from './scope-routing';

export type TrackedGroup = {
  readonly deploymentId: number;
  readonly scopeId: number;
  readonly startedAt: number;
  readonly group: InstanceGroup;
  launched(): number;
  healthyCount(): number;
  lastHealthSummary(): string;
};

export class InstanceGroups {
  private readonly groups = new Map<number, TrackedGroup>();
  private activityListeners: Array<(scopeId: number) => void> = [];

  constructor(
    private readonly supervisor: InstanceSupervisor,
    private readonly store: Store,
    private readonly healthPath: (deployment: Deployment) => string,
  ) {}

  onActivity(listener: (scopeId: number) => void): void {
    this.activityListeners.push(listener);
  }

  get(deploymentId: number): TrackedGroup | undefined {
    return this.groups.get(deploymentId);
  }

  start(deployment: Deployment, count: number, launch: AssetLaunch): TrackedGroup {
    const deploymentId = deployment.id;
    const scopeId = deployment.scope_id;
    let launched = 0;
    let healthy = 0;
    const notify = () => this.activityListeners.forEach((listener) => listener(scopeId));
    const group = this.supervisor.startGroup(
      { deploymentId, scopeId, count, entry: launch.entry, cwd: launch.cwd, env: launch.env, healthPath: this.healthPath(deployment) },
      {
        onLaunched: (value) => {
          launched = value;
          this.writeCounters(deploymentId, { launched_instances: value });
          notify();
        },
        onHealthy: (value) => {
          healthy = value;
          this.writeCounters(deploymentId, { healthy_instances: value });
          notify();
        },
        onInstanceExit: (index, detail, restarting) => {
          this.writeMessage(deploymentId, 'WARNING', `instance ${index + 1} ${detail}${restarting ? '; restarting it' : ''}`);
          notify();
        },
        onInstanceRestarted: (index) => {
          this.writeMessage(deploymentId, 'INFO', `instance ${index + 1} restarted`);
          notify();
        },
      },
    );
    const tracked: TrackedGroup = {
      deploymentId,
      scopeId,
      startedAt: Date.now(),
      group,
      launched: () => launched,
      healthyCount: () => healthy,
      lastHealthSummary: () => summarizeHealth(group.snapshot()),
    };
    this.groups.set(deploymentId, tracked);
    // Counters start from zero with every new set of instances (after a restart the stored ones are stale).
    this.writeCounters(deploymentId, { launched_instances: 0, healthy_instances: 0 });
    this.writeMessage(deploymentId, 'INFO', `starting ${count} instance${count === 1 ? '' : 's'} of ${launch.entry}`);
    return tracked;
  }

  /**
   * Proxy routes for a split. A deployment without running instances (yet) gets no route, and the deployment that
   * remains takes its share: the proxy always routes 100%.
   */
  routesFor(split: WeightedDeployment[]): ProxyRoute[] {
    const routes = split.flatMap(({ deploymentId, weight }) => {
      const tracked = this.groups.get(deploymentId);
      return tracked ? [{ deploymentId, weight, group: tracked.group }] : [];
    });
    return routes.length === 1 ? routes.map((route) => ({ ...route, weight: 100 })) : routes;
  }

  /** Waits until the proxy has no request in flight to the deployment (it no longer routes to it), then stops it. */
  async drainAndStop(deploymentId: number, proxy: ScopeProxy | undefined, drainTimeoutMs: number): Promise<void> {
    const tracked = this.groups.get(deploymentId);
    if (tracked === undefined) return;
    if (proxy) await proxy.drain(deploymentId, drainTimeoutMs);
    this.groups.delete(deploymentId);
    await tracked.group.stop();
    this.writeCounters(deploymentId, { launched_instances: 0, healthy_instances: 0 });
  }

  async stopOthers(scopeId: number, keep: number[], proxy: ScopeProxy | undefined, drainTimeoutMs: number): Promise<void> {
    const strays = [...this.groups.values()].filter((tracked) => tracked.scopeId === scopeId && !keep.includes(tracked.deploymentId));
    await Promise.all(strays.map((tracked) => this.drainAndStop(tracked.deploymentId, proxy, drainTimeoutMs)));
  }

  async stopScope(scopeId: number, proxy: ScopeProxy | undefined): Promise<void> {
    await this.stopOthers(scopeId, [], proxy, 0);
  }

  async stopAll(): Promise<void> {
    const all = [...this.groups.values()];
    this.groups.clear();
    await Promise.allSettled(all.map((tracked) => tracked.group.stop()));
  }

  snapshot(scopeId: number): InstanceSnapshot[] {
    return [...this.groups.values()].filter((tracked) => tracked.scopeId === scopeId).flatMap((tracked) => tracked.group.snapshot());
  }

  private writeCounters(deploymentId: number, counters: { launched_instances?: number; healthy_instances?: number }): void {
    if (this.store.deployments.get(deploymentId) === undefined) return;
    this.store.write((tx) => tx.deployments.update(deploymentId, { strategy_data: counters }));
  }

  private writeMessage(deploymentId: number, level: 'INFO' | 'WARNING', message: string): void {
    if (this.store.deployments.get(deploymentId) === undefined) return;
    this.store.write((tx) => tx.deployments.addMessage(deploymentId, level, message));
  }
}

function summarizeHealth(instances: InstanceSnapshot[]): string {
  const results = instances.map((instance) => {
    const health = instance.last_health;
    if (health === null) return 'no answer yet';
    if (health.status_code !== null) return `HTTP ${health.status_code}`;
    return health.error ?? 'no answer';
  });
  return [...new Set(results)].join(', ') || 'none';
}
