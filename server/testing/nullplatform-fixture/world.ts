/**
 * The organization the fixture serves, the same on every start: organization 1 → two accounts → three namespaces →
 * three applications, and under "Automation" every kind of build, release, scope and deployment a console has to
 * read. Account 2, namespace 3, application 4, release 9, scope 7 and deployment 8 are context.json's own objects
 * (nullplatform/scopes-static-files static-files/deployment/tests/resources/context.json); the other ids are large,
 * like the real ones.
 */
import { asset, build, release, type Asset, type Build, type Release } from './shapes/artifacts';
import { defaultStrategyParameters, deployment, type Deployment } from './shapes/deployment';
import { account, application, namespace, type Account, type Application, type Namespace } from './shapes/organization';
import { containersCapabilities, scope, webPoolK8sCapabilities, type Scope } from './shapes/scope';
import { deploymentStrategy, type DeploymentStrategy } from './shapes/strategy';

export type World = {
  accounts: Account[];
  namespaces: Namespace[];
  applications: Application[];
  builds: Build[];
  assets: Asset[];
  releases: Release[];
  scopes: Scope[];
  deployments: Deployment[];
  strategies: DeploymentStrategy[];
};

/** The user id context.json's deployment was created by; the fixture's API key acts as this user. */
export const FIXTURE_USER_ID = 123456789;

/** Ids a journey or a test goes to directly. */
export const ids = {
  accounts: { playground: 2, acme: 1455603117 },
  namespaces: { tools: 3, payments: 1291734820, storefront: 1847211003 },
  applications: { automation: 4, paymentsApi: 1822046730, storefrontWeb: 1822051977 },
  builds: {
    first: 5,
    retry: 612605537,
    failed: 612611902,
    metrics: 612616310,
    inProgress: 612618455,
    nightly: 612600021,
  },
  releases: {
    v090: 1570024411,
    v100: 9,
    v110: 1570028113,
    v120: 1570031920,
    v121: 1570033876,
    paymentsV230: 1612004417,
  },
  scopes: {
    development: 7,
    production: 1403568815,
    staging: 982340117,
    chile: 1403570021,
    mexico: 1403571144,
    sandbox: 1500873362,
  },
  deployments: {
    developmentInitial: 8,
    productionInitial: 1921551120,
    blueGreenRunning: 1921552407,
    stagingInitial: 1718934411,
    rolledBack: 1718935020,
    failed: 1718935533,
    chileInitial: 1921560001,
    canary: 1921560388,
    mexicoInitial: 1921570042,
    awaitingApproval: 1921570519,
  },
  strategies: { blueGreenRollback: 10, allIn: 1387002214, productionArgentina: 1387004551, acmeCareful: 1387009903 },
} as const;

const epoch = (iso: string) => Date.parse(iso);

