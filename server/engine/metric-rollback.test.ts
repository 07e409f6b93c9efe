/**
 * Metric rules end to end: a release that fails a share of its requests, judged on its own requests at the scope's
 * real address, rolled back by the engine; a healthy one left alone.
 */
import { afterEach, describe, expect, it } from 'vitest';

import { metricEvaluationListSchema } from '@contract/metric-evaluation';
import { activityOf, createGreeterApp, sampleScope, startHarness, type Harness } from '../testing/console-harness';

let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

type Created = { id: number };

const errorRateRule = { metric: 'http.error_rate', operation: 'greater_than', threshold: 0.1 };
const settings = { NP_CONSOLE_METRIC_CHECK_INTERVAL: '1s', NP_CONSOLE_METRIC_MIN_REQUESTS: '20' };

/** The old release active, the new one (with `env`) running at 50% with the error-rate rule. */
async function newReleaseAtHalf(h: Harness, env: Record<string, string>) {
  const app = await createGreeterApp(h, [{ semver: '1.0.0' }, { semver: '1.1.0', env }]);
  const first = await h.api<Created>('POST', '/api/deployment', {
    scope_id: app.scopeId,
    release_id: app.releaseIds[0],
  });
  await h.waitForDeployment(first.body.id, (d) => d.status === 'finalized', 'finalized');
  const address = (await h.api<{ domain: string }>('GET', `/api/scope/${app.scopeId}`)).body.domain;
  const green = await h.api<Created>('POST', '/api/deployment', {
    scope_id: app.scopeId,
    release_id: app.releaseIds[1],
    strategy_data: { parameters: { metrics: { enabled: true, rules: [errorRateRule] } } },
  });
  expect(green.status).toBe(200);
  await h.waitForDeployment(green.body.id, (d) => d.status === 'running', 'running');
  await h.api('PATCH', `/api/deployment/${green.body.id}`, { strategy_data: { desired_switched_traffic: 50 } });
  await h.waitForDeployment(green.body.id, (d) => d.strategy_data.switched_traffic === 50, 'switched to 50%');
  return { activeId: first.body.id, greenId: green.body.id, address };
}

async function evaluations(h: Harness, id: number) {
  const answer = await h.api('GET', `/console/deployment/${id}/evaluations`, undefined, metricEvaluationListSchema);
  expect(answer.status).toBe(200);
  return answer.body.results;
}

describe('metric rules', () => {
  it('rolls back a release failing 30% of its requests once the minimum count is in, naming rule, value, threshold and window', async () => {
    harness = await startHarness(settings);
    const h = harness;
    const { activeId, greenId, address } = await newReleaseAtHalf(h, { FAIL_RATE: '0.3' });

    // Requests keep coming until the engine rolls back: then all of them go to the old release.
    let rolledBack = false;
    const load = (async () => {
      while (!rolledBack) await sampleScope(address, 20, 2);
    })();
    const done = await h.waitForDeployment(
      greenId,
      (d) => d.status === 'rolled_back',
      'rolled back by its metric rule',
    );
    rolledBack = true;
    await load;

    const messages = (done.messages ?? []).map((m) => m.message);
    const reason = messages.find((m) => m.startsWith('metric rule broken'));
    expect(reason).toMatch(
      /http\.error_rate greater_than 0\.1; measured 0\.\d+ fraction > 0\.1 over the last 60 s \(\d+ requests/,
    );
    expect(messages.some((m) => /running → rolling_back: a metric rule/.test(m))).toBe(true);
    expect(done.status_in_scope).toBe('inactive');
    const [rollback] = await activityOf(h, greenId, 'engine');
    expect(rollback).toMatchObject({
      action: 'roll_back',
      changes: [{ field: 'status', from: 'running', to: 'rolling_back' }],
    });
    expect(rollback?.reason).toMatch(/^automatic: metric rule broken: http\.error_rate greater_than 0\.1; measured/);

    const checks = await evaluations(h, greenId);
    const last = checks.at(-1);
    expect(last).toMatchObject({ verdict: 'broken', min_requests: 20, window_seconds: 60 });
    expect(last?.requests).toBeGreaterThanOrEqual(20);
    expect(last?.results[0]).toMatchObject({
      metric: 'http.error_rate',
      comparison: 'greater_than',
      threshold: 0.1,
      judged: true,
      broken: true,
    });
    // The first check that had the minimum request count decided; the ones before it said they could not.
    expect(checks.find((check) => check.requests >= 20)?.id).toBe(last?.id);
    expect(checks.slice(0, -1).every((check) => check.verdict === 'not_enough_requests')).toBe(true);

    const after = await sampleScope(address, 200);
    expect(after.failures).toBe(0);
    expect(after.served.get(String(activeId))).toBe(200);
  });

  it('never rolls back a healthy release with the same rule', async () => {
    harness = await startHarness(settings);
    const h = harness;
    const { greenId, address } = await newReleaseAtHalf(h, {});
    // Enough requests for several judged checks.
    for (let round = 0; round < 4; round += 1) {
      const split = await sampleScope(address, 100, 4);
      expect(split.failures).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const checks = await evaluations(h, greenId);
    expect(checks.some((check) => check.verdict === 'passed' && check.requests >= 20)).toBe(true);
    expect(checks.every((check) => check.verdict !== 'broken')).toBe(true);
    expect((await h.deployment(greenId)).status).toBe('running');
    expect((await h.api<{ message: string }>('GET', '/console/deployment/9999/evaluations')).status).toBe(404);
  });
});
