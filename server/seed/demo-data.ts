/**
 * The demo data set seeded into an empty data folder: two applications whose scopes really run, builds in every
 * status, a release that is newer than what is deployed (ready for a blue/green deployment) and one whose app fails
 * its health check (to watch a deployment fail while the old release keeps serving), and per application a
 * `development` scope with no deployment yet (to make an initial deployment by clicking).
 */
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
};

export const demoNamespaceId = 1;

export const demoApplications: DemoApplication[] = [
  {
    name: 'greeter',
    folder: 'demo-apps/greeter',
    repository: 'https://github.com/np-console-demo/greeter',
    builds: [
      { key: 'g1', branch: 'main', commit: '3f9c2a1d8e7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a', description: 'First greeting page', status: 'successful' },
      { key: 'g2', branch: 'main', commit: '7a1e4c9b2d8f3a6e5c1b0d9f8e7a6c5b4d3e2f1a', description: 'Greet in the visitor’s language', status: 'successful' },
      { key: 'g3', branch: 'feature/dark-greeting', commit: 'c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3', description: 'Dark theme for the greeting page', status: 'failed' },
      { key: 'g4', branch: 'main', commit: '1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c', description: 'Show the release that served the page', status: 'successful' },
      {
        key: 'g5',
        branch: 'main',
        commit: '9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d',
        description: 'Stricter health check (breaks /health)',
        status: 'successful',
        assetEnv: { HEALTH_STATUS: '503' },
      },
      { key: 'g6', branch: 'feature/metrics', commit: 'f0e1d2c3b4a5968778695a4b3c2d1e0f9a8b7c6d', description: 'Expose request metrics', status: 'in_progress' },
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
  },
  {
    name: 'inventory',
    folder: 'demo-apps/inventory',
    repository: 'https://github.com/np-console-demo/inventory',
    builds: [
      { key: 'i1', branch: 'main', commit: '0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d', description: 'List items', status: 'successful' },
      { key: 'i2', branch: 'main', commit: '5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f80', description: 'Stock levels per warehouse', status: 'successful' },
      { key: 'i3', branch: 'fix/pagination', commit: 'aa11bb22cc33dd44ee55ff6677889900aabbccdd', description: 'Paginate the item list', status: 'failed' },
      { key: 'i4', branch: 'main', commit: 'be5e7c1d2a3f4b5c6d7e8f9a0b1c2d3e4f5a6b7c', description: 'Faster item lookups', status: 'successful' },
      { key: 'i5', branch: 'feature/reservations', commit: '1234abcd5678ef901234abcd5678ef901234abcd', description: 'Reserve items for an order', status: 'in_progress' },
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
