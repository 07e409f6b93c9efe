import { describe, expect, it } from 'vitest';

import { TrafficCounters, trafficRetentionSeconds } from './traffic-counters';

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
    const sum = (pick: (sample: (typeof samples)[number]) => number) => samples.reduce((total, sample) => total + pick(sample), 0);
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
