/**
 * One weighted reverse proxy per scope, each on its own port: the scope's address (`domain`). The proxies run in
 * the data plane; a scope keeps its port across restarts of the console (the running proxy is adopted) and of the
 * data plane (the port in `domain` is asked for again).
 */
import type { Scope } from '@contract/scope';

import type { DataPlane, ScopeAddress } from './data-plane';

export type RunningProxy = { proxy: ScopeAddress; address: string };

export class ScopeProxies {
  private readonly proxies = new Map<number, RunningProxy>();
  private readonly opening = new Map<number, Promise<RunningProxy>>();

  constructor(
    private readonly dataPlane: DataPlane,
    private readonly log: (line: string) => void,
  ) {
    for (const proxy of dataPlane.runningProxies())
      this.proxies.set(proxy.scopeId, { proxy, address: addressOf(proxy.host, proxy.port) });
  }

  get(scopeId: number): ScopeAddress | undefined {
    return this.proxies.get(scopeId)?.proxy;
  }

  address(scopeId: number): string | undefined {
    return this.proxies.get(scopeId)?.address;
  }

  /** Every scope with an address, adopted or opened. */
  scopeIds(): number[] {
    return [...this.proxies.keys()];
  }

  async ensure(scope: Scope, host: string): Promise<RunningProxy> {
    const running = this.proxies.get(scope.id);
    if (running) return running;
    const opening = this.opening.get(scope.id) ?? this.open(scope, host);
    this.opening.set(scope.id, opening);
    try {
      const opened = await opening;
      this.proxies.set(scope.id, opened);
      return opened;
    } finally {
      this.opening.delete(scope.id);
    }
  }

  async close(scopeId: number): Promise<void> {
    const running = this.proxies.get(scopeId);
    this.proxies.delete(scopeId);
    if (running) await this.dataPlane.closeProxy(scopeId);
  }

  async closeAll(): Promise<void> {
    await Promise.allSettled([...this.proxies.keys()].map((scopeId) => this.close(scopeId)));
  }

  private async open(scope: Scope, host: string): Promise<RunningProxy> {
    const previousPort = portOf(scope.domain);
    if (previousPort !== undefined) {
      try {
        const proxy = await this.dataPlane.openProxy(scope.id, host, previousPort);
        return { proxy, address: addressOf(proxy.host, proxy.port) };
      } catch (error) {
        this.log(
          `scope ${scope.id}: its address port ${previousPort} is taken (${String(error)}); it gets a new address`,
        );
      }
    }
    const proxy = await this.dataPlane.openProxy(scope.id, host, 0);
    return { proxy, address: addressOf(proxy.host, proxy.port) };
  }
}

/** What a scope's `domain` says: a wildcard bind is reached at loopback. */
function addressOf(host: string, port: number): string {
  const advertisedHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `${advertisedHost}:${port}`;
}

function portOf(domain: string | null | undefined): number | undefined {
  const match = domain ? /:(\d+)$/.exec(domain) : null;
  return match ? Number(match[1]) : undefined;
}
