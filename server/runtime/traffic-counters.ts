export type TrafficSample = { at: number; counts: Record<string, number>; errors: number };

type Bucket = { second: number; counts: Map<number, number>; errors: number };

export const trafficRetentionSeconds = 300;

/**
 * Requests served at a scope's address, per deployment, in one-second buckets kept for five minutes (a ring indexed
 * by the second), plus totals since the proxy started. Keys are deployment ids as strings, as the contract sends them.
 */
export class TrafficCounters {
  private readonly ring: Array<Bucket | undefined> = new Array(trafficRetentionSeconds);
  private readonly totalsById = new Map<number, number>();

  /** One request answered. `deploymentId` is null when the proxy answered itself (no instance to serve it). */
  record(deploymentId: number | null, isError: boolean): void {
    const bucket = this.currentBucket();
    if (deploymentId !== null) {
      bucket.counts.set(deploymentId, (bucket.counts.get(deploymentId) ?? 0) + 1);
      this.totalsById.set(deploymentId, (this.totalsById.get(deploymentId) ?? 0) + 1);
    }
    if (isError) bucket.errors += 1;
  }

  /** One sample per second, oldest first, ending with the current second; seconds without requests are zeros. */
  samples(windowSeconds: number): TrafficSample[] {
    const window = Math.min(Math.max(Math.floor(windowSeconds), 1), trafficRetentionSeconds);
    const now = currentSecond();
    const samples: TrafficSample[] = [];
    for (let second = now - window + 1; second <= now; second += 1) {
      const bucket = this.ring[second % trafficRetentionSeconds];
      const live = bucket?.second === second ? bucket : undefined;
      samples.push({ at: second * 1000, counts: live ? toRecord(live.counts) : {}, errors: live?.errors ?? 0 });
    }
    return samples;
  }

  totals(): Record<string, number> {
    return toRecord(this.totalsById);
  }

  private currentBucket(): Bucket {
    const second = currentSecond();
    const slot = second % trafficRetentionSeconds;
    const existing = this.ring[slot];
    if (existing?.second === second) return existing;
    const fresh: Bucket = { second, counts: new Map(), errors: 0 };
    this.ring[slot] = fresh;
    return fresh;
  }
}

function currentSecond(): number {
  return Math.floor(Date.now() / 1000);
}

function toRecord(counts: Map<number, number>): Record<string, number> {
  return Object.fromEntries([...counts].map(([id, count]) => [String(id), count]));
}
