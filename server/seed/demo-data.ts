/**
 * The demo data set seeded into an empty data folder: two applications whose scopes really run, builds in every
 * status, a release that is newer than what is deployed (ready for a blue/green deployment) and one whose app fails
 * its health check (to watch a deployment fail while the old release keeps serving), and per application a
 * `development` scope with no deployment yet (to make an initial deployment by clicking). For progressive delivery:
 * two deployment strategies (automatic steps; steps with a rollback rule), a good greeter release to watch climb
 * and one that fails 30% of its requests to watch roll back (README, "Watch automatic steps and a rollback").
 */
import type { CreateDeploymentStrategyBody } from '@contract/deployment-strategy';

export type DemoBuild = {
  key: string;
  branch: string;
  commit: string;
  description: string;
  status: 'successful' | 'failed' | 'in_progress';
  /** Environment the asset's instances get: how a build whose code breaks /health is emulated. */
  assetEnv?: Record<string, string>;
};

export type DemoRelease = { semver: string; build: string };

export type DemoScope = {
  name: string;
  dimensions: Record<string, string>;
  instances: number;
  /** The release the scope runs when the demo starts; none for a scope waiting for its initial deployment. */
  deployed?: string;
};

export type DemoApplication = {
  name: string;
  folder: string;
  repository: string;
  builds: DemoBuild[];
  releases: DemoRelease[];
  scopes: DemoScope[];
  /**
   * Builds and releases added to the demo after its first version: seeded after every application's own, so that
   * the ids the demo had before stay as they were (journeys and docs name build #4 or release 2). The newest ones.
   */
  later?: { builds: DemoBuild[]; releases: DemoRelease[] };
};

export const demoNamespaceId = 1;
/** The demo namespace's name and slug (the local platform's namespaces are otherwise "Namespace <id>"). */
export const demoNamespace = { name: 'Demo', slug: 'demo' } as const;

export const demoApplications: DemoApplication[] = [
  {
    name: 'greeter',
    folder: 'demo-apps/greeter',
    repository: 'https://github.com/np-console-demo/greeter',
    builds: [
      {
        key: 'g1',
        branch: 'main',
        commit: '3f9c2a1d8e7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a',
        description: 'First greeting page',
        status: 'successful',
      },
      {
        key: 'g2',
        branch: 'main',
        commit: '7a1e4c9b2d8f3a6e5c1b0d9f8e7a6c5b4d3e2f1a',
        description: 'Greet in the visitor’s language',
        status: 'successful',
      },
      {
        key: 'g3',
        branch: 'feature/dark-greeting',
        commit: 'c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3',
        description: 'Dark theme for the greeting page',
        status: 'failed',
      },
      {
        key: 'g4',
        branch: 'main',
        commit: '1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c',
        description: 'Show the release that served the page',
        status: 'successful',
      },
      {
        key: 'g5',
        branch: 'main',
        commit: '9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d',
        description: 'Stricter health check (breaks /health)',
        status: 'successful',
        assetEnv: { HEALTH_STATUS: '503' },
      },
      {
        key: 'g6',
        branch: 'feature/metrics',
        commit: 'f0e1d2c3b4a5968778695a4b3c2d1e0f9a8b7c6d',
        description: 'Expose request metrics',
        status: 'in_progress',
      },
    ],
    releases: [
      { semver: '1.0.0', build: 'g1' },
      { semver: '1.1.0', build: 'g2' },
      { semver: '1.2.0', build: 'g4' },
      { semver: '1.2.1', build: 'g5' },
    ],
    scopes: [
      { name: 'staging', dimensions: { environment: 'staging' }, instances: 1, deployed: '1.1.0' },
      { name: 'production', dimensions: { environment: 'production' }, instances: 2, deployed: '1.1.0' },
      { name: 'development', dimensions: { environment: 'development' }, instances: 1 },
    ],
    // 1.3.0 and 1.4.0 are left for the journeys that create a release by clicking.
    later: {
      builds: [
        {
          key: 'g7',
          branch: 'main',
          commit: '5c4b3a2918f7e6d5c4b3a2918f7e6d5c4b3a2918',
          description: 'Greet by the time of day',
          status: 'successful',
        },
        {
          key: 'g8',
          branch: 'main',
          commit: 'e1d2c3b4a5f60718293a4b5c6d7e8f9012a3b4c5',
          description: 'Cache greetings (a race fails 30% of the requests)',
          status: 'successful',
          assetEnv: { FAIL_RATE: '0.3' },
        },
      ],
      releases: [
        { semver: '1.5.0', build: 'g7' },
        { semver: '1.6.0', build: 'g8' },
      ],
    },
  },
  {
    name: 'inventory',
    folder: 'demo-apps/inventory',
    repository: 'https://github.com/np-console-demo/inventory',
    builds: [
      {
        key: 'i1',
        branch: 'main',
        commit: '0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d',
        description: 'List items',
        status: 'successful',
      },
      {
        key: 'i2',
        branch: 'main',
        commit: '5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f80',
        description: 'Stock levels per warehouse',
        status: 'successful',
      },
      {
        key: 'i3',
        branch: 'fix/pagination',
        commit: 'aa11bb22cc33dd44ee55ff6677889900aabbccdd',
        description: 'Paginate the item list',
        status: 'failed',
      },
      {
        key: 'i4',
        branch: 'main',
        commit: 'be5e7c1d2a3f4b5c6d7e8f9a0b1c2d3e4f5a6b7c',
        description: 'Faster item lookups',
        status: 'successful',
      },
      {
        key: 'i5',
        branch: 'feature/reservations',
        commit: '1234abcd5678ef901234abcd5678ef901234abcd',
        description: 'Reserve items for an order',
        status: 'in_progress',
      },
    ],
    releases: [
      { semver: '2.0.0', build: 'i1' },
      { semver: '2.1.0', build: 'i2' },
      { semver: '2.2.0', build: 'i4' },
    ],
    scopes: [
      { name: 'staging', dimensions: { environment: 'staging' }, instances: 1, deployed: '2.1.0' },
      { name: 'production', dimensions: { environment: 'production' }, instances: 2, deployed: '2.0.0' },
      { name: 'development', dimensions: { environment: 'development' }, instances: 1 },
    ],
  },
];

/** The greeter releases the progressive-delivery demo deploys: one that climbs to 100%, one that is rolled back. */
export const demoProgressive = {
  application: 'greeter',
  scope: 'production',
  goodRelease: '1.5.0',
  failingRelease: '1.6.0',
} as const;

/**
 * Deployment strategies (reference §8): their parameters are what a deployment copies into
 * `strategy_data.parameters`. The second rolls back a release whose answers fail more than 10% of the time.
 */
export const demoStrategies: CreateDeploymentStrategyBody[] = [
  {
    name: 'Steps of 10% every 30 s',
    description: 'Shift 10% of the traffic to the new release every 30 seconds; at 100% it waits for finalize.',
    parameters: {
      traffic: { enable_auto_switch: true, step: '0.1', interval: 30 },
      metrics: { enabled: false, rules: [] },
    },
  },
  {
    name: 'Steps of 20% every 10 s, roll back if error rate > 10%',
    description:
      "Shift 20% of the traffic every 10 seconds; roll back if more than 10% of the new release's answers fail.",
    parameters: {
      traffic: { enable_auto_switch: true, step: '0.2', interval: 10 },
      metrics: { enabled: true, rules: [{ metric: 'http.error_rate', operation: 'greater_than', threshold: 0.1 }] },
    },
  },
];
