/**
 * Data folders for the scaling figures, written straight into SQLite through the store (one transaction each), so
 * that 100,000 builds take a second or two rather than 100,000 API calls. Every folder is removed at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { seedDemo } from '../../server/seed/seed-demo';
import { Store } from '../../server/store/store';

const folders = new Set<string>();

export function removeLater(folder: string): void {
  folders.add(folder);
}

export function newDataDir(label: string): string {
  const folder = mkdtempSync(join(tmpdir(), `np-bench-${label}-`));
  removeLater(folder);
  return folder;
}

export function removeDataDirs(): void {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  folders.clear();
}

export function openStore(dataDir: string): Store {
  return Store.open(join(dataDir, 'np-console.db'));
}

const START = Date.parse('2024-01-01T00:00:00.000Z');
const MINUTE = 60_000;

/**
 * Adds `count` builds to the application in one transaction, one a minute from 2024-01-01, in a mix of statuses and
 * branches. The columns are the ones BuildsRepository.insert writes.
 */
function insertBuilds(store: Store, applicationId: number, count: number): void {
  const insert = store.db.prepare(
    `INSERT INTO builds (application_id, status, branch, commit_id, commit_permalink, description, metadata, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  store.db.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      const at = new Date(START + i * MINUTE).toISOString();
      const commit = (i * 2654435761).toString(16).padStart(40, '0').slice(-40);
      insert.run(
        applicationId,
        i % 11 === 0 ? 'failed' : 'successful',
        i % 4 === 0 ? `feature/f-${i % 97}` : 'main',
        commit,
        `https://github.com/np-bench/bulk/commit/${commit}`,
        `Bulk build ${i}`,
        '{}',
        at,
        at,
      );
    }
  })();
}

/** A data folder with one application holding `count` builds. */
export function prepareBuildsFolder(count: number): { dataDir: string; applicationId: number } {
  const dataDir = newDataDir(`builds-${count}`);
  const store = openStore(dataDir);
  try {
    const application = store.write((tx) => tx.applications.insert({ name: `bulk-${count}`, namespace_id: 1 }));
    insertBuilds(store, application.id, count);
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    return { dataDir, applicationId: application.id };
  } finally {
    store.close();
  }
}

/** A data folder seeded with the demo (as on a first start) plus `builds` builds on the demo's first application. */
export function prepareDemoFolder(builds: number): { dataDir: string; applicationId: number } {
  const dataDir = newDataDir(`demo-${builds}`);
  const store = openStore(dataDir);
  try {
    seedDemo(store);
    const first = store.applications.list({ limit: 1, sort: { field: 'id', direction: 'asc' } }).results[0];
    if (!first) throw new Error('the demo seeded no application');
    if (builds > 0) insertBuilds(store, first.id, builds);
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    return { dataDir, applicationId: first.id };
  } finally {
    store.close();
  }
}

/**
 * A data folder with one application, 4 scopes and 20 releases, and `count` finished deployments (finalized, with a
 * few rolled back, cancelled and failed), none in flight: the engine has nothing to run for them.
 */
export function prepareDeploymentsFolder(count: number): { dataDir: string; applicationId: number } {
  const dataDir = newDataDir(`deployments-${count}`);
  const store = openStore(dataDir);
  try {
    const applicationId = store.write((tx) => {
      const application = tx.applications.insert({ name: `bulk-deploys-${count}`, namespace_id: 1 });
      const releaseIds: number[] = [];
      for (let r = 0; r < 20; r += 1) {
        const at = new Date(START + r * 86_400_000).toISOString();
        const build = tx.builds.insert({
          application_id: application.id,
          status: 'successful',
          branch: 'main',
          commit: { id: `c0ffee${r}` },
          created_at: at,
        });
        tx.assets.insert({
          build_id: build.id,
          name: 'main',
          type: 'docker-image',
          url: 'file:demo-apps/greeter',
          created_at: at,
        });
        releaseIds.push(
          tx.releases.insert({ application_id: application.id, build_id: build.id, semver: `1.${r}.0`, created_at: at })
            .id,
        );
      }
      const scopeIds = ['production', 'staging', 'qa', 'canary'].map(
        (name) =>
          tx.scopes.insert({
            application_id: application.id,
            name,
            type: 'web_pool_k8s',
            capabilities: { fixed_instances: 1 },
            asset_name: 'main',
            created_at: new Date(START).toISOString(),
          }).id,
      );
      const endings = [
        'finalized',
        'finalized',
        'finalized',
        'finalized',
        'finalized',
        'finalized',
        'rolled_back',
        'cancelled',
        'failed',
      ] as const;
      for (let i = 0; i < count; i += 1) {
        const scopeId = scopeIds[i % scopeIds.length] ?? 0;
        const releaseId = releaseIds[i % releaseIds.length] ?? 0;
        tx.deployments.insert({
          scope_id: scopeId,
          release_id: releaseId,
          asset_name: 'main',
          strategy: i < scopeIds.length ? 'initial' : 'blue_green',
          status: endings[i % endings.length] ?? 'finalized',
          status_in_scope: 'inactive',
          strategy_data: {
            desired_switched_traffic: 100,
            switched_traffic: 100,
            launched_instances: 1,
            healthy_instances: 1,
          },
          created_at: new Date(START + i * 10 * MINUTE).toISOString(),
          expires_at: null,
        });
      }
      return application.id;
    });
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    return { dataDir, applicationId };
  } finally {
    store.close();
  }
}
