import { describe, expect, it } from 'vitest';

import { latencyKey, TrafficCounters, trafficRetentionSeconds } from './traffic-counters';

describe('TrafficCounters', () => {
  it('counts requests per deployment and errors, in per-second samples and in totals', () => {
    const counters = new TrafficCounters();
    counters.record(1, false);
    counters.record(1, false);
    counters.record(2, true);
    counters.record(null, true);

    expect(counters.totals()).toEqual({ '1': 2, '2': 1 });
    const samples = counters.samples(10);
    expect(samples).toHaveLength(10);
    const sum = (pick: (sample: (typeof samples)[number]) => number) =>
      samples.reduce((total, sample) => total + pick(sample), 0);
    expect(sum((sample) => sample.counts['1'] ?? 0)).toBe(2);
    expect(sum((sample) => sample.counts['2'] ?? 0)).toBe(1);
    expect(sum((sample) => sample.errors)).toBe(2);
  });

  it('returns one sample per second, oldest first, never more than it keeps', () => {
    const samples = new TrafficCounters().samples(10_000);
    expect(samples).toHaveLength(trafficRetentionSeconds);
    for (let index = 1; index < samples.length; index += 1) {
      expect((samples[index]?.at ?? 0) - (samples[index - 1]?.at ?? 0)).toBe(1000);
    }
    expect(samples.every((sample) => sample.errors === 0 && Object.keys(sample.counts).length === 0)).toBe(true);
  });
});

describe('TrafficCounters per deployment', () => {
  it('keeps errors and a latency histogram per deployment', () => {
    const counters = new TrafficCounters();
    counters.record(1, false, 4.2);
    counters.record(1, true, 1234);
    counters.record(2, true);
    counters.record(null, true);
    const samples = counters.samples(5);
    const errors: Record<string, number> = {};
    const latency: Record<string, number> = {};
    for (const sample of samples) {
      for (const [id, count] of Object.entries(sample.errors_by_deployment ?? {}))
        errors[id] = (errors[id] ?? 0) + count;
      for (const [ms, count] of Object.entries(sample.latency_ms?.['1'] ?? {}))
        latency[ms] = (latency[ms] ?? 0) + count;
    }
    expect(errors).toEqual({ '1': 1, '2': 1 });
    expect(latency).toEqual({ '4': 1, '1200': 1 });
  });

  it('rounds latencies to two significant digits', () => {
    expect([0.4, 7, 99, 101, 149, 2449, 12_345].map(latencyKey)).toEqual([0, 7, 99, 100, 150, 2400, 12_000]);
  });
});
