/**
 * One second of a scope's traffic. `errors_by_deployment` and `latency_ms` came later (metric rules): a runtime
 * started by an older console does not send them, so readers treat them as absent, not as zero.
 */
export type TrafficSample = {
  at: number;
  counts: Record<string, number>;
  errors: number;
  /** Deployment id → answers that were 5xx or proxy failures (only seconds and deployments that had any). */
  errors_by_deployment?: Record<string, number>;
  /** Deployment id → latency histogram: milliseconds (two significant digits) → requests. */
  latency_ms?: Record<string, Record<string, number>>;
};

type Bucket = {
  second: number;
  counts: Map<number, number>;
  errors: number;
  errorsById: Map<number, number>;
  latencyById: Map<number, Map<number, number>>;
};

export const trafficRetentionSeconds = 300;

/**
 * Requests served at a scope's address, per deployment, in one-second buckets kept for five minutes (a ring indexed
 * by the second), plus totals since the proxy started. Keys are deployment ids as strings, as the contract sends them.
 */
export class TrafficCounters {
  private readonly ring: Array<Bucket | undefined> = new Array(trafficRetentionSeconds);
  private readonly totalsById = new Map<number, number>();

  /**
   * One request answered. `deploymentId` is null when the proxy answered itself with no instance to blame (none to
   * serve it); `latencyMs` is the time until the instance's answer began, when one did.
   */
  record(deploymentId: number | null, isError: boolean, latencyMs?: number): void {
    const bucket = this.currentBucket();
    if (deploymentId !== null) {
      bucket.counts.set(deploymentId, (bucket.counts.get(deploymentId) ?? 0) + 1);
      this.totalsById.set(deploymentId, (this.totalsById.get(deploymentId) ?? 0) + 1);
      if (isError) bucket.errorsById.set(deploymentId, (bucket.errorsById.get(deploymentId) ?? 0) + 1);
      if (latencyMs !== undefined) {
        const histogram = bucket.latencyById.get(deploymentId) ?? new Map<number, number>();
        const key = latencyKey(latencyMs);
        histogram.set(key, (histogram.get(key) ?? 0) + 1);
        bucket.latencyById.set(deploymentId, histogram);
      }
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
      const sample: TrafficSample = {
        at: second * 1000,
        counts: live ? toRecord(live.counts) : {},
        errors: live?.errors ?? 0,
      };
      if (live && live.errorsById.size > 0) sample.errors_by_deployment = toRecord(live.errorsById);
      if (live && live.latencyById.size > 0) {
        sample.latency_ms = Object.fromEntries(
          [...live.latencyById].map(([id, histogram]) => [String(id), toRecord(histogram)]),
        );
      }
      samples.push(sample);
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
    const fresh: Bucket = { second, counts: new Map(), errors: 0, errorsById: new Map(), latencyById: new Map() };
    this.ring[slot] = fresh;
    return fresh;
  }
}

/**
 * Milliseconds rounded to two significant digits (7, 42, 130, 2,400): a percentile within a few percent, and a
 * histogram of at most a few hundred keys per deployment and second however many requests there are.
 */
export function latencyKey(latencyMs: number): number {
  const ms = Math.max(0, Math.round(latencyMs));
  if (ms < 100) return ms;
  const magnitude = 10 ** (Math.floor(Math.log10(ms)) - 1);
  return Math.round(ms / magnitude) * magnitude;
}

function currentSecond(): number {
  return Math.floor(Date.now() / 1000);
}

function toRecord(counts: Map<number, number>): Record<string, number> {
  return Object.fromEntries([...counts].map(([id, count]) => [String(id), count]));
}
