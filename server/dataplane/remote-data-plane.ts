/**
 * The console's DataPlane: commands go to the runtime process over its socket, in order; reads answer from a mirror
 * of the runtime's state, seeded by its snapshot at attach time and kept current by its events. The engine can thus
 * check a deployment's healthy count in the middle of a reconcile without waiting on another process.
 */
import type { DataPlane, RouteWeight, RunningGroup, ScopeAddress } from '../engine/data-plane';
import type { InstanceGroupListener, InstanceGroupSpec, InstanceSnapshot } from '../runtime/instance-types';
import type { LogRead, LogReadQuery } from '../runtime/log-read';
import type { ScopeTrafficReport } from '../runtime/scope-proxy';
import type { GroupState, ProxyState, RuntimeEvent } from './protocol';
import type { RuntimeConnection } from './runtime-connection';

/** Stopping waits for instances to exit (grace period, then SIGKILL): longer than any request that answers at once. */
const stopTimeoutMs = 120_000;

export class RemoteDataPlane implements DataPlane {
  private readonly proxies = new Map<number, RemoteScopeAddress>();
  private readonly groups = new Map<number, RemoteGroup>();

  private constructor(
    private readonly connection: RuntimeConnection,
    private readonly log: (line: string) => void,
  ) {}

  /**
   * Mirrors what the runtime runs now. Events are followed before the snapshot is asked for: those that arrive first
   * are about groups the snapshot (answered after them, on the same socket) already counts in.
   */
  static async attach(connection: RuntimeConnection, log: (line: string) => void): Promise<RemoteDataPlane> {
    const plane = new RemoteDataPlane(connection, log);
    connection.onEvent((event) => plane.apply(event));
    const snapshot = await connection.request('snapshot', {});
    for (const proxy of snapshot.proxies) plane.proxies.set(proxy.scopeId, plane.addressFor(proxy));
    for (const group of snapshot.groups) plane.groups.set(group.deploymentId, plane.groupFor(group));
    return plane;
  }

  runningProxies(): ScopeAddress[] {
    return [...this.proxies.values()];
  }

  runningGroups(): RunningGroup[] {
    return [...this.groups.values()];
  }

  async openProxy(scopeId: number, host: string, port: number): Promise<ScopeAddress> {
    const existing = this.proxies.get(scopeId);
    if (existing) return existing;
    const opened = await this.connection.request('openProxy', { scopeId, host, port });
    const address = this.proxies.get(scopeId) ?? this.addressFor({ scopeId, host, port: opened.port, routes: [] });
    this.proxies.set(scopeId, address);
    return address;
  }

  async closeProxy(scopeId: number): Promise<void> {
    this.proxies.delete(scopeId);
    await this.connection.request('closeProxy', { scopeId });
  }

  startGroup(spec: InstanceGroupSpec): RunningGroup {
    const startedAt = Date.now();
    const state: GroupState = {
      deploymentId: spec.deploymentId,
      scopeId: spec.scopeId,
      startedAt,
      launched: 0,
      healthy: 0,
      healthSummary: 'no answer yet',
    };
    const group = this.groupFor(state);
    this.groups.set(spec.deploymentId, group);
    this.connection.request('startGroup', { spec, startedAt }).catch((error: unknown) => {
      // The group stays, with nothing launched: the engine's health timeout fails the deployment, saying why.
      const reason = error instanceof Error ? error.message : String(error);
      group.refused(reason);
      this.log(`deployment ${spec.deploymentId}: the data plane could not start its instances: ${reason}`);
    });
    return group;
  }

  async instances(scopeId: number): Promise<InstanceSnapshot[]> {
    if (this.connection.closed) return [];
    return this.connection.request('instances', { scopeId });
  }

  /** Asked of the runtime every time: it keeps the logs (memory and files), a restarted console has none of its own. */
  logs(deploymentId: number, { instance, since, limit }: LogReadQuery): Promise<LogRead> {
    return this.connection.request('logs', { deploymentId, instance, since, limit });
  }

  private apply(event: RuntimeEvent): void {
    this.groups.get(event.deploymentId)?.apply(event);
  }

  private addressFor(state: ProxyState): RemoteScopeAddress {
    return new RemoteScopeAddress(state, this.connection, this.log);
  }

