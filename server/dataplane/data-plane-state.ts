/**
 * Everything the runtime process runs: one ScopeProxy per scope (the scope's address) and the InstanceSupervisor
 * (every deployment's instances). It does what the console asks and reports what happens; it never decides, and it
 * never waits on the console: a console that stops answering changes nothing here.
 */
import { explainingOutput, summarizeHealth } from '../runtime/health-summary';
import { LogStore } from '../runtime/log-store';
import { ScopeProxy, type ProxyRoute } from '../runtime/scope-proxy';
import { InstanceSupervisor, type InstanceGroup, type InstanceSnapshot } from '../runtime/supervisor';
import type {
  GroupSpec,
  GroupState,
  LogReadResult,
  Params,
  ProxyState,
  RouteWeight,
  RuntimeEvent,
  Snapshot,
  TrafficReport,
} from './protocol';

type RunningProxy = { proxy: ScopeProxy; host: string; port: number; proxyRoutes: ProxyRoute[] };
type RunningGroup = { group: InstanceGroup; state: GroupState; healthWatch: NodeJS.Timeout };

export type DataPlaneStateOptions = {
  instanceTag: string;
  healthIntervalMs: number;
  log: (line: string) => void;
  /** `<data folder>/logs`: where the instances' output is written; undefined keeps it in memory only (tests). */
  logsDir?: string | undefined;
  /** Every event goes to every connected console. */
  emit: (event: RuntimeEvent) => void;
};

export class DataPlaneState {
  private readonly supervisor: InstanceSupervisor;
  private readonly proxies = new Map<number, RunningProxy>();
  private readonly opening = new Map<number, Promise<RunningProxy>>();
  private readonly groups = new Map<number, RunningGroup>();
  readonly logStore: LogStore;

  constructor(private readonly options: DataPlaneStateOptions) {
    this.logStore = new LogStore(options.logsDir, options.log);
    this.supervisor = new InstanceSupervisor({
      instanceTag: options.instanceTag,
      healthIntervalMs: options.healthIntervalMs,
      logger: options.log,
      logs: this.logStore,
    });
  }

  snapshot(): Snapshot {
    const proxies: ProxyState[] = [...this.proxies].map(([scopeId, running]) => ({
      scopeId,
      host: running.host,
      port: running.port,
      routes: running.proxyRoutes.map(({ deploymentId, weight }) => ({ deploymentId, weight })),
    }));
    return { proxies, groups: [...this.groups.values()].map((running) => ({ ...running.state })) };
  }

  /** Opens the scope's address, or answers the port it already has: the runtime's proxies are the truth. */
  async openProxy(scopeId: number, host: string, port: number): Promise<number> {
    const existing = this.proxies.get(scopeId);
    if (existing) return existing.port;
    const opening =
      this.opening.get(scopeId) ??
      (async () => {
        const proxy = new ScopeProxy({ scopeId, host, port, logger: this.options.log });
        const bound = await proxy.listen();
        const running: RunningProxy = { proxy, host, port: bound, proxyRoutes: [] };
        this.proxies.set(scopeId, running);
        this.options.log(`scope ${scopeId}: serving at ${host}:${bound}`);
        return running;
      })();
    this.opening.set(scopeId, opening);
    try {
      return (await opening).port;
    } finally {
      this.opening.delete(scopeId);
    }
  }

  async closeProxy(scopeId: number): Promise<void> {
    const running = this.proxies.get(scopeId);
    if (running === undefined) return;
    this.proxies.delete(scopeId);
    await running.proxy.close();
    this.options.log(`scope ${scopeId}: address ${running.host}:${running.port} closed`);
  }

  setRoutes(scopeId: number, routes: RouteWeight[]): void {
    const running = this.proxies.get(scopeId);
    if (running === undefined) throw new Error(`scope ${scopeId} has no address in the data plane`);
    const proxyRoutes: ProxyRoute[] = routes.map(({ deploymentId, weight }) => {
      const group = this.groups.get(deploymentId)?.group;
      if (group === undefined)
        throw new Error(`scope ${scopeId}: deployment ${deploymentId} has no instances in the data plane`);
      return { deploymentId, weight, group };
    });
    // The same routes to the same instances must not restart the weighted round-robin midway: a console re-applies
    // every scope's split when it (re)attaches.
    if (sameRoutes(running.proxyRoutes, proxyRoutes)) return;
    running.proxy.setRoutes(proxyRoutes);
    running.proxyRoutes = proxyRoutes;
  }

