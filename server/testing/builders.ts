/**
 * Small builders that put entities straight into the store (each test seeds what it needs; names are unique so
 * tests never depend on each other's data).
 */
import type { Application } from '@contract/application';
import type { Asset } from '@contract/asset';
import type { Build, BuildStatus } from '@contract/build';
import type { Deployment } from '@contract/deployment';
import type { DeploymentStatus, DeploymentStrategy, StatusInScope } from '@contract/deployment-lifecycle';
import type { Release } from '@contract/release';
import type { Scope } from '@contract/scope';
import type { Store } from '../store/store';

let sequence = 0;
/** A name no other builder call has produced in this process. */
function uniqueName(prefix: string): string {
  sequence += 1;
  return `${prefix}-${sequence}`;
}

export type World = { application: Application; build: Build; asset: Asset; release: Release; scope: Scope };

export class Builders {
  constructor(
    private readonly store: Store,
    private readonly runnableAssetUrl: string,
  ) {}

  application(overrides: { name?: string; namespace_id?: number } = {}): Application {
    return this.store.write((tx) =>
      tx.applications.insert({ name: overrides.name ?? uniqueName('app'), namespace_id: overrides.namespace_id ?? 1 }),
    );
  }

  build(
    applicationId: number,
    options: { status?: BuildStatus; branch?: string; assets?: string[]; assetUrl?: string; created_at?: string } = {},
  ): { build: Build; assets: Asset[] } {
    return this.store.write((tx) => {
      const build = tx.builds.insert({
        application_id: applicationId,
        status: options.status ?? 'successful',
        branch: options.branch ?? 'main',
        commit: { id: uniqueName('commit'), permalink: null },
        description: 'a build made by a test',
        created_at: options.created_at,
      });
      const assets = (options.assets ?? ['main']).map((name) =>
        tx.assets.insert({
          build_id: build.id,
          name,
          type: 'docker-image',
          url: options.assetUrl ?? this.runnableAssetUrl,
        }),
      );
      return { build, assets };
    });
  }

  release(applicationId: number, buildId: number, semver?: string): Release {
    return this.store.write((tx) =>
      tx.releases.insert({ application_id: applicationId, build_id: buildId, semver: semver ?? `1.0.${sequence++}` }),
    );
  }

  scope(
    applicationId: number,
    overrides: { name?: string; asset_name?: string | null; fixed_instances?: number } = {},
  ): Scope {
    return this.store.write((tx) =>
      tx.scopes.insert({
        application_id: applicationId,
        name: overrides.name ?? uniqueName('scope'),
        type: 'web_pool_k8s',
        asset_name: overrides.asset_name ?? null,
        capabilities:
          overrides.fixed_instances === undefined
            ? {}
            : { scaling_type: 'fixed', fixed_instances: overrides.fixed_instances },
      }),
    );
  }

  /** An application with a successful build (one asset, `main`), a release of it and a never-deployed scope. */
  world(options: { assets?: string[]; assetUrl?: string } = {}): World {
    const application = this.application();
    const { build, assets } = this.build(application.id, { assets: options.assets, assetUrl: options.assetUrl });
    const release = this.release(application.id, build.id);
    const scope = this.scope(application.id);
    const [asset] = assets;
    if (asset === undefined) throw new Error('world: the build needs at least one asset');
    return { application, build, asset, release, scope };
  }

  /** A deployment put directly in `status` (no engine): for setting up lifecycle tests. */
  deployment(
    scope: Scope,
    release: Release,
    options: { status?: DeploymentStatus; strategy?: DeploymentStrategy; status_in_scope?: StatusInScope } = {},
  ): Deployment {
    return this.store.write((tx) =>
      tx.deployments.insert({
        scope_id: scope.id,
        release_id: release.id,
        asset_name: scope.asset_name ?? 'main',
        status: options.status,
        strategy: options.strategy,
        status_in_scope: options.status_in_scope,
      }),
    );
  }

  /** Makes `deployment` the scope's serving one (as the engine does on finalize). */
  activate(deployment: Deployment): void {
    this.store.write((tx) => {
      tx.deployments.update(deployment.id, { status: 'finalized', status_in_scope: 'active' });
      tx.scopes.update(deployment.scope_id, { active_deployment: deployment.id, in_progress_deployment: null });
    });
  }
}
