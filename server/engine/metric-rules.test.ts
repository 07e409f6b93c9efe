import { describe, expect, it } from 'vitest';

import type { InstanceSnapshot } from '@contract/console';
import type { TrafficSample } from '../runtime/traffic-counters';
import { measure, percentile } from './metric-measures';
import { brokenRuleMessage, evaluateRules } from './metric-rules';

const sample = (
  counts: Record<string, number>,
  errors: Record<string, number>,
  latency: Record<string, number>,
): TrafficSample => ({
  at: 0,
  counts,
  errors: Object.values(errors).reduce((sum, count) => sum + count, 0),
  errors_by_deployment: errors,
  latency_ms: { '7': latency },
});

const instance = (deploymentId: number, statusCode: number | null, error: string | null): InstanceSnapshot => ({
  deployment_id: deploymentId,
  index: 0,
  pid: 1,
  port: 1,
  state: 'healthy',
  restarts: 0,
  last_health: { at: 0, status_code: statusCode, error },
});

describe('metric measures', () => {
  it("measures the deployment's own error rate, p95 response time, rpm and failed health checks", () => {
    const samples = [
      sample({ '7': 30, '3': 50 }, { '7': 6, '3': 1 }, { '10': 28, '900': 2 }),
      sample({ '7': 10 }, { '7': 2 }, { '20': 10 }),
    ];
    const measured = measure(samples, 7, 60, [
      instance(7, 503, null),
      instance(7, 200, null),
      instance(7, null, 'ECONNREFUSED'),
      instance(3, 500, null),
    ]);
    expect(measured.requests).toBe(40);
    expect(measured.values['http.error_rate']).toBeCloseTo(0.2);
    // 40 latencies: 28 × 10 ms, 10 × 20 ms, 2 × 900 ms; the 38th is 20 ms.
    expect(measured.values['http.response_time']).toBe(20);
    expect(measured.values['http.rpm']).toBe(40);
    expect(measured.values['http.healthcheck_fail']).toBe(2);
  });

  it('has no response time or error rate without requests', () => {
    const measured = measure([], 7, 60, []);
    expect(measured.values['http.error_rate']).toBeNull();
    expect(measured.values['http.response_time']).toBeNull();
    expect(
      percentile(
        new Map([
          [5, 19],
          [50, 1],
        ]),
        95,
      ),
    ).toBe(5);
  });
});

describe('metric rules', () => {
  const measured = {
    requests: 10,
    values: { 'http.error_rate': 0.3, 'http.response_time': 120, 'http.rpm': 10, 'http.healthcheck_fail': 1 },
  };

  it('judges request metrics only with the minimum count, health checks always', () => {
    const rules = [
      { metric: 'http.error_rate' as const, operation: 'greater_than' as const, threshold: 0.1 },
      { metric: 'http.healthcheck_fail' as const, comparison: 'equal' as const, threshold: 0 },
    ];
    const few = evaluateRules(1, rules, measured, 60, 20);
    expect(few.verdict).toBe('not_enough_requests');
    expect(few.results.map((result) => [result.judged, result.broken])).toEqual([
      [false, false],
      [true, false],
    ]);
    const enough = evaluateRules(1, rules, { ...measured, requests: 20 }, 60, 20);
    expect(enough.verdict).toBe('broken');
    expect(brokenRuleMessage(enough)).toBe(
      'metric rule broken: http.error_rate greater_than 0.1; measured 0.3 fraction > 0.1 over the last 60 s (20 requests to this release at the scope address); rolling back to the previous release',
    );
  });

  it('compares with greater_than, less_than and equal', () => {
    const rule = (comparison: 'greater_than' | 'less_than' | 'equal', threshold: number) => ({
      metric: 'http.response_time' as const,
      comparison,
      threshold,
    });
    const verdicts = [
      rule('greater_than', 100),
      rule('greater_than', 120),
      rule('less_than', 200),
      rule('equal', 120),
    ].map((one) => evaluateRules(1, [one], { ...measured, requests: 50 }, 60, 20).verdict);
    expect(verdicts).toEqual(['broken', 'passed', 'broken', 'broken']);
  });
});
