/**
 * Automatic traffic steps end to end: real instances behind the scope's real proxy, driven and observed only through
 * the HTTP API and the scope's address.
 */
import { afterEach, describe, expect, it } from 'vitest';

import type { Deployment } from '@contract/deployment';
import { activityOf, createGreeterApp, sampleScope, startHarness, type Harness } from '../testing/console-harness';

let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

type Created = { id: number };

async function activeApp(h: Harness) {
  const app = await createGreeterApp(h, [{ semver: '1.0.0' }, { semver: '1.1.0' }]);
  const first = await h.api<Created>('POST', '/api/deployment', {
    scope_id: app.scopeId,
    release_id: app.releaseIds[0],
  });
  await h.waitForDeployment(first.body.id, (d) => d.status === 'finalized', 'finalized');
  const scope = await h.api<{ domain: string }>('GET', `/api/scope/${app.scopeId}`);
  return { ...app, activeId: first.body.id, address: scope.body.domain };
}

function autoSwitchOf(deployment: Deployment): unknown {
  const parameters = deployment.strategy_data['parameters'] as
    { traffic?: { enable_auto_switch?: unknown } } | undefined;
  return parameters?.traffic?.enable_auto_switch;
}

const setAutoSwitch = (h: Harness, id: number, enabled: boolean) =>
  h.api('PATCH', `/api/deployment/${id}`, {
    strategy_data: { parameters: { traffic: { enable_auto_switch: enabled } } },
  });

