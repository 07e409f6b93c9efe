import { EventEmitter, once } from 'node:events';

/** Counts the requests each deployment is serving right now, so a deployment can be drained before it is stopped. */
export class InFlightRequests {
  private readonly counts = new Map<number, number>();
  private readonly settled = new EventEmitter();

  constructor() {
    // Every drain waits on this emitter; many concurrent drains are normal, not a leak.
    this.settled.setMaxListeners(0);
  }

  begin(deploymentId: number): void {
    this.counts.set(deploymentId, this.count(deploymentId) + 1);
  }

  end(deploymentId: number): void {
    const remaining = this.count(deploymentId) - 1;
    if (remaining > 0) {
      this.counts.set(deploymentId, remaining);
      return;
    }
    this.counts.delete(deploymentId);
    this.settled.emit(`idle:${deploymentId}`);
  }

  count(deploymentId: number): number {
    return this.counts.get(deploymentId) ?? 0;
  }

  /** Resolves true once nothing is in flight for the deployment, false if that did not happen within `timeoutMs`. */
  async whenIdle(deploymentId: number, timeoutMs: number): Promise<boolean> {
    if (this.count(deploymentId) === 0) return true;
    try {
      await once(this.settled, `idle:${deploymentId}`, { signal: AbortSignal.timeout(timeoutMs) });
      return true;
    } catch {
      return this.count(deploymentId) === 0;
    }
  }
}
