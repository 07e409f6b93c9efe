import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeEach, describe, expect, it } from 'vitest';

import { applicationSchema } from '@contract/application';
import { assetSchema } from '@contract/asset';
import { buildSchema } from '@contract/build';
import { deploymentSchema } from '@contract/deployment';
import { inFlightStatuses } from '@contract/deployment-lifecycle';
import { releaseSchema } from '@contract/release';
import { DEFAULT_INSTANCE_COUNT, scopeSchema } from '@contract/scope';
import { Builders } from '../testing/builders';
import { StoreNotFoundError } from './errors';
import { semverSortKey } from './releases-repository';
import { Store, type StoreChange } from './store';

const dir = mkdtempSync(join(tmpdir(), 'np-console-store-test-'));
let now = new Date('2026-03-01T10:00:00.000Z');
const store = Store.open(join(dir, 'console.db'), { now: () => now, deploymentExpiryMs: 60_000 });
const seed = new Builders(store, 'file:/nowhere');
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function recordChanges(): { changes: StoreChange[]; stop: () => void } {
  const changes: StoreChange[] = [];
  const stop = store.onChange((change) => changes.push(change));
  return { changes, stop };
}

beforeEach(() => {
  now = new Date(now.getTime() + 1000);
});

describe('Store.write and the change feed', () => {
  it('emits after commit, once per entity, with created winning over updated', () => {
    const { changes, stop } = recordChanges();
    let seenInsideWrite = -1;
    const application = store.write((tx) => {
      const created = tx.applications.insert({ name: 'feed', namespace_id: 1 });
      tx.applications.update(created.id, { name: 'feed-renamed' });
      tx.applications.update(created.id, { status: 'inactive' });
      seenInsideWrite = changes.length;
      return created;
    });
    stop();
    expect(seenInsideWrite).toBe(0);
    expect(changes).toEqual([{ resource: 'application', action: 'created', id: application.id }]);
  });

  it('emits nothing and keeps nothing when the write throws', () => {
    const before = store.applications.list({ limit: 200 }).total;
    const { changes, stop } = recordChanges();
    expect(() =>
      store.write((tx) => {
        tx.applications.insert({ name: 'rolled-back', namespace_id: 1 });
        throw new Error('changed my mind');
      }),
    ).toThrow('changed my mind');
    stop();
    expect(changes).toEqual([]);
    expect(store.applications.list({ limit: 200 }).total).toBe(before);
  });

  it('undoes a nested write that failed but was caught, and reports only what committed', () => {
    const { changes, stop } = recordChanges();
    const kept = store.write((tx) => {
      const outer = tx.applications.insert({ name: 'outer', namespace_id: 1 });
      try {
        tx.write((inner) => {
          inner.applications.insert({ name: 'inner', namespace_id: 1 });
          throw new Error('inner fails');
        });
      } catch {
        // the outer write goes on
      }
      return outer;
    });
    stop();
    expect(changes).toEqual([{ resource: 'application', action: 'created', id: kept.id }]);
    expect(store.applications.list({ name: 'inner' }).total).toBe(0);
  });

  it('reads an entity as last committed, however often it was read before, through updates and rollbacks', () => {
    const application = seed.application({ name: 'read-often' });
    expect(store.applications.get(application.id)?.name).toBe('read-often');
    store.write((tx) => {
      expect(tx.applications.get(application.id)?.name).toBe('read-often');
      tx.applications.update(application.id, { name: 'renamed' });
      // Inside the write, the write's own change is what a read sees.
      expect(tx.applications.get(application.id)?.name).toBe('renamed');
    });
    expect(store.applications.get(application.id)?.name).toBe('renamed');
    expect(() =>
      store.write((tx) => {
        tx.applications.update(application.id, { name: 'rolled-back' });
        expect(tx.applications.get(application.id)?.name).toBe('rolled-back');
        throw new Error('changed my mind');
      }),
    ).toThrow('changed my mind');
    expect(store.applications.get(application.id)?.name).toBe('renamed');
    store.write((tx) => {
      try {
        tx.write((inner) => {
          inner.applications.update(application.id, { name: 'inner' });
          expect(inner.applications.get(application.id)?.name).toBe('inner');
          throw new Error('inner fails');
        });
      } catch {
        // the outer write goes on
      }
      expect(tx.applications.get(application.id)?.name).toBe('renamed');
    });
    expect(store.applications.get(application.id)?.name).toBe('renamed');
  });

  it('refuses an async function', () => {
    expect(() => store.write(async () => 1)).toThrow(/synchronous/);
  });

  it('wraps a lone repository call in its own write (it still emits)', () => {
    const { changes, stop } = recordChanges();
    const application = store.applications.insert({ name: 'lone', namespace_id: 1 });
    stop();
    expect(changes).toEqual([{ resource: 'application', action: 'created', id: application.id }]);
  });

  it('does not write or emit for an update that changes nothing', () => {
    const application = seed.application();
    const { changes, stop } = recordChanges();
    const same = store.write((tx) => tx.applications.update(application.id, { name: application.name }));
    stop();
    expect(changes).toEqual([]);
    expect(same.updated_at).toBe(application.updated_at);
  });

  it('delivers changes written by a listener after the current ones, to every listener, in commit order', () => {
    const application = seed.application();
    const seenByFirst: string[] = [];
    const seenBySecond: string[] = [];
    const stopFirst = store.onChange((change) => {
      seenByFirst.push(`${change.resource}:${change.action}`);
      if (change.resource === 'application' && change.action === 'updated') {
        store.write((tx) => tx.builds.insert({ application_id: application.id, status: 'pending' }));
      }
    });
    const stopSecond = store.onChange((change) => seenBySecond.push(`${change.resource}:${change.action}`));
    store.write((tx) => tx.applications.update(application.id, { status: 'inactive' }));
    stopFirst();
    stopSecond();
    expect(seenByFirst).toEqual(['application:updated', 'build:created']);
    expect(seenBySecond).toEqual(['application:updated', 'build:created']);
  });

  it('keeps delivering when a listener throws, and reports the error', () => {
    const errors: unknown[] = [];
    const local = Store.open(':memory:', { onListenerError: (error) => errors.push(error) });
    const delivered: number[] = [];
    local.onChange(() => {
      throw new Error('listener bug');
    });
    local.onChange((change) => delivered.push(change.id));
    const application = local.write((tx) => tx.applications.insert({ name: 'x', namespace_id: 1 }));
    expect(delivered).toEqual([application.id]);
    expect(errors).toHaveLength(1);
    local.close();
  });

  it('unsubscribes', () => {
    const count = store.listenerCount;
    const { stop } = recordChanges();
    expect(store.listenerCount).toBe(count + 1);
    stop();
    expect(store.listenerCount).toBe(count);
  });

  it('announces the build when an asset is added to it', () => {
    const application = seed.application();
    const { build } = seed.build(application.id, { assets: [] });
    const { changes, stop } = recordChanges();
    const asset = store.write((tx) =>
      tx.assets.insert({ build_id: build.id, name: 'main', type: 'docker-image', url: 'file:x' }),
    );
    stop();
    expect(changes).toEqual([
      { resource: 'asset', action: 'created', id: asset.id },
      { resource: 'build', action: 'updated', id: build.id },
    ]);
  });
});