  private groupFor(state: GroupState): RemoteGroup {
    const group: RemoteGroup = new RemoteGroup(state, this.connection, () => {
      if (this.groups.get(state.deploymentId) === group) this.groups.delete(state.deploymentId);
    });
    return group;
  }
}

class RemoteScopeAddress implements ScopeAddress {
  readonly scopeId: number;
  readonly host: string;
  readonly port: number;
  /** What the runtime was last told; undefined after it refused routes, so the next ones are sent whatever they are. */
  private routes: RouteWeight[] | undefined;

  constructor(
    state: ProxyState,
    private readonly connection: RuntimeConnection,
    private readonly log: (line: string) => void,
  ) {
    this.scopeId = state.scopeId;
    this.host = state.host;
    this.port = state.port;
    this.routes = state.routes;
  }

  setRoutes(routes: RouteWeight[]): void {
    if (this.routes !== undefined && sameRoutes(this.routes, routes)) return;
    this.routes = routes.map((route) => ({ ...route }));
    // Sent now, answered later: requests on one socket are handled in order, so splits apply in the order given.
    this.connection.request('setRoutes', { scopeId: this.scopeId, routes: this.routes }).catch((error: unknown) => {
      this.routes = undefined;
      if (!this.connection.closed)
        this.log(`scope ${this.scopeId}: the data plane refused routes ${JSON.stringify(routes)}: ${String(error)}`);
    });
  }

  async drain(deploymentId: number, timeoutMs: number): Promise<void> {
    await this.connection.request('drain', { scopeId: this.scopeId, deploymentId, timeoutMs }, timeoutMs + 30_000);
  }

  async traffic(windowSeconds: number): Promise<ScopeTrafficReport | undefined> {
    if (this.connection.closed) return undefined;
    return (await this.connection.request('traffic', { scopeId: this.scopeId, windowSeconds })) ?? undefined;
  }
}

class RemoteGroup implements RunningGroup {
  readonly deploymentId: number;
  readonly scopeId: number;
  readonly startedAt: number;
  private launchedCount: number;
  private healthyCount: number;
  private summary: string;
  private output: string[];
  private listener: InstanceGroupListener | undefined;

  constructor(
    state: GroupState,
    private readonly connection: RuntimeConnection,
    private readonly forget: () => void,
  ) {
    this.deploymentId = state.deploymentId;
    this.scopeId = state.scopeId;
    this.startedAt = state.startedAt;
    this.launchedCount = state.launched;
    this.healthyCount = state.healthy;
    this.summary = state.healthSummary;
    this.output = state.lastOutput ?? [];
  }

  launched(): number {
    return this.launchedCount;
  }

  healthy(): number {
    return this.healthyCount;
  }

  healthSummary(): string {
    return this.summary;
  }

  lastOutput(): string[] {
    return this.output;
  }

  listen(listener: InstanceGroupListener): void {
    this.listener = listener;
  }

  async stop(): Promise<void> {
    this.listener = undefined;
    this.forget();
    await this.connection.request('stopGroup', { deploymentId: this.deploymentId }, stopTimeoutMs);
  }

  refused(reason: string): void {
    this.summary = `the data plane could not start them (${reason})`;
  }

  /** The mirror is updated before the listener hears of it: a listener reading the counts sees the new ones. */
  apply(event: RuntimeEvent): void {
    const listener = this.listener;
    switch (event.event) {
      case 'launched':
        this.launchedCount = event.value;
        listener?.onLaunched(event.value);
        return;
      case 'healthy':
        this.healthyCount = event.value;
        listener?.onHealthy(event.value);
        return;
      case 'exit':
        listener?.onInstanceExit(event.index, event.detail, event.restarting);
        return;
      case 'restarted':
        listener?.onInstanceRestarted(event.index);
        return;
      case 'health':
        this.summary = event.summary;
        this.output = event.lastOutput ?? [];
        return;
    }
  }
}

function sameRoutes(a: RouteWeight[], b: RouteWeight[]): boolean {
  return (
    a.length === b.length &&
    a.every((route, index) => route.deploymentId === b[index]?.deploymentId && route.weight === b[index]?.weight)
  );
}
