/**
 * One weighted reverse proxy per scope, each on its own loopback port: the scope's address (`domain`).
 * A scope keeps its port across restarts of the console so that its address stays the same.
 */
import type { Scope } from '@contract/scope';

import { ScopeProxy } from '../runtime/scope-proxy';

export type RunningProxy = { proxy: ScopeProxy; address: string };

export class ScopeProxies {
  private readonly proxies = new Map<number, RunningProxy>();
  private readonly opening = new Map<number, Promise<RunningProxy>>();

  constructor(private readonly log: (line: string) => void) {}

  get(scopeId: number): ScopeProxy | undefined {
    return this.proxies.get(scopeId)?.proxy;
  }

  address(scopeId: number): string | undefined {
    return this.proxies.get(scopeId)?.address;
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
    await running?.proxy.close();
  }

  async closeAll(): Promise<void> {
    await Promise.allSettled([...this.proxies.keys()].map((scopeId) => this.close(scopeId)));
  }

  private async open(scope: Scope, host: string): Promise<RunningProxy> {
    const previousPort = portOf(scope.domain);
    const advertisedHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
    if (previousPort !== undefined) {
      const proxy = new ScopeProxy({ scopeId: scope.id, host, port: previousPort });
      try {
        const port = await proxy.listen();
        return { proxy, address: `${advertisedHost}:${port}` };
      } catch (error) {
        this.log(`scope ${scope.id}: its address port ${previousPort} is taken (${String(error)}); it gets a new address`);
      }
    }
    const proxy = new ScopeProxy({ scopeId: scope.id, host, port: 0 });
    const port = await proxy.listen();
    return { proxy, address: `${advertisedHost}:${port}` };
  }
}

function portOf(domain: string | null | undefined): number | undefined {
  const match = domain ? /:(\d+)$/.exec(domain) : null;
  return match ? Number(match[1]) : undefined;
}
