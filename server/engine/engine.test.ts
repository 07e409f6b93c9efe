/**
 * The engine end to end: real instance processes behind each scope's real proxy, driven only through the HTTP API,
 * observed only through the API and the scope's address.
 */
import { afterEach, describe, expect, it } from 'vitest';

import { activityOf, createGreeterApp, sampleScope, startHarness, type Harness } from '../testing/console-harness';

let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

type Created = { id: number };

async function scopeAddress(h: Harness, scopeId: number): Promise<string> {
  const scope = await h.api<{ domain: string | null }>('GET', `/api/scope/${scopeId}`);
  if (!scope.body.domain) throw new Error(`scope ${scopeId} has no address`);
  return scope.body.domain;
}

/** Deploys the first release initially and waits until it is the scope's active deployment. */
async function withActiveRelease(h: Harness, releases: Array<{ semver: string; env?: Record<string, string> }>) {
  const app = await createGreeterApp(h, releases);
  const first = await h.api<Created>('POST', '/api/deployment', {
    scope_id: app.scopeId,
    release_id: app.releaseIds[0],
  });
  expect(first.status).toBe(200);
  await h.waitForDeployment(first.body.id, (d) => d.status === 'finalized', 'finalized');
  return { ...app, activeId: first.body.id };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('deployment engine', () => {
  it('runs an initial deployment to finalized and serves it at the scope address', async () => {
    harness = await startHarness();
    const app = await withActiveRelease(harness, [{ semver: '1.0.0' }]);
    const deployment = await harness.deployment(app.activeId);
    expect(deployment).toMatchObject({ strategy: 'initial', status: 'finalized', status_in_scope: 'active' });
    expect(deployment.strategy_data).toMatchObject({
      switched_traffic: 100,
      healthy_instances: 2,
      launched_instances: 2,
    });
    expect(Object.keys(deployment.status_started_at ?? {})).toEqual(
      expect.arrayContaining(['creating', 'waiting_for_instances', 'running', 'finalizing', 'finalized']),
    );
    const scope = await harness.api<{ active_deployment: number; in_progress_deployment: number | null }>(
      'GET',
      `/api/scope/${app.scopeId}`,
    );
    expect(scope.body).toMatchObject({
      active_deployment: app.activeId,
      in_progress_deployment: null,
      asset_name: 'main',
    });

    const { served, failures } = await sampleScope(await scopeAddress(harness, app.scopeId), 50);
    expect(failures).toBe(0);
    expect(served.get(String(app.activeId))).toBe(50);
  });

  it('runs blue/green: waits at 0%, splits 30% at the scope address, finalizes under load without a failed request', async () => {
    harness = await startHarness();
    const app = await withActiveRelease(harness, [{ semver: '1.0.0' }, { semver: '1.1.0' }]);
    const address = await scopeAddress(harness, app.scopeId);
    const created = await harness.api<Created>('POST', '/api/deployment', {
      scope_id: app.scopeId,
      release_id: app.releaseIds[1],
    });
    const greenId = created.body.id;
    const running = await harness.waitForDeployment(greenId, (d) => d.status === 'running', 'running');
    expect(running).toMatchObject({ strategy: 'blue_green', status_in_scope: 'candidate' });
    expect(running.strategy_data.switched_traffic).toBe(0);

    const patched = await harness.api('PATCH', `/api/deployment/${greenId}`, {
      strategy_data: { desired_switched_traffic: 30 },
    });
    expect(patched.status).toBe(204);
    await harness.waitForDeployment(greenId, (d) => d.strategy_data.switched_traffic === 30, 'switched to 30%');

    const split = await sampleScope(address, 1000);
    expect(split.failures).toBe(0);
    const greenShare = ((split.served.get(String(greenId)) ?? 0) / 1000) * 100;
    expect(greenShare).toBeGreaterThanOrEqual(25);
    expect(greenShare).toBeLessThanOrEqual(35);
    expect((split.served.get(String(app.activeId)) ?? 0) + (split.served.get(String(greenId)) ?? 0)).toBe(1000);

    const blueInstances = await harness.api<{ instances: Array<{ deployment_id: number; pid: number }> }>(
      'GET',
      `/console/scope/${app.scopeId}/runtime`,
    );
    const bluePids = blueInstances.body.instances.filter((i) => i.deployment_id === app.activeId).map((i) => i.pid);
    expect(bluePids).toHaveLength(2);

    // Finalize while requests keep flowing: none may fail.
    const load = sampleScope(address, 1500, 8);
    const finalize = await harness.api('PATCH', `/api/deployment/${greenId}`, { status: 'finalizing' });
    expect(finalize.status).toBe(204);
    const finalized = await harness.waitForDeployment(greenId, (d) => d.status === 'finalized', 'finalized');
    const during = await load;
    expect(during.failures).toBe(0);
    expect(finalized).toMatchObject({ status_in_scope: 'active' });
    expect(finalized.strategy_data.switched_traffic).toBe(100);
    expect((await harness.deployment(app.activeId)).status_in_scope).toBe('inactive');
    expect(bluePids.every((pid) => !processAlive(pid))).toBe(true);

    const after = await sampleScope(address, 40);
    expect(after.served.get(String(greenId))).toBe(40);
  });

  it('takes a traffic change in one pass that updates the proxy once, not again after its own writes', async () => {
    harness = await startHarness();
    const app = await withActiveRelease(harness, [{ semver: '1.0.0' }, { semver: '1.1.0' }]);
    const green = (
      await harness.api<Created>('POST', '/api/deployment', { scope_id: app.scopeId, release_id: app.releaseIds[1] })
    ).body;
    await harness.waitForDeployment(
      green.id,
      (d) => d.status === 'running' && d.strategy_data.healthy_instances === 2,
      'running and healthy',
    );
    const server = harness.server;
    if (server.mode !== 'local') throw new Error('the harness runs the local platform');
    await server.engine.whenIdle();
    const before = server.engine.activity;

    expect(
      (await harness.api('PATCH', `/api/deployment/${green.id}`, { strategy_data: { desired_switched_traffic: 30 } }))
        .status,
    ).toBe(204);
    const moved = await harness.waitForDeployment(
      green.id,
      (d) => d.strategy_data.switched_traffic === 30,
      'switched to 30%',
    );
    await server.engine.whenIdle();
    const after = server.engine.activity;

    // The PATCH is one change: one pass, one new split at the proxy. Recording the share it switched is the engine's
    // own write and brings no second pass (it used to: two passes, each setting the split twice).
    expect({ passes: after.passes - before.passes, splits: after.splitsApplied - before.splitsApplied }).toEqual({
      passes: 1,
      splits: 1,
    });
    expect((moved.messages ?? []).filter((m) => /traffic switched: 0% → 30%/.test(m.message))).toHaveLength(1);
  });

  it('cancels blue/green back to the previous release and stops the new instances', async () => {
    harness = await startHarness();
    const app = await withActiveRelease(harness, [{ semver: '1.0.0' }, { semver: '1.1.0' }]);
    const address = await scopeAddress(harness, app.scopeId);
    const green = (
      await harness.api<Created>('POST', '/api/deployment', { scope_id: app.scopeId, release_id: app.releaseIds[1] })
    ).body;
    await harness.waitForDeployment(green.id, (d) => d.status === 'running', 'running');
    await harness.api('PATCH', `/api/deployment/${green.id}`, { strategy_data: { desired_switched_traffic: 50 } });
    await harness.waitForDeployment(green.id, (d) => d.strategy_data.switched_traffic === 50, 'switched to 50%');

    const load = sampleScope(address, 800, 6);
    expect((await harness.api('PATCH', `/api/deployment/${green.id}`, { status: 'cancelling' })).status).toBe(204);
    const rolledBack = await harness.waitForDeployment(green.id, (d) => d.status === 'rolled_back', 'rolled_back');
    expect((await load).failures).toBe(0);
    expect(rolledBack).toMatchObject({ status_in_scope: 'inactive' });
    expect(rolledBack.strategy_data.switched_traffic).toBe(0);

    const after = await sampleScope(address, 30);
    expect(after.served.get(String(app.activeId))).toBe(30);
    const runtime = await harness.api<{ instances: Array<{ deployment_id: number }> }>(
      'GET',
      `/console/scope/${app.scopeId}/runtime`,
    );
    expect(runtime.body.instances.every((i) => i.deployment_id === app.activeId)).toBe(true);
  });

  it('cancels an initial deployment to cancelled', async () => {
    harness = await startHarness();
    const app = await createGreeterApp(harness, [{ semver: '1.0.0', env: { STARTUP_DELAY_MS: '3000' } }]);
    const deployment = (
      await harness.api<Created>('POST', '/api/deployment', { scope_id: app.scopeId, release_id: app.releaseIds[0] })
    ).body;
    expect((await harness.api('PATCH', `/api/deployment/${deployment.id}`, { status: 'cancelling' })).status).toBe(204);
    const cancelled = await harness.waitForDeployment(deployment.id, (d) => d.status === 'cancelled', 'cancelled');
    expect(cancelled.status_in_scope).toBe('inactive');
    const scope = await harness.api<{ active_deployment: number | null; in_progress_deployment: number | null }>(
      'GET',
      `/api/scope/${app.scopeId}`,
    );
    // The scope was never deployed, so it is still free to run another asset.
    expect(scope.body).toMatchObject({ active_deployment: null, in_progress_deployment: null, asset_name: null });
  });

  it('fails a release whose instances never become healthy, and the old release keeps serving', async () => {
    harness = await startHarness({ NP_CONSOLE_HEALTH_TIMEOUT: '3s' });
    const app = await withActiveRelease(harness, [
      { semver: '1.0.0' },
      { semver: '1.0.1', env: { HEALTH_STATUS: '503' } },
    ]);
    const broken = (
      await harness.api<Created>('POST', '/api/deployment', { scope_id: app.scopeId, release_id: app.releaseIds[1] })
    ).body;
    const failed = await harness.waitForDeployment(broken.id, (d) => d.status === 'failed', 'failed');
    expect(failed.status_in_scope).toBe('inactive');
    const errors = (failed.messages ?? []).filter((m) => m.level === 'ERROR').map((m) => m.message);
    expect(errors.join('\n')).toMatch(/0 of 2 instances became healthy.*HTTP 503/);

    const { served, failures } = await sampleScope(await scopeAddress(harness, app.scopeId), 40);
    expect(failures).toBe(0);
    expect(served.get(String(app.activeId))).toBe(40);
    // The scope is free for the next deployment.
    const next = await harness.api('POST', '/api/deployment', { scope_id: app.scopeId, release_id: app.releaseIds[0] });
    expect(next.status).toBe(200);

    // The failure is the engine's decision, in the audit trail with its cause; its routine steps are no one's.
    const trail = await activityOf(harness, broken.id);
    expect(trail.map((entry) => `${entry.actor.name} ${entry.action}`)).toEqual(['engine fail', 'local create']);
    expect(trail[0]?.reason).toMatch(/^automatic: 0 of 2 instances became healthy within 3 s/);
    expect(trail[0]?.changes).toEqual(
      expect.arrayContaining([{ field: 'status', from: 'waiting_for_instances', to: 'failed' }]),
    );
    expect((await activityOf(harness, app.activeId)).map((entry) => `${entry.actor.name} ${entry.action}`)).toEqual([
      'local create',
    ]);
  });

  it('finalizes a blue/green deployment by itself at expires_at', async () => {
    harness = await startHarness({ NP_CONSOLE_DEPLOYMENT_EXPIRY: '4s' });
    const app = await withActiveRelease(harness, [{ semver: '1.0.0' }, { semver: '1.1.0' }]);
    const green = (
      await harness.api<Created>('POST', '/api/deployment', { scope_id: app.scopeId, release_id: app.releaseIds[1] })
    ).body;
    const finalized = await harness.waitForDeployment(green.id, (d) => d.status === 'finalized', 'finalized by expiry');
    expect((finalized.messages ?? []).map((m) => m.message).join('\n')).toMatch(/reached expires_at/);
    const [decision] = await activityOf(harness, green.id, 'engine');
    expect(decision).toMatchObject({
      action: 'finalize',
      actor: { name: 'engine', kind: 'engine' },
      changes: [{ field: 'status', from: 'running', to: 'finalizing' }],
    });
    expect(decision?.reason).toMatch(/^automatic: the deployment reached expires_at/);
    expect(finalized.updated_by).toBe(decision?.actor.id);
  });

  it('restarts a crashed instance and says so in the messages', async () => {
    harness = await startHarness();
    const app = await withActiveRelease(harness, [{ semver: '1.0.0' }]);
    const runtime = await harness.api<{ instances: Array<{ pid: number }> }>(
      'GET',
      `/console/scope/${app.scopeId}/runtime`,
    );
    const victim = runtime.body.instances[0]?.pid;
    if (victim === undefined) throw new Error('no instance to kill');
    process.kill(victim, 'SIGKILL');
    const deployment = await harness.waitForDeployment(
      app.activeId,
      (d) => (d.messages ?? []).some((m) => /restarted/.test(m.message)) && d.strategy_data.healthy_instances === 2,
      'restarted and healthy',
    );
    expect(
      (deployment.messages ?? []).some((m) => m.level === 'WARNING' && /instance \d (exited|killed)/.test(m.message)),
    ).toBe(true);
  });

  it('stops serving a deleted scope and deletes its active deployment', async () => {
    harness = await startHarness();
    const app = await withActiveRelease(harness, [{ semver: '1.0.0' }]);
    const address = await scopeAddress(harness, app.scopeId);
    const deleted = await harness.api('DELETE', `/api/scope/${app.scopeId}`);
    expect(deleted.status).toBe(204);
    const deployment = await harness.waitForDeployment(app.activeId, (d) => d.status === 'deleted', 'deleted');
    expect(deployment.status_in_scope).toBe('inactive');
    const scope = await harness.api<{ status: string; domain: string | null }>('GET', `/api/scope/${app.scopeId}`);
    expect(scope.body).toMatchObject({ status: 'deleted', domain: null });
    await expect(fetch(`http://${address}/api/greeting`)).rejects.toThrow();
  });

  it('keeps the active release serving across a restart while a new deployment waits for its instances', async () => {
    harness = await startHarness({ NP_CONSOLE_HEALTH_TIMEOUT: '60s' });
    const app = await withActiveRelease(harness, [
      { semver: '1.0.0' },
      { semver: '1.0.1', env: { HEALTH_STATUS: '503' } },
    ]);
    const address = await scopeAddress(harness, app.scopeId);
    const waiting = (
      await harness.api<Created>('POST', '/api/deployment', { scope_id: app.scopeId, release_id: app.releaseIds[1] })
    ).body;
    await harness.waitForDeployment(waiting.id, (d) => d.status === 'waiting_for_instances', 'waiting for instances');

    const dataDir = harness.dataDir;
    await harness.close({ keepData: true });
    harness = await startHarness({ NP_CONSOLE_HEALTH_TIMEOUT: '60s' }, dataDir);
    expect(await scopeAddress(harness, app.scopeId)).toBe(address);
    await harness.waitForDeployment(
      app.activeId,
      (d) => d.strategy_data.healthy_instances === 2,
      'the active release healthy again',
    );

    const { served, failures } = await sampleScope(address, 40);
    expect(failures).toBe(0);
    expect(served.get(String(app.activeId))).toBe(40);
    expect((await harness.deployment(waiting.id)).status).toBe('waiting_for_instances');
  });
});
