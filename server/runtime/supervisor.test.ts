import { afterEach, describe, expect, it } from 'vitest';

import { instanceSchema } from '@contract/console';
import { isRunning } from './linux-processes';
import { InstanceSupervisor, type InstanceGroup } from './supervisor';
import { fixturePath, greeterSpec, httpRequest, recordingListener, uniqueInstanceTag, waitUntil } from './test-support';

const supervisors: InstanceSupervisor[] = [];

function supervisor(options: Partial<ConstructorParameters<typeof InstanceSupervisor>[0]> = {}): InstanceSupervisor {
  const created = new InstanceSupervisor({
    instanceTag: uniqueInstanceTag(),
    healthIntervalMs: 100,
    restartBackoffMs: 100,
    ...options,
  });
  supervisors.push(created);
  return created;
}

afterEach(async () => {
  await Promise.all(supervisors.splice(0).map((created) => created.stopAll()));
});

function pids(group: InstanceGroup): number[] {
  return group.snapshot().flatMap((instance) => (instance.pid === null ? [] : [instance.pid]));
}

describe('InstanceSupervisor', () => {
  it('starts a group of greeter instances that become healthy and serve their release', async () => {
    const listener = recordingListener();
    const group = supervisor().startGroup(greeterSpec(7), listener);

    await waitUntil('both instances are healthy', () => group.healthyEndpoints().length === 2);

    expect(listener.launched.at(-1)).toBe(2);
    expect(listener.healthy.at(-1)).toBe(2);
    expect(listener.exits).toEqual([]);
    const endpoints = group.healthyEndpoints();
    expect(new Set(endpoints.map((endpoint) => endpoint.port)).size).toBe(2);
    for (const endpoint of endpoints) {
      const answer = await httpRequest(endpoint.port, '/api/greeting');
      expect(JSON.parse(answer.body)).toMatchObject({ version: '1.0.7', deployment_id: '7' });
    }
    for (const instance of group.snapshot()) {
      expect(instanceSchema.parse(instance)).toMatchObject({ deployment_id: 7, state: 'healthy', restarts: 0 });
      expect(instance.last_health).toMatchObject({ status_code: 200, error: null });
    }
  });

  it('never reports a release whose /health answers 503 as healthy', async () => {
    const listener = recordingListener();
    const group = supervisor().startGroup(greeterSpec(8, { env: { HEALTH_STATUS: '503' } }), listener);

    // Several health rounds must have seen every instance answer, not just the first one.
    const observedAt = new Set<number>();
    await waitUntil('each instance answered at least three health checks', () => {
      for (const instance of group.snapshot()) if (instance.last_health) observedAt.add(instance.last_health.at);
      return observedAt.size >= 6 && group.snapshot().every((instance) => instance.last_health?.status_code === 503);
    });

    expect(listener.launched.at(-1)).toBe(2);
    expect(listener.healthy).toEqual([]);
    expect(group.healthyEndpoints()).toEqual([]);
    for (const instance of group.snapshot()) {
      expect(instance.state).toBe('unhealthy');
      expect(instance.last_health).toMatchObject({ status_code: 503, error: null });
    }
  });

  it('stops a group: every process exits and the snapshot says stopped', async () => {
    const listener = recordingListener();
    const supervised = supervisor();
    const group = supervised.startGroup(greeterSpec(9), listener);
    await waitUntil('both instances are healthy', () => group.healthyEndpoints().length === 2);
    const running = pids(group);

    await group.stop();

    for (const pid of running) expect(await isRunning(pid)).toBe(false);
    expect(group.snapshot().map((instance) => instance.state)).toEqual(['stopped', 'stopped']);
    expect(group.healthyEndpoints()).toEqual([]);
    expect(supervised.group(9)).toBeUndefined();
    // Stopping is not a crash: the listener hears nothing about it.
    expect(listener.exits).toEqual([]);
  });

  it('kills an instance that ignores SIGTERM once the grace period is over', async () => {
    const group = supervisor({ stopGraceMs: 300 }).startGroup(
      greeterSpec(10, { count: 1, entry: fixturePath('ignores-sigterm.js') }),
      recordingListener(),
    );
    await waitUntil('the instance is healthy', () => group.healthyEndpoints().length === 1);
    const [pid] = pids(group);

    await group.stop();

    expect(await isRunning(pid ?? 0)).toBe(false);
    expect(group.recentOutput(0)).toContain('stdout: ignoring SIGTERM');
  });

  it('stops the processes an instance started itself along with it (the whole process group)', async () => {
    const group = supervisor().startGroup(
      greeterSpec(15, { count: 1, entry: fixturePath('spawns-grandchild.js') }),
      recordingListener(),
    );
    await waitUntil(
      'the instance is healthy and printed its worker',
      () =>
        group.healthyEndpoints().length === 1 &&
        group.recentOutput(0).some((line) => line.startsWith('stdout: worker pid ')),
    );
    const line = group.recentOutput(0).find((printed) => printed.startsWith('stdout: worker pid ')) ?? '';
    const workerPid = Number(line.slice('stdout: worker pid '.length));
    expect(workerPid).toBeGreaterThan(0);
    expect(await isRunning(workerPid)).toBe(true);
    try {
      await group.stop();
      // The signal reaches the worker at the same time as the instance; its exit may take a moment more.
      await waitUntil('the worker exited', async () => !(await isRunning(workerPid)), 60);
    } finally {
      // Never leave the worker behind when the assertion fails.
      if (await isRunning(workerPid)) process.kill(workerPid, 'SIGKILL');
    }
  });

  it('reports a release that crashes on start, keeps its output, and keeps restarting it', async () => {
    const listener = recordingListener();
    const group = supervisor().startGroup(
      greeterSpec(11, { count: 1, entry: fixturePath('exits-at-once.js') }),
      listener,
    );

    await waitUntil('the instance was restarted twice', () => listener.restarted.length >= 2);

    expect(listener.exits[0]).toEqual({ index: 0, detail: 'exited with code 3', restarting: true });
    expect(listener.healthy).toEqual([]);
    expect(group.snapshot()[0]?.restarts).toBeGreaterThanOrEqual(2);
    expect(group.recentOutput(0)).toContain('stderr: fatal: DATABASE_URL is not set');
  });

  it('reports an instance that cannot even be spawned, without taking the supervisor down', async () => {
    const listener = recordingListener();
    // The longer backoff leaves the instance visibly crashed between attempts when the snapshot is taken.
    const group = supervisor({ restartBackoffMs: 300 }).startGroup(
      greeterSpec(14, { count: 1, cwd: '/nonexistent/np-console-test' }),
      listener,
    );

    await waitUntil('the failure was reported twice', () => listener.exits.length >= 2);

    expect(listener.exits[0]).toMatchObject({ index: 0, restarting: true });
    expect(listener.exits[0]?.detail).toMatch(/^could not be started: .*ENOENT/);
    expect(listener.launched).toEqual([]);
    expect(group.snapshot()[0]).toMatchObject({ state: 'crashed', pid: null, port: null });
  });

  it('tags every instance and passes it none of the console server’s secrets', async () => {
    const supervised = new InstanceSupervisor({ instanceTag: 'tag-env-test', healthIntervalMs: 100 });
    supervisors.push(supervised);
    process.env.NP_API_KEY = 'secret-that-must-not-leak';
    try {
      const group = supervised.startGroup(
        greeterSpec(12, {
          count: 1,
          entry: fixturePath('prints-env.js'),
          env: { NP_RELEASE_SEMVER: '2.0.0', HOST: '0.0.0.0' },
        }),
        recordingListener(),
      );
      await waitUntil('the instance is healthy', () => group.healthyEndpoints().length === 1);
      const printed = group.recentOutput(0);
      expect(printed).toContain('stdout: NP_CONSOLE_INSTANCE=tag-env-test:12:0');
      expect(printed).toContain('stdout: NP_RELEASE_SEMVER=2.0.0');
      expect(printed).toContain(`stdout: PORT=${group.healthyEndpoints()[0]?.port}`);
      expect(printed).toContain('stdout: HOST=127.0.0.1');
      expect(printed.some((line) => line.includes('NP_API_KEY'))).toBe(false);
    } finally {
      delete process.env.NP_API_KEY;
    }
  });

  it('refuses a second group for a deployment that already has one', () => {
    const supervised = supervisor();
    supervised.startGroup(greeterSpec(13, { count: 1 }), recordingListener());
    expect(() => supervised.startGroup(greeterSpec(13, { count: 1 }), recordingListener())).toThrow(
      /already has running instances/,
    );
  });
});
