/**
 * The demo seed: what the README's demo sections and the browser journeys rely on. The ids the demo had before its
 * progressive-delivery additions stay as they were; the additions are there, in shapes the API accepts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { createDeploymentStrategyBodySchema } from '@contract/deployment-strategy';
import { Store } from '../store/store';
import { demoProgressive } from './demo-data';
import { seedDemo } from './seed-demo';

let dir: string | undefined;
let store: Store | undefined;
afterEach(() => {
  store?.close();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  store = undefined;
  dir = undefined;
});

function seeded(): Store {
  dir = mkdtempSync(join(tmpdir(), 'np-console-seed-'));
  store = Store.open(join(dir, 'demo.db'));
  seedDemo(store);
  return store;
}

describe('the demo seed', () => {
  it('keeps the ids the journeys and docs name', () => {
    const s = seeded();
    expect(s.builds.get(4)?.description).toBe('Show the release that served the page');
    expect(s.releases.get(2)?.semver).toBe('1.1.0');
    expect(s.releases.list({ application_id: [1] }).results.map((release) => release.semver)).toEqual([
      '1.0.0',
      '1.1.0',
      '1.2.0',
      '1.2.1',
      '1.5.0',
      '1.6.0',
    ]);
    expect(s.releases.list({ application_id: [2] }).results.map((release) => release.id)).toEqual([5, 6, 7]);
    expect([1, 2, 3, 4].map((id) => s.scopes.get(id)?.in_progress_deployment)).toEqual([1, 2, 3, 4]);
    expect([5, 6].map((id) => s.scopes.get(id)?.name)).toEqual(['development', 'development']);
  });

  it('names its namespace "Demo" (slug demo), keeping its id', () => {
    const s = seeded();
    expect(s.applications.list().results.every((application) => application.namespace_id === 1)).toBe(true);
    expect(s.namespaces.all().map(({ id, name, slug }) => ({ id, name, slug }))).toEqual([
      { id: 1, name: 'Demo', slug: 'demo' },
    ]);
  });

  it('has a good release to climb, one failing 30% of its requests to roll back, and strategies for both', () => {
    const s = seeded();
    const greeter = s.applications.list({ name: demoProgressive.application }).results[0];
    expect(greeter).toBeDefined();
    const applicationId = greeter?.id ?? 0;
    const envOf = (semver: string) => {
      const release = s.releases.findBySemver(applicationId, semver);
      return s.builds.get(release?.build_id ?? 0, { withAssets: true })?.assets?.[0]?.metadata?.['env'];
    };
    expect(envOf(demoProgressive.goodRelease)).toBeUndefined();
    expect(envOf(demoProgressive.failingRelease)).toEqual({ FAIL_RATE: '0.3' });
    // The newest releases: first in a list newest first.
    const newest = s.releases.list({
      application_id: [applicationId],
      sort: { field: 'created_at', direction: 'desc' },
    });
    expect(newest.results.slice(0, 2).map((release) => release.semver)).toEqual([
      demoProgressive.failingRelease,
      demoProgressive.goodRelease,
    ]);

    const strategies = s.strategies.list({ limit: 10, offset: 0 }).results;
    expect(strategies.map((strategy) => strategy.name)).toEqual([
      'Steps of 10% every 30 s',
      'Steps of 20% every 10 s, roll back if error rate > 10%',
    ]);
    for (const strategy of strategies) {
      // What the API would accept: a deployment may copy these parameters as they are.
      expect(
        createDeploymentStrategyBodySchema.safeParse({ name: strategy.name, parameters: strategy.parameters }).success,
      ).toBe(true);
    }
    expect(strategies[1]?.parameters).toMatchObject({
      metrics: { enabled: true, rules: [{ metric: 'http.error_rate', operation: 'greater_than', threshold: 0.1 }] },
    });
  });
});
