/**
 * Seeds the demo into an empty database. Builds, releases and scopes are plain records; the scopes' deployments are
 * inserted as new deployments (`creating`) so that the engine really starts them, exactly as if a user had deployed.
 */
import { DEFAULT_HEALTH_CHECK_PATH } from '@contract/scope';
import type { Store } from '../store/store';
import {
  demoApplications,
  demoNamespace,
  demoNamespaceId,
  demoStrategies,
  type DemoApplication,
  type DemoBuild,
  type DemoRelease,
  type DemoScope,
} from './demo-data';

const DAY_MS = 86_400_000;

export function seedDemo(store: Store, now: Date = new Date()): void {
  store.write(() => {
    store.namespaces.nameIfUnnamed(demoNamespaceId, demoNamespace.name, demoNamespace.slug);
    const seeded = demoApplications.map((application, appIndex) => seedApplication(store, application, appIndex, now));
    // The never-deployed scopes come after every deployed one, so the deployed scopes keep their ids (1–4); the
    // later builds and releases after every first one, so those keep theirs.
    seeded.forEach((seedLater) => seedLater());
    for (const strategy of demoStrategies) store.strategies.insert(strategy);
  });
}

/**
 * Seeds the application and its deployed scopes; returns what seeds its never-deployed scopes and its later builds
 * and releases.
 */
function seedApplication(store: Store, demo: DemoApplication, appIndex: number, now: Date): () => void {
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS - appIndex * 3_600_000).toISOString();
  const application = store.applications.insert({
    name: demo.name,
    namespace_id: demoNamespaceId,
    repository_url: demo.repository,
    created_at: daysAgo(30),
  });

  const buildIds = new Map<string, number>();
  const insertBuild = (build: DemoBuild, created: string) => {
    const record = store.builds.insert({
      application_id: application.id,
      status: build.status,
      branch: build.branch,
      commit: { id: build.commit, permalink: `${demo.repository}/commit/${build.commit}` },
      description: build.description,
      created_at: created,
    });
    buildIds.set(build.key, record.id);
    if (build.status === 'successful') {
      store.assets.insert({
        build_id: record.id,
        name: 'main',
        type: 'docker-image',
        url: `file:${demo.folder}`,
        metadata: build.assetEnv ? { env: build.assetEnv } : {},
        created_at: created,
      });
    }
  };
  demo.builds.forEach((build, index) => insertBuild(build, daysAgo(demo.builds.length - index + 1)));

  const releaseIds = new Map<string, number>();
  const insertRelease = (release: DemoRelease, created: string) => {
    const buildId = buildIds.get(release.build);
    if (buildId === undefined) throw new Error(`demo release ${release.semver} names unknown build ${release.build}`);
    const record = store.releases.insert({
      application_id: application.id,
      build_id: buildId,
      semver: release.semver,
      status: 'active',
      created_at: created,
    });
    releaseIds.set(release.semver, record.id);
  };
  demo.releases.forEach((release, index) => insertRelease(release, daysAgo(demo.releases.length - index)));

  const insertScope = (demoScope: DemoScope) =>
    store.scopes.insert({
      application_id: application.id,
      name: demoScope.name,
      type: 'web_pool_k8s',
      dimensions: demoScope.dimensions,
      capabilities: {
        scaling_type: 'fixed',
        fixed_instances: demoScope.instances,
        health_check: { path: DEFAULT_HEALTH_CHECK_PATH },
      },
      asset_name: 'main',
      created_at: daysAgo(20),
    });

  for (const demoScope of demo.scopes) {
    if (demoScope.deployed === undefined) continue;
    const scope = insertScope(demoScope);
    const releaseId = releaseIds.get(demoScope.deployed);
    if (releaseId === undefined)
      throw new Error(`demo scope ${demoScope.name} runs unknown release ${demoScope.deployed}`);
    const deployment = store.deployments.insert({
      scope_id: scope.id,
      release_id: releaseId,
      asset_name: 'main',
      description: 'Demo: first deployment',
    });
    store.scopes.update(scope.id, { in_progress_deployment: deployment.id });
  }
  return () => {
    for (const demoScope of demo.scopes) if (demoScope.deployed === undefined) insertScope(demoScope);
    // The newest of all: within the last day, after every first build (2 days ago and older) and release (1 day).
    const later = demo.later ?? { builds: [], releases: [] };
    later.builds.forEach((build, index) => insertBuild(build, daysAgo((later.builds.length - index) / 4 + 0.25)));
    later.releases.forEach((release, index) =>
      insertRelease(release, daysAgo((later.releases.length - index) / 8 + 0.05)),
    );
  };
}