describe('automatic traffic steps', () => {
  it('climbs 0 → 100 in the configured steps, each applied at the scope address, then waits for finalize', async () => {
    harness = await startHarness();
    const h = harness;
    const app = await activeApp(h);
    const created = await h.api<Created>('POST', '/api/deployment', {
      scope_id: app.scopeId,
      release_id: app.releaseIds[1],
      strategy_data: { parameters: { traffic: { enable_auto_switch: true, step: '0.25', interval: 1 } } },
    });
    expect(created.status).toBe(200);
    const greenId = created.body.id;

    // At each level: pause (so the split holds still while it is measured), measure, resume.
    const measured: number[] = [];
    let level = 0;
    while (level < 100) {
      const reached = await h.waitForDeployment(
        greenId,
        (d) => (d.strategy_data.desired_switched_traffic ?? 0) > level,
        `above ${level}%`,
      );
      expect((await setAutoSwitch(h, greenId, false)).status).toBe(204);
      const paused = await h.waitForDeployment(
        greenId,
        (d) => d.strategy_data.switched_traffic === d.strategy_data.desired_switched_traffic,
        'switched to the desired share',
      );
      level = paused.strategy_data.switched_traffic ?? 0;
      expect(level).toBeGreaterThanOrEqual(reached.strategy_data.desired_switched_traffic ?? 0);
      const split = await sampleScope(app.address, 400);
      expect(split.failures).toBe(0);
      const share = ((split.served.get(String(greenId)) ?? 0) / 400) * 100;
      expect(Math.abs(share - level)).toBeLessThanOrEqual(5);
      measured.push(level);
      if (level < 100) expect((await setAutoSwitch(h, greenId, true)).status).toBe(204);
    }

    const done = await h.deployment(greenId);
    const steps = (done.messages ?? []).map((m) => m.message).filter((m) => m.startsWith('automatic traffic step:'));
    expect(steps.map((m) => /(\d+)% → (\d+)%/.exec(m)?.slice(1, 3).join('→'))).toEqual([
      '0→25',
      '25→50',
      '50→75',
      '75→100',
    ]);
    // Each step is the engine's, with the strategy that took it; each pause and resume the operator's.
    const trail = await activityOf(h, greenId);
    const engineSteps = trail.filter((entry) => entry.actor.name === 'engine').reverse();
    expect(engineSteps.map((entry) => entry.action)).toEqual(['traffic', 'traffic', 'traffic', 'traffic']);
    expect(
      engineSteps.map((entry) =>
        entry.changes.find((change) => change.field === 'strategy_data.desired_switched_traffic'),
      ),
    ).toEqual(
      [
        [0, 25],
        [25, 50],
        [50, 75],
        [75, 100],
      ].map(([from, to]) => ({ field: 'strategy_data.desired_switched_traffic', from, to })),
    );
    expect(engineSteps[0]?.reason).toBe('automatic: traffic step +25% every 1 s (strategy_data.parameters.traffic)');
    expect(trail.filter((entry) => entry.actor.name === 'local').map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['pause_auto_switch', 'resume_auto_switch', 'create']),
    );
    expect(measured.every((value) => [25, 50, 75, 100].includes(value))).toBe(true);
    // At 100% the deployment waits for finalize: the previous release is still there to roll back to.
    expect(done.status).toBe('running');
    expect((done.messages ?? []).some((m) => m.message.startsWith('automatic traffic steps reached 100%'))).toBe(true);
    expect((await h.api('PATCH', `/api/deployment/${greenId}`, { status: 'finalizing' })).status).toBe(204);
    await h.waitForDeployment(greenId, (d) => d.status === 'finalized', 'finalized');
  });

  it('pauses on a manual traffic move or enable_auto_switch false, and resumes on true', async () => {
    harness = await startHarness();
    const h = harness;
    const app = await activeApp(h);
    const green = (
      await h.api<Created>('POST', '/api/deployment', {
        scope_id: app.scopeId,
        release_id: app.releaseIds[1],
        strategy_data: { parameters: { traffic: { enable_auto_switch: true, step: 0.1, interval: 1 } } },
      })
    ).body;
    await h.waitForDeployment(green.id, (d) => (d.strategy_data.desired_switched_traffic ?? 0) >= 10, 'first step');

    // A manual move pauses the steps.
    expect(
      (await h.api('PATCH', `/api/deployment/${green.id}`, { strategy_data: { desired_switched_traffic: 5 } })).status,
    ).toBe(204);
    const moved = await h.waitForDeployment(green.id, (d) => d.strategy_data.switched_traffic === 5, 'switched to 5%');
    expect(autoSwitchOf(moved)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect((await h.deployment(green.id)).strategy_data.desired_switched_traffic).toBe(5);

    // true resumes from where it is.
    expect((await setAutoSwitch(h, green.id, true)).status).toBe(204);
    const resumed = await h.waitForDeployment(
      green.id,
      (d) => d.strategy_data.desired_switched_traffic === 15,
      'resumed to 15%',
    );
    expect(autoSwitchOf(resumed)).toBe(true);

    // false pauses.
    expect((await setAutoSwitch(h, green.id, false)).status).toBe(204);
    const paused = (await h.deployment(green.id)).strategy_data.desired_switched_traffic ?? 0;
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect((await h.deployment(green.id)).strategy_data.desired_switched_traffic).toBe(paused);
    const messages = ((await h.deployment(green.id)).messages ?? []).map((m) => m.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'automatic traffic steps paused: traffic was moved by hand',
        'automatic traffic steps paused',
      ]),
    );
  });

  it('keeps climbing after a console restart: the next step is timed from the database', async () => {
    harness = await startHarness();
    const app = await activeApp(harness);
    const green = (
      await harness.api<Created>('POST', '/api/deployment', {
        scope_id: app.scopeId,
        release_id: app.releaseIds[1],
        strategy_data: { parameters: { traffic: { enable_auto_switch: true, step: 0.2, interval: 1 } } },
      })
    ).body;
    const before = await harness.waitForDeployment(
      green.id,
      (d) => (d.strategy_data.desired_switched_traffic ?? 0) >= 20,
      'first step',
    );
    const dataDir = harness.dataDir;
    await harness.close({ keepData: true });
    harness = await startHarness({}, dataDir);
    const level = before.strategy_data.desired_switched_traffic ?? 0;
    const after = await harness.waitForDeployment(
      green.id,
      (d) => (d.strategy_data.desired_switched_traffic ?? 0) > level,
      'a step after the restart',
    );
    expect((after.strategy_data.desired_switched_traffic ?? 0) % 20).toBe(0);
  });

  it('stores the parameters of an initial deployment and never steps it', async () => {
    harness = await startHarness();
    const app = await createGreeterApp(harness, [{ semver: '1.0.0' }]);
    const parameters = {
      traffic: { enable_auto_switch: true, step: '0.1', interval: 1 },
      metrics: { enabled: false, rules: [] },
    };
    const created = await harness.api<Created>('POST', '/api/deployment', {
      scope_id: app.scopeId,
      release_id: app.releaseIds[0],
      strategy_data: { parameters },
    });
    const done = await harness.waitForDeployment(created.body.id, (d) => d.status === 'finalized', 'finalized');
    expect(done.strategy_data['parameters']).toEqual(parameters);
    expect((done.messages ?? []).some((m) => m.message.startsWith('automatic traffic step'))).toBe(false);
    const pause = await setAutoSwitch(harness, created.body.id, false);
    expect(pause.status).toBe(409);
  });

  it('refuses bad parameters with 400 {message} and writes nothing', async () => {
    harness = await startHarness();
    const h = harness;
    const app = await createGreeterApp(h, [{ semver: '1.0.0' }]);
    const rule = { metric: 'http.error_rate', operation: 'greater_than', threshold: 0.1 };
    const traffic = { enable_auto_switch: true, step: '0.1', interval: 10 };
    const bad: Array<[unknown, RegExp]> = [
      [{ traffic: { ...traffic, step: '0' } }, /traffic\.step must be in \(0, 1\]/],
      [{ traffic: { ...traffic, step: 1.5 } }, /traffic\.step must be in \(0, 1\]/],
      [{ traffic: { ...traffic, step: 'ten' } }, /traffic\.step/],
      [{ traffic: { ...traffic, interval: 0.5 } }, /traffic\.interval must be at least 1/],
      [{ traffic: { ...traffic, extra: 1 } }, /extra/],
      [{ metrics: { enabled: true, rules: [{ ...rule, metric: 'http.teapots' }] } }, /metric must be one of/],
      [
        { metrics: { enabled: true, rules: [{ ...rule, operation: 'greater_or_equal' }] } },
        /comparison must be one of/,
      ],
      [{ metrics: { enabled: true, rules: [{ metric: 'http.rpm', threshold: 1 }] } }, /needs its comparison/],
      [{ metrics: { enabled: true, rules: [{ ...rule, threshold: '0.1' }] } }, /threshold must be a number/],
    ];
    for (const [parameters, message] of bad) {
      const answer = await h.api<{ message: string }>('POST', '/api/deployment', {
        scope_id: app.scopeId,
        release_id: app.releaseIds[0],
        strategy_data: { parameters },
      });
      expect(answer.status, JSON.stringify(parameters)).toBe(400);
      expect(answer.body.message).toMatch(message);
    }
    const list = await h.api<{ paging: { total: number } }>('GET', `/api/deployment?scope_id=${app.scopeId}`);
    expect(list.body.paging.total).toBe(0);

    const badPatches: unknown[] = [
      { strategy_data: { parameters: { traffic: { enable_auto_switch: 'yes' } } } },
      { strategy_data: { parameters: { traffic: { enable_auto_switch: true, step: 0.5 } } } },
      { strategy_data: { desired_switched_traffic: 10, parameters: { traffic: { enable_auto_switch: true } } } },
      { strategy_data: {} },
    ];
    const deployment = (
      await h.api<Created>('POST', '/api/deployment', { scope_id: app.scopeId, release_id: app.releaseIds[0] })
    ).body;
    const before = await h.deployment(deployment.id);
    for (const body of badPatches) {
      const answer = await h.api<{ message: string }>('PATCH', `/api/deployment/${deployment.id}`, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(typeof answer.body.message).toBe('string');
    }
    const after = await h.deployment(deployment.id);
    expect(after.strategy_data['parameters']).toEqual(before.strategy_data['parameters']);
  });
});