  async drain(scopeId: number, deploymentId: number, timeoutMs: number): Promise<void> {
    await this.proxies.get(scopeId)?.proxy.drain(deploymentId, timeoutMs);
  }

  traffic(scopeId: number, windowSeconds: number): TrafficReport | null {
    return this.proxies.get(scopeId)?.proxy.traffic(windowSeconds) ?? null;
  }

  instances(scopeId: number): InstanceSnapshot[] {
    return [...this.groups.values()]
      .filter((running) => running.state.scopeId === scopeId)
      .flatMap((running) => running.group.snapshot());
  }

  startGroup(spec: GroupSpec, startedAt: number): void {
    const { deploymentId } = spec;
    if (this.groups.has(deploymentId))
      throw new Error(`deployment ${deploymentId} already has instances in the data plane`);
    const emit = this.options.emit;
    const state: GroupState = {
      deploymentId,
      scopeId: spec.scopeId,
      startedAt,
      launched: 0,
      healthy: 0,
      healthSummary: 'no answer yet',
    };
    // The supervisor reports counts, not every health answer; the summary and the last lines of an instance that is
    // not healthy are watched here (and refreshed with every count) so the console can say why a deployment never
    // became healthy without asking, and waiting on, the runtime.
    const refreshSummary = () => {
      const instances = group.snapshot();
      const summary = summarizeHealth(instances);
      const lastOutput = explainingOutput(instances, (index) => group.recentOutput(index));
      if (summary === state.healthSummary && sameLines(lastOutput, state.lastOutput ?? [])) return;
      state.healthSummary = summary;
      // Left out when empty: what an older runtime sends, and what a console reads as "nothing to explain".
      state.lastOutput = lastOutput.length === 0 ? undefined : lastOutput;
      emit({ event: 'health', deploymentId, summary, ...(lastOutput.length === 0 ? {} : { lastOutput }) });
    };
    const group: InstanceGroup = this.supervisor.startGroup(spec, {
      onLaunched: (value) => {
        state.launched = value;
        refreshSummary();
        emit({ event: 'launched', deploymentId, value });
      },
      onHealthy: (value) => {
        state.healthy = value;
        refreshSummary();
        emit({ event: 'healthy', deploymentId, value });
      },
      onInstanceExit: (index, detail, restarting) => emit({ event: 'exit', deploymentId, index, detail, restarting }),
      onInstanceRestarted: (index) => emit({ event: 'restarted', deploymentId, index }),
    });
    const healthWatch = setInterval(refreshSummary, this.options.healthIntervalMs);
    this.groups.set(deploymentId, { group, state, healthWatch });
  }

  logs({ deploymentId, instance, since, limit }: Params<'logs'>): Promise<LogReadResult> {
    return this.logStore.read(deploymentId, { instance, since, limit });
  }

  async stopGroup(deploymentId: number): Promise<void> {
    const running = this.groups.get(deploymentId);
    if (running === undefined) return;
    this.groups.delete(deploymentId);
    clearInterval(running.healthWatch);
    await running.group.stop();
  }

  /** Every address closes first, so no request is sent to an instance that is about to stop; then every instance. */
  async stopEverything(): Promise<void> {
    await Promise.allSettled([...this.proxies.keys()].map((scopeId) => this.closeProxy(scopeId)));
    await Promise.allSettled([...this.groups.keys()].map((deploymentId) => this.stopGroup(deploymentId)));
    await this.supervisor.stopAll();
  }
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((line, index) => line === b[index]);
}

function sameRoutes(a: ProxyRoute[], b: ProxyRoute[]): boolean {
  return (
    a.length === b.length &&
    a.every((route, index) => {
      const other = b[index];
      return route.deploymentId === other?.deploymentId && route.weight === other.weight && route.group === other.group;
    })
  );
}