export function seedWorld(): World {
  const playground = account({
    id: ids.accounts.playground,
    name: 'Playground',
    slug: 'playground',
    repository_prefix: 'playground-repos',
    created_at: '2023-01-31T21:53:32.597Z',
  });
  const acme = account({
    id: ids.accounts.acme,
    name: 'Acme Production',
    slug: 'acme-production',
    repository_prefix: 'acme-corp',
    created_at: '2024-03-11T14:02:51.118Z',
  });

  const tools = namespace(playground, {
    id: ids.namespaces.tools,
    name: 'Tools',
    slug: 'tools',
    created_at: '2025-05-15T21:34:40.725Z',
  });
  const payments = namespace(playground, {
    id: ids.namespaces.payments,
    name: 'Payments',
    slug: 'payments',
    created_at: '2025-06-02T12:10:04.311Z',
  });
  const storefront = namespace(acme, {
    id: ids.namespaces.storefront,
    name: 'Storefront',
    slug: 'storefront',
    created_at: '2024-03-11T14:20:17.902Z',
  });

  const automation = application(tools, {
    id: ids.applications.automation,
    name: 'Automation',
    slug: 'automation',
    repository_url: 'https://github.com/playground-repos/tools-automation',
    created_at: '2025-10-07T03:22:21.385Z',
    updated_at: '2025-10-07T03:22:30.695Z',
  });
  const paymentsApi = application(payments, {
    id: ids.applications.paymentsApi,
    name: 'Payments API',
    slug: 'payments-api',
    // An application created without a repository (terraform's `repository_url` is optional).
    repository_url: null,
    tags: { team: 'payments', 'cost-center': 'fin-01' },
    created_at: '2025-06-02T12:31:45.006Z',
    updated_at: '2025-11-18T09:12:03.447Z',
  });
  const storefrontWeb = application(storefront, {
    id: ids.applications.storefrontWeb,
    name: 'Storefront Web',
    slug: 'storefront-web',
    repository_url: 'https://github.com/acme-corp/storefront',
    mono_repo_path: 'apps/web',
    created_at: '2024-03-12T10:05:33.870Z',
    updated_at: '2024-03-12T10:05:41.120Z',
  });

  const ecr = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
  const builds = [
    build(automation, {
      id: ids.builds.nightly,
      status: 'successful',
      branch: 'main',
      sha: '9c1e5f0a7b3d2c4e8f6a1b0d9e7c5a3f2b1d4e6c',
      description: 'Schedule the nightly sync',
      created_at: '2025-11-20T14:48:10.233Z',
      updated_at: '2025-11-20T14:55:42.019Z',
    }),
    build(automation, {
      id: ids.builds.first,
      status: 'successful',
      branch: 'main',
      sha: 'f3b1c9e8a2d44c07b5e1a9d6c3f2e7b8a4d1c0e9',
      description: 'Release the first automation tools',
      created_at: '2025-12-12T12:58:03.114Z',
      updated_at: '2025-12-12T13:04:51.660Z',
    }),
    build(automation, {
      id: ids.builds.retry,
      status: 'successful',
      branch: 'main',
      sha: '4a7d2e9c1b8f3a6e5d0c9b2a7f4e1d8c3b6a5f02',
      description: 'Retry failed sync jobs with backoff',
      created_at: '2026-01-08T16:21:37.502Z',
      updated_at: '2026-01-08T16:29:12.884Z',
    }),
    build(automation, {
      id: ids.builds.failed,
      status: 'failed',
      branch: 'feature/cron-v2',
      sha: 'b8e3f1a6c9d2e7b4a1f8c5d0e3b6a9f2c7d4e1a8',
      description: 'Move the cron jobs to the v2 scheduler',
      created_at: '2026-01-12T10:03:55.371Z',
      updated_at: '2026-01-12T10:07:19.045Z',
    }),
    build(automation, {
      id: ids.builds.metrics,
      status: 'successful',
      branch: 'main',
      sha: '2d6b9e4f1a8c3e7d0b5a2f9c6e1d4b8a7f3c0e5d',
      description: 'Expose /metrics for the scheduler',
      created_at: '2026-01-14T13:40:08.925Z',
      updated_at: '2026-01-14T13:47:33.218Z',
    }),
    build(automation, {
      id: ids.builds.inProgress,
      status: 'in_progress',
      branch: 'main',
      sha: 'e5c8a1f4d7b0e3a6c9f2d5b8e1a4c7f0d3b6e9a2',
      description: 'Bump Node.js to 20.19',
      created_at: '2026-01-19T17:02:26.640Z',
      updated_at: '2026-01-19T17:02:26.640Z',
    }),
    build(paymentsApi, {
      id: 733102884,
      status: 'successful',
      branch: 'main',
      sha: '7f0a3c6e9b2d5f8a1c4e7b0d3f6a9c2e5b8d1f4a',
      description: 'Idempotency keys on refunds',
      repository: 'https://gitlab.example.com/payments/payments-api',
      created_at: '2025-11-18T08:44:19.310Z',
      updated_at: '2025-11-18T08:52:02.776Z',
    }),
    build(storefrontWeb, {
      id: 733220019,
      status: 'successful',
      branch: 'main',
      sha: 'c3f6b9e2a5d8c1f4b7e0a3d6c9f2b5e8a1d4c7f0',
      description: 'First storefront page',
      created_at: '2024-03-13T15:20:44.208Z',
      updated_at: '2024-03-13T15:26:10.954Z',
    }),
  ];
  const byBuildId = (id: number) => {
    const found = builds.find((candidate) => candidate.id === id);
    if (found === undefined) throw new Error(`seed: no build ${id}`);
    return found;
  };

  const assets = [
    // context.json's asset, verbatim but for build_id (see shapes/artifacts.ts).
    asset(byBuildId(ids.builds.first), {
      id: 6,
      name: 'main',
      type: 'bundle',
      url: 's3://my-asset-bucket/tools/automation/v1.0.0',
    }),
    asset(byBuildId(ids.builds.nightly), {
      id: 1688201447,
      name: 'main',
      type: 'docker-image',
      url: `${ecr}/playground-repos/tools-automation:${ids.builds.nightly}`,
    }),
    asset(byBuildId(ids.builds.retry), {
      id: 1688205512,
      name: 'main',
      type: 'docker-image',
      url: `${ecr}/playground-repos/tools-automation:${ids.builds.retry}`,
    }),
    asset(byBuildId(ids.builds.metrics), {
      id: 1688210098,
      name: 'main',
      type: 'docker-image',
      url: `${ecr}/playground-repos/tools-automation:${ids.builds.metrics}`,
    }),
    asset(byBuildId(733102884), {
      id: 1688301775,
      name: 'main',
      type: 'docker-image',
      url: `${ecr}/payments/payments-api:733102884`,
    }),
    asset(byBuildId(733220019), {
      id: 1688402230,
      name: 'main',
      type: 'docker-image',
      url: `${ecr}/acme-corp/storefront-web:733220019`,
    }),
  ];

  const releases = [
    release(automation, {
      id: ids.releases.v090,
      build_id: ids.builds.nightly,
      semver: 'v0.9.0',
      status: 'deprecated',
      created_at: '2025-11-20T15:02:31.580Z',
      updated_at: '2025-12-12T13:07:30.114Z',
    }),
    // context.json's release.
    release(automation, {
      id: ids.releases.v100,
      build_id: ids.builds.first,
      semver: 'v1.0.0',
      status: 'active',
      created_at: '2025-12-12T13:07:27.435Z',
      updated_at: '2025-12-12T13:07:27.702Z',
    }),
    release(automation, {
      id: ids.releases.v110,
      build_id: ids.builds.retry,
      semver: 'v1.1.0',
      status: 'active',
      created_at: '2026-01-08T16:35:02.941Z',
      updated_at: '2026-01-08T16:35:03.207Z',
    }),
    release(automation, {
      id: ids.releases.v120,
      build_id: ids.builds.metrics,
      semver: 'v1.2.0',
      status: 'pending',
      created_at: '2026-01-14T13:52:18.004Z',
      updated_at: '2026-01-14T13:52:18.004Z',
    }),
    release(automation, {
      id: ids.releases.v121,
      build_id: ids.builds.metrics,
      semver: 'v1.2.1',
      status: 'failed',
      created_at: '2026-01-15T09:30:47.662Z',
      updated_at: '2026-01-15T09:31:05.139Z',
    }),
    release(paymentsApi, {
      id: ids.releases.paymentsV230,
      build_id: 733102884,
      semver: 'v2.3.0',
      status: 'active',
      created_at: '2025-11-18T09:01:26.087Z',
      updated_at: '2025-11-18T09:01:26.350Z',
    }),
    release(storefrontWeb, {
      id: 1612100556,
      build_id: 733220019,
      semver: 'v0.1.0',
      status: 'pending',
      created_at: '2024-03-13T15:40:12.511Z',
      updated_at: '2024-03-13T15:40:12.511Z',
    }),
  ];

  // A service specification's id: agent ("custom") scopes name it as their provider (reference §6.1).
  const containersProvider = 'd7b1f0e2-6a3c-4f8e-9b21-5c4e7a9d3f10';
  const scopes = [
    // context.json's scope, verbatim (its capabilities are `{}` and its provider a placeholder there).
    scope(automation, {
      id: ids.scopes.development,
      name: 'Development tools',
      slug: 'development-tools',
      type: 'custom',
      provider: 'scope-type-id',
      instance_id: 'some-instance-id',
      capabilities: {},
      dimensions: { country: 'argentina', environment: 'development' },
      tier: 'important',
      domain: '',
      domains: [],
      requested_spec: {},
      created_at: '2025-12-22T18:27:04.949Z',
      updated_at: '2025-12-29T18:25:55.908Z',
    }),
    scope(automation, {
      id: ids.scopes.production,
      name: 'Production',
      slug: 'production',
      type: 'custom',
      provider: containersProvider,
      instance_id: '5f2a8c1e-9d47-4b3a-a6e0-3c8d1f7b2e94',
      capabilities: containersCapabilities({ fixed_instances: 2, ram_memory: 512, cpu_millicores: 500 }),
      dimensions: { country: 'argentina', environment: 'production' },
      tier: 'critical',
      domain: '',
      domains: [],
      requested_spec: {},
      created_at: '2025-12-22T19:02:11.208Z',
      updated_at: '2026-01-19T14:05:32.114Z',
    }),
    scope(automation, {
      id: ids.scopes.staging,
      name: 'Staging (legacy)',
      slug: 'staging-legacy',
      type: 'web_pool_k8s',
      provider: 'AWS:WEB_POOL:EKS',
      instance_id: null,
      capabilities: webPoolK8sCapabilities(),
      dimensions: { environment: 'staging' },
      tier: 'important',
      domain: 'automation-staging.playground.nullapps.io',
      domains: [
        { id: 'dom-7781', name: 'automation-staging.playground.nullapps.io' },
        { id: 'dom-7782', name: 'staging.automation.example.com' },
      ],
      requested_spec: { cpu_profile: 'standard', local_storage: 8, memory_in_gb: 1 },
      created_at: '2024-06-03T17:40:55.301Z',
      updated_at: '2026-01-13T09:20:14.508Z',
    }),
    scope(automation, {
      id: ids.scopes.chile,
      name: 'Production Chile',
      slug: 'production-chile',
      type: 'custom',
      provider: containersProvider,
      instance_id: '0b9e4d27-1c6a-4f83-b5d2-8e7a3c9f1d60',
      capabilities: containersCapabilities({ fixed_instances: 2, ram_memory: 512, cpu_millicores: 500 }),
      dimensions: { country: 'chile', environment: 'production' },
      tier: 'critical',
      domain: '',
      domains: [],
      requested_spec: {},
      created_at: '2025-12-22T19:05:48.733Z',
      updated_at: '2026-01-18T11:42:07.391Z',
    }),
    scope(automation, {
      id: ids.scopes.mexico,
      name: 'Production Mexico',
      slug: 'production-mexico',
      type: 'custom',
      provider: containersProvider,
      instance_id: 'a3c71e58-6b2d-49f0-8e14-d97c5b2a0f36',
      capabilities: containersCapabilities({ fixed_instances: 1, ram_memory: 256, cpu_millicores: 250 }),
      dimensions: { country: 'mexico', environment: 'production' },
      tier: 'critical',
      domain: '',
      domains: [],
      requested_spec: {},
      created_at: '2025-12-22T19:07:30.095Z',
      updated_at: '2026-01-19T16:30:55.210Z',
    }),
    scope(paymentsApi, {
      id: ids.scopes.sandbox,
      name: 'Sandbox',
      slug: 'sandbox',
      type: 'custom',
      provider: containersProvider,
      instance_id: '7e1d9a42-3f5c-4b86-9a0e-2c6f8d4b1e73',
      capabilities: containersCapabilities({ fixed_instances: 1, ram_memory: 128, cpu_millicores: 100 }),
      dimensions: { environment: 'development' },
      tier: 'important',
      domain: '',
      domains: [],
      requested_spec: {},
      created_at: '2025-11-18T09:20:40.662Z',
      updated_at: '2025-11-18T09:20:40.662Z',
    }),
  ];
  const byScopeId = (id: number) => {
    const found = scopes.find((candidate) => candidate.id === id);
    if (found === undefined) throw new Error(`seed: no scope ${id}`);
    return found;
  };

  const parameters = defaultStrategyParameters;
  const finalizedTimes = (created: string, running: string, finalized: string) => ({
    creating: created,
    waiting_for_instances: new Date(epoch(created) + 15_000).toISOString(),
    running,
    finalizing: new Date(epoch(running) + 1_000).toISOString(),
    finalized,
  });
  const initialMessages = (created: string, finalized: string, instances: number) => [
    { level: 'INFO' as const, message: 'Creating deployment resources', timestamp: epoch(created) + 2_000 },
    {
      level: 'INFO' as const,
      message: `Waiting for ${instances} instance(s) to be healthy`,
      timestamp: epoch(created) + 16_000,
    },
    { level: 'INFO' as const, message: 'Deployment finalized', timestamp: epoch(finalized) },
  ];
  const finalizedInitial = (
    scopeId: number,
    fields: {
      id: number;
      release_id: number;
      created: string;
      running: string;
      finalized: string;
      token: string;
      instances: number;
    },
  ) =>
    deployment(byScopeId(scopeId), {
      id: fields.id,
      release_id: fields.release_id,
      status: 'finalized',
      status_in_scope: 'active',
      strategy: 'initial',
      // context.json: an initial deployment's strategy_data is only its parameters.
      strategy_data: { parameters: parameters() },
      status_started_at: finalizedTimes(fields.created, fields.running, fields.finalized),
      created_by: FIXTURE_USER_ID,
      expires_at: null,
      deployment_token: fields.token,
      messages: initialMessages(fields.created, fields.finalized, fields.instances),
      created_at: fields.created,
      updated_at: fields.finalized,
    });

  const deployments = [
    // context.json's deployment (there caught while `creating`), here as it ended: finalized.
    deployment(byScopeId(ids.scopes.development), {
      id: ids.deployments.developmentInitial,
      release_id: ids.releases.v100,
      status: 'finalized',
      status_in_scope: 'active',
      strategy: 'initial',
      strategy_data: { parameters: parameters() },
      status_started_at: finalizedTimes(
        '2025-12-22T18:27:54.629Z',
        '2025-12-22T18:29:02.310Z',
        '2025-12-22T18:29:40.882Z',
      ),
      created_by: FIXTURE_USER_ID,
      expires_at: null,
      deployment_token: 'dep-token',
      messages: initialMessages('2025-12-22T18:27:54.629Z', '2025-12-22T18:29:40.882Z', 1),
      created_at: '2025-12-22T18:27:54.701Z',
      updated_at: '2025-12-23T13:22:06.345Z',
    }),
    finalizedInitial(ids.scopes.production, {
      id: ids.deployments.productionInitial,
      release_id: ids.releases.v100,
      created: '2025-12-23T10:15:42.118Z',
      running: '2025-12-23T10:18:05.240Z',
      finalized: '2025-12-23T10:18:49.677Z',
      token: 'dep-2b6f1c84-7e3a-4d95-b0c2-9a5e8f1d3c67',
      instances: 2,
    }),
    // Blue/green, running, 20% of the traffic on the new release (as asked).
    deployment(byScopeId(ids.scopes.production), {
      id: ids.deployments.blueGreenRunning,
      release_id: ids.releases.v110,
      status: 'running',
      status_in_scope: 'candidate',
      strategy: 'blue_green',
      strategy_data: {
        parameters: parameters(),
        desired_switched_traffic: 20,
        switched_traffic: 20,
        amount_instances_to_wait: 2,
        launched_instances: 2,
        healthy_instances: 2,
      },
      status_started_at: {
        creating: '2026-01-19T14:05:31.840Z',
        waiting_for_instances: '2026-01-19T14:05:48.116Z',
        running: '2026-01-19T14:08:47.512Z',
      },
      // Started by an automation, not a person.
      created_by: null,
      expires_at: '2026-01-19T16:08:47.512Z',
      deployment_token: 'dep-8d3e5a17-c2f4-4b69-a1e8-6f0b9c7d2e45',
      messages: [
        { level: 'INFO', message: 'Creating deployment resources', timestamp: epoch('2026-01-19T14:05:33.902Z') },
        {
          level: 'INFO',
          message: 'Waiting for 2 instance(s) to be healthy',
          timestamp: epoch('2026-01-19T14:05:48.116Z'),
        },
        {
          level: 'INFO',
          message: 'All instances are healthy; the new release serves 0% of the traffic',
          timestamp: epoch('2026-01-19T14:08:47.512Z'),
        },
        { level: 'INFO', message: 'Switching traffic to 20%', timestamp: epoch('2026-01-19T14:12:03.774Z') },
      ],
      created_at: '2026-01-19T14:05:31.907Z',
      updated_at: '2026-01-19T14:12:04.019Z',
    }),
    finalizedInitial(ids.scopes.staging, {
      id: ids.deployments.stagingInitial,
      release_id: ids.releases.v090,
      created: '2025-11-20T15:12:09.455Z',
      running: '2025-11-20T15:15:40.218Z',
      finalized: '2025-11-20T15:16:21.903Z',
      token: 'dep-4c0a9e62-5d8b-4f17-93e2-b7a1c6f0d849',
      instances: 2,
    }),
    deployment(byScopeId(ids.scopes.staging), {
      id: ids.deployments.rolledBack,
      release_id: ids.releases.v110,
      status: 'rolled_back',
      status_in_scope: 'inactive',
      strategy: 'blue_green',
      strategy_data: {
        parameters: parameters(),
        desired_switched_traffic: 0,
        switched_traffic: 0,
        amount_instances_to_wait: 2,
        launched_instances: 2,
        healthy_instances: 2,
      },
      status_started_at: {
        creating: '2026-01-09T11:20:32.944Z',
        waiting_for_instances: '2026-01-09T11:20:49.310Z',
        running: '2026-01-09T11:23:12.586Z',
        cancelling: '2026-01-09T11:41:05.027Z',
        rolled_back: '2026-01-09T11:41:58.663Z',
      },
      created_by: FIXTURE_USER_ID,
      expires_at: '2026-01-09T13:23:12.586Z',
      deployment_token: 'dep-e91f3b50-2a7c-4d8e-b6f4-0c3d5a8e7b12',
      messages: [
        { level: 'INFO', message: 'Switching traffic to 10%', timestamp: epoch('2026-01-09T11:25:40.118Z') },
        { level: 'WARNING', message: 'Rollback requested by a user', timestamp: epoch('2026-01-09T11:41:05.027Z') },
        {
          level: 'INFO',
          message: 'All traffic is back on the previous deployment',
          timestamp: epoch('2026-01-09T11:41:58.663Z'),
        },
      ],
      created_at: '2026-01-09T11:20:33.010Z',
      updated_at: '2026-01-09T11:41:58.701Z',
    }),
    deployment(byScopeId(ids.scopes.staging), {
      id: ids.deployments.failed,
      release_id: ids.releases.v110,
      status: 'failed',
      status_in_scope: 'inactive',
      strategy: 'blue_green',
      strategy_data: {
        parameters: parameters(),
        desired_switched_traffic: 0,
        switched_traffic: 0,
        amount_instances_to_wait: 2,
        launched_instances: 2,
        healthy_instances: 0,
      },
      status_started_at: {
        creating: '2026-01-13T09:02:40.702Z',
        waiting_for_instances: '2026-01-13T09:02:58.129Z',
        failed: '2026-01-13T09:12:58.440Z',
      },
      created_by: FIXTURE_USER_ID,
      expires_at: null,
      deployment_token: 'dep-73a0d8c5-4e1b-4f92-8c6d-1b9e2f5a0c38',
      messages: [
        {
          level: 'INFO',
          message: 'Waiting for 2 instance(s) to be healthy',
          timestamp: epoch('2026-01-13T09:02:58.129Z'),
        },
        {
          level: 'ERROR',
          message: 'Instances did not pass the health check at /health within 600 seconds',
          timestamp: epoch('2026-01-13T09:12:58.440Z'),
        },
      ],
      created_at: '2026-01-13T09:02:40.771Z',
      updated_at: '2026-01-13T09:12:58.502Z',
    }),
    finalizedInitial(ids.scopes.chile, {
      id: ids.deployments.chileInitial,
      release_id: ids.releases.v100,
      created: '2025-12-23T10:31:12.604Z',
      running: '2025-12-23T10:33:40.977Z',
      finalized: '2025-12-23T10:34:22.158Z',
      token: 'dep-19c7e4a2-8b3f-4d06-a5e9-2f8c0b6d4a71',
      instances: 2,
    }),
    deployment(byScopeId(ids.scopes.chile), {
      id: ids.deployments.canary,
      release_id: ids.releases.v110,
      status: 'running',
      status_in_scope: 'candidate',
      strategy: 'canary',
      strategy_data: {
        parameters: parameters(),
        desired_switched_traffic: 10,
        switched_traffic: 10,
        amount_instances_to_wait: 1,
        launched_instances: 1,
        healthy_instances: 1,
        canary: {
          steps: [
            { traffic: 10, pause_in_seconds: 600 },
            { traffic: 50, pause_in_seconds: 900 },
            { traffic: 100, pause_in_seconds: null },
          ],
          current_step: 0,
        },
      },
      status_started_at: {
        creating: '2026-01-18T11:40:02.331Z',
        waiting_for_instances: '2026-01-18T11:40:19.840Z',
        running: '2026-01-18T11:42:07.391Z',
      },
      created_by: FIXTURE_USER_ID,
      expires_at: '2026-01-18T13:42:07.391Z',
      deployment_token: 'dep-5be82f91-0d6c-4a37-9e15-c4a7d3b0f826',
      messages: [
        {
          level: 'INFO',
          message: 'Canary step 1 of 3: 10% of the traffic',
          timestamp: epoch('2026-01-18T11:42:07.391Z'),
        },
      ],
      created_at: '2026-01-18T11:40:02.405Z',
      updated_at: '2026-01-18T11:42:07.430Z',
    }),
    finalizedInitial(ids.scopes.mexico, {
      id: ids.deployments.mexicoInitial,
      release_id: ids.releases.v100,
      created: '2025-12-23T10:44:51.260Z',
      running: '2025-12-23T10:46:58.019Z',
      finalized: '2025-12-23T10:47:35.844Z',
      token: 'dep-c6d2a0f7-3e9b-4185-b8a4-7d1f5e2c9b03',
      instances: 1,
    }),
    // Waiting for an approval: a status the local platform never produces (docs' notification example).
    deployment(byScopeId(ids.scopes.mexico), {
      id: ids.deployments.awaitingApproval,
      release_id: ids.releases.v110,
      status: 'creating_approval',
      status_in_scope: 'candidate',
      strategy: 'blue_green',
      strategy_data: { parameters: parameters() },
      status_started_at: { creating_approval: '2026-01-19T16:30:55.118Z' },
      created_by: FIXTURE_USER_ID,
      expires_at: null,
      deployment_token: 'dep-0f4b8d26-9a1e-4c73-a2d5-e8c6b3f7a914',
      deployment_group_id: 877312054,
      messages: [
        {
          level: 'INFO',
          message: 'Waiting for approval: production deployments need a second reviewer',
          timestamp: epoch('2026-01-19T16:30:55.118Z'),
        },
      ],
      created_at: '2026-01-19T16:30:55.190Z',
      updated_at: '2026-01-19T16:30:55.190Z',
    }),
  ];

  // Strategy 10 is the one context.json's deployment points at (`external_strategy_id: 10`); the first two are the
  // docs' own examples (name, description, nrn and dimensions as the docs send them).
  const strategies = [
    deploymentStrategy({
      id: ids.strategies.blueGreenRollback,
      name: 'Blue-Green with HTTP error rollback',
      description: 'Gradual traffic shift with rollback if error rate exceeds 0.3',
      nrn: playground.nrn,
      dimensions: { environment: 'staging' },
      defaults: {
        metrics: { enabled: true, rules: [{ metric: 'http.error_rate', operation: 'greater_than', threshold: 0.3 }] },
        traffic: { enable_auto_switch: true, step: '0.1', interval: 30 },
      },
      created_at: '2025-05-15T21:40:02.118Z',
    }),
    deploymentStrategy({
      id: ids.strategies.allIn,
      name: 'All In',
      description: 'Switches all traffic instantly with no rollback',
      nrn: playground.nrn,
      dimensions: { environment: 'staging' },
      defaults: {
        metrics: { enabled: false, rules: [] },
        traffic: { enable_auto_switch: true, step: '1', interval: 10 },
      },
      created_at: '2025-05-15T21:41:37.560Z',
    }),
    deploymentStrategy({
      id: ids.strategies.productionArgentina,
      name: 'Production Argentina',
      description: 'A quarter of the traffic every minute; roll back on errors or slow answers',
      nrn: tools.nrn,
      dimensions: { environment: 'production', country: 'argentina' },
      defaults: {
        metrics: {
          enabled: true,
          rules: [
            { metric: 'http.error_rate', operation: 'greater_than', threshold: 0.05 },
            { metric: 'http.response_time', operation: 'greater_than', threshold: 800 },
          ],
        },
        traffic: { enable_auto_switch: true, step: '0.25', interval: 60 },
      },
      created_at: '2025-12-22T19:10:44.903Z',
    }),
    // Another account's: never offered for a scope of the Playground account.
    deploymentStrategy({
      id: ids.strategies.acmeCareful,
      name: 'Acme careful',
      description: 'Five percent every two minutes',
      nrn: acme.nrn,
      dimensions: {},
      defaults: {
        metrics: { enabled: false, rules: [] },
        traffic: { enable_auto_switch: true, step: '0.05', interval: 120 },
      },
      created_at: '2024-03-11T14:30:00.000Z',
    }),
  ];

  return {
    strategies,
    accounts: [playground, acme],
    namespaces: [tools, payments, storefront],
    applications: [automation, paymentsApi, storefrontWeb],
    builds,
    assets,
    releases,
    scopes,
    deployments,
  };
}