describe('entity shapes', () => {
  it('maps every entity to the contract shape, with ISO timestamps and NRNs', () => {
    const application = store.write((tx) => tx.applications.insert({ name: 'Shop Front!', namespace_id: 42 }));
    expect(applicationSchema.parse(application)).toEqual(application);
    expect(application.slug).toBe('shop-front');
    expect(application.nrn).toBe(`organization=1:account=1:namespace=42:application=${application.id}`);
    expect(application.created_at).toBe(now.toISOString());
    expect(application.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    const { build, assets } = seed.build(application.id, { assets: ['main', 'worker'] });
    expect(buildSchema.parse(build)).toEqual(build);
    expect(build.assets).toBeUndefined();
    expect(build.commit?.id).toMatch(/^commit-/);
    const withAssets = store.builds.get(build.id, { withAssets: true });
    expect(withAssets?.assets?.map((asset) => asset.name)).toEqual(['main', 'worker']);
    for (const asset of assets) expect(assetSchema.parse(asset)).toEqual(asset);

    const release = seed.release(application.id, build.id, '2.0.0');
    expect(releaseSchema.parse(release)).toEqual(release);

    const scope = seed.scope(application.id, { name: 'Production EU' });
    expect(scopeSchema.parse(scope)).toEqual(scope);
    expect(scope.slug).toBe('production-eu');
    expect(scope.nrn).toBe(`${application.nrn}:scope=${scope.id}`);
    expect(scope.domain).toBeNull();

    const deployment = seed.deployment(scope, release);
    expect(deploymentSchema.parse(deployment)).toEqual(deployment);
    expect(deployment.nrn).toBe(`${scope.nrn}:deployment=${deployment.id}`);
  });
});

describe('deployments repository', () => {
  it('starts an initial deployment: 100% desired, no expiry, instances from the scope', () => {
    const world = seed.world();
    const scope = store.write((tx) => tx.scopes.update(world.scope.id, { capabilities: { fixed_instances: 3 } }));
    const deployment = seed.deployment(scope, world.release);
    expect(deployment).toMatchObject({
      status: 'creating',
      status_in_scope: 'candidate',
      strategy: 'initial',
      strategy_data: {
        desired_switched_traffic: 100,
        switched_traffic: 0,
        amount_instances_to_wait: 3,
        launched_instances: 0,
        healthy_instances: 0,
      },
      status_started_at: { creating: now.toISOString() },
      expires_at: null,
      deployment_group_id: null,
      parameters: [],
      metadata: {},
      messages: [],
      created_by: null,
      updated_by: null,
      application_id: world.application.id,
      asset_name: 'main',
    });
    expect(deployment.deployment_token).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('starts a blue/green deployment when the scope has an active one: 0% desired, expiring after the configured time', () => {
    const world = seed.world();
    const first = seed.deployment(world.scope, world.release);
    seed.activate(first);
    const scope = store.scopes.get(world.scope.id);
    if (scope === undefined) throw new Error('scope vanished');
    const second = seed.deployment(scope, world.release);
    expect(second.strategy).toBe('blue_green');
    expect(second.strategy_data.desired_switched_traffic).toBe(0);
    expect(second.strategy_data.amount_instances_to_wait).toBe(DEFAULT_INSTANCE_COUNT);
    expect(second.expires_at).toBe(new Date(now.getTime() + 60_000).toISOString());
  });

  it('merges strategy_data, stamps status_started_at on a status change, and leaves the rest alone', () => {
    const world = seed.world();
    const deployment = seed.deployment(world.scope, world.release);
    const createdAt = now.toISOString();
    now = new Date(now.getTime() + 5000);
    const updated = store.write((tx) =>
      tx.deployments.update(deployment.id, {
        status: 'waiting_for_instances',
        strategy_data: { launched_instances: 2 },
      }),
    );
    expect(updated.strategy_data).toEqual({ ...deployment.strategy_data, launched_instances: 2 });
    expect(updated.status_started_at).toEqual({ creating: createdAt, waiting_for_instances: now.toISOString() });
    expect(updated.updated_at).toBe(now.toISOString());
    now = new Date(now.getTime() + 5000);
    const again = store.write((tx) =>
      tx.deployments.update(deployment.id, {
        status: 'waiting_for_instances',
        strategy_data: { healthy_instances: 1 },
      }),
    );
    expect(again.status_started_at).toEqual(updated.status_started_at);
    expect(again.strategy_data).toMatchObject({ launched_instances: 2, healthy_instances: 1 });
  });

  it('keeps messages apart: returned only when asked for', () => {
    const world = seed.world();
    const deployment = seed.deployment(world.scope, world.release);
    const { changes, stop } = recordChanges();
    store.write((tx) => {
      tx.deployments.addMessage(deployment.id, 'INFO', 'launching 2 instances');
      tx.deployments.addMessage(deployment.id, 'ERROR', 'instance 1 crashed');
    });
    stop();
    expect(changes).toEqual([{ resource: 'deployment', action: 'updated', id: deployment.id }]);
    expect(store.deployments.get(deployment.id)?.messages).toEqual([]);
    expect(store.deployments.get(deployment.id, { includeMessages: true })?.messages).toEqual([
      { level: 'INFO', message: 'launching 2 instances', timestamp: now.getTime() },
      { level: 'ERROR', message: 'instance 1 crashed', timestamp: now.getTime() },
    ]);
    const listed = store.deployments.list({ id: [deployment.id], include_messages: true });
    expect(listed.results[0]?.messages).toHaveLength(2);
    expect(store.deployments.list({ id: [deployment.id] }).results[0]?.messages).toEqual([]);
  });

  it('finds the in-flight and the active deployment of a scope', () => {
    const world = seed.world();
    expect(store.deployments.inFlightForScope(world.scope.id)).toBeUndefined();
    const first = seed.deployment(world.scope, world.release);
    expect(store.deployments.inFlightForScope(world.scope.id)?.id).toBe(first.id);
    expect(store.deployments.listInFlight().map((deployment) => deployment.id)).toContain(first.id);
    seed.activate(first);
    expect(store.deployments.inFlightForScope(world.scope.id)).toBeUndefined();
    expect(store.deployments.activeForScope(world.scope.id)?.id).toBe(first.id);
    expect(store.deployments.listInFlight().map((deployment) => deployment.id)).not.toContain(first.id);
  });

  it.each(inFlightStatuses)('the database itself refuses a second deployment while one is %s', (status) => {
    const world = seed.world();
    seed.deployment(world.scope, world.release, { status });
    expect(() => seed.deployment(world.scope, world.release)).toThrow(/UNIQUE/);
  });

  it('throws StoreNotFoundError for unknown ids', () => {
    expect(() => store.write((tx) => tx.deployments.update(999_999, { status: 'failed' }))).toThrow(StoreNotFoundError);
    expect(() => store.write((tx) => tx.deployments.addMessage(999_999, 'INFO', 'x'))).toThrow(
      'deployment 999999 not found',
    );
    expect(() => store.write((tx) => tx.scopes.update(999_999, { domain: 'x' }))).toThrow(StoreNotFoundError);
  });
});

describe('scopes repository', () => {
  it('updates what the engine writes: domain, asset, active and in-progress deployments, status', () => {
    const world = seed.world();
    const scope = store.write((tx) =>
      tx.scopes.update(world.scope.id, {
        domain: '127.0.0.1:41000',
        asset_name: 'main',
        active_deployment: null,
        in_progress_deployment: null,
        status: 'active',
      }),
    );
    expect(scope).toMatchObject({ domain: '127.0.0.1:41000', asset_name: 'main', status: 'active' });
    expect(store.allScopeIds()).toContain(scope.id);
  });

  it('finds by name ignoring deleted scopes, which free their name', () => {
    const application = seed.application();
    const scope = seed.scope(application.id, { name: 'reused' });
    expect(store.scopes.findByName(application.id, 'reused')?.id).toBe(scope.id);
    store.write((tx) => tx.scopes.update(scope.id, { status: 'deleted' }));
    expect(store.scopes.findByName(application.id, 'reused')).toBeUndefined();
    expect(seed.scope(application.id, { name: 'reused' }).id).not.toBe(scope.id);
  });
});

describe('lists', () => {
  it('filters, sorts and pages', () => {
    const application = seed.application();
    const ids = ['1.10.0', '1.2.0', '1.2.0-rc.1', '0.9.0'].map((semver) => {
      const { build } = seed.build(application.id);
      return seed.release(application.id, build.id, semver).id;
    });
    const bySemver = store.releases.list({
      application_id: [application.id],
      sort: { field: 'semver', direction: 'desc' },
    });
    expect(bySemver.results.map((release) => release.semver)).toEqual(['1.10.0', '1.2.0', '1.2.0-rc.1', '0.9.0']);
    const page = store.releases.list({ application_id: [application.id], limit: 2, offset: 1 });
    expect(page.total).toBe(4);
    expect(page.results.map((release) => release.id)).toEqual(ids.slice(1, 3));
  });

  it('sorts semver keys by precedence', () => {
    const keys = ['2.0.0', '10.0.0', '1.0.0-alpha', '1.0.0'].map(semverSortKey);
    expect([...keys].sort()).toEqual([
      semverSortKey('1.0.0-alpha'),
      semverSortKey('1.0.0'),
      semverSortKey('2.0.0'),
      semverSortKey('10.0.0'),
    ]);
    // A leading `v` does not count (nullplatform sends `v1.0.0`).
    expect(semverSortKey('v1.10.0')).toBe(semverSortKey('1.10.0'));
    expect(semverSortKey('v2.0.0-rc.1')).toBe(semverSortKey('2.0.0-rc.1'));
  });

  it('finds a release by its version written with or without a leading v', () => {
    const world = seed.world();
    const plain = seed.release(world.application.id, world.build.id, '4.1.0');
    const prefixed = seed.release(world.application.id, world.build.id, 'v4.2.0');
    expect(store.releases.findBySemver(world.application.id, 'v4.1.0')?.id).toBe(plain.id);
    expect(store.releases.findBySemver(world.application.id, '4.1.0')?.id).toBe(plain.id);
    expect(store.releases.findBySemver(world.application.id, '4.2.0')?.id).toBe(prefixed.id);
    expect(store.releases.findBySemver(world.application.id, '4.3.0')).toBeUndefined();
  });

  it('lists builds and deployments newest first by default', () => {
    const world = seed.world();
    const older = seed.build(world.application.id, { created_at: '2020-01-01T00:00:00.000Z' }).build;
    const builds = store.builds.list({ application_id: [world.application.id] }).results;
    expect(builds.map((build) => build.id)).toEqual([world.build.id, older.id]);
  });
});
