/** The local platform's telemetry API, fed by a real scope proxy's counters. */
import { afterEach, describe, expect, it } from 'vitest';

import { telemetryResponseSchema } from '@contract/telemetry';
import { createGreeterApp, sampleScope, startHarness, type Harness } from '../testing/console-harness';

let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('GET /api/telemetry/application/:id/metric/:name', () => {
  it("answers rpm, error rate and response time of a scope's address, one point per period", async () => {
    harness = await startHarness();
    const h = harness;
    const app = await createGreeterApp(h, [{ semver: '1.0.0', env: { FAIL_RATE: '0.25' } }]);
    const deployment = await h.api<{ id: number }>('POST', '/api/deployment', {
      scope_id: app.scopeId,
      release_id: app.releaseIds[0],
    });
    await h.waitForDeployment(deployment.body.id, (d) => d.status === 'finalized', 'finalized');
    const address = (await h.api<{ domain: string }>('GET', `/api/scope/${app.scopeId}`)).body.domain;
    await sampleScope(address, 80, 4);

    const base = `/api/telemetry/application/${app.applicationId}/metric`;
    const rpm = await h.api(
      'GET',
      `${base}/http.rpm?scope_id=${app.scopeId}&minutes=2&period=60`,
      undefined,
      telemetryResponseSchema,
    );
    expect(rpm.status).toBe(200);
    expect(rpm.body).toMatchObject({ metric: 'http.rpm', unit: 'requests/min', period: 60 });
    expect(rpm.body.results).toHaveLength(2);
    expect(rpm.body.results.reduce((sum, point) => sum + (point.value ?? 0), 0)).toBe(80);

    const errors = await h.api(
      'GET',
      `${base}/http.error_rate?scope_id=${app.scopeId}&minutes=1&period=60`,
      undefined,
      telemetryResponseSchema,
    );
    expect(errors.body.results).toHaveLength(1);
    expect(errors.body.results[0]?.value).toBeCloseTo(0.25, 1);

    const latency = await h.api(
      'GET',
      `${base}/http.response_time?scope_id=${app.scopeId}&minutes=1&period=60`,
      undefined,
      telemetryResponseSchema,
    );
    expect(latency.body.unit).toBe('ms');
    expect(typeof latency.body.results[0]?.value).toBe('number');
  });

  it('refuses what it cannot answer with 400 or 404 {message}', async () => {
    harness = await startHarness();
    const h = harness;
    const app = await createGreeterApp(h, [{ semver: '1.0.0' }]);
    const base = `/api/telemetry/application/${app.applicationId}/metric`;
    const cases: Array<[string, number, RegExp]> = [
      [`${base}/system.cpu_usage_percentage?scope_id=${app.scopeId}`, 400, /not measured by the local platform/],
      [`${base}/http.rpm`, 400, /scope_id/],
      [`${base}/http.rpm?scope_id=${app.scopeId}&minutes=10`, 400, /minutes must be at most 5/],
      [`${base}/http.rpm?scope_id=${app.scopeId}&period=0`, 400, /period must be at least 1/],
      [`${base}/http.rpm?scope_id=${app.scopeId}&step=1`, 400, /step/],
      [`${base}/http.rpm?scope_id=9999`, 404, /scope/],
      [`/api/telemetry/application/9999/metric/http.rpm?scope_id=${app.scopeId}`, 404, /application/],
    ];
    for (const [path, status, message] of cases) {
      const answer = await h.api<{ message: string }>('GET', path);
      expect(answer.status, path).toBe(status);
      expect(answer.body.message, path).toMatch(message);
    }
  });
});
