/**
 * Small builders of API entities, valid against the contract schemas. Each call gets a fresh id unless one is given.
 */
import type { Account } from '@contract/account';
import type { Application } from '@contract/application';
import type { Asset } from '@contract/asset';
import type { Build } from '@contract/build';
import type { ConsoleInfo, ScopeRuntime } from '@contract/console';
import type { Deployment } from '@contract/deployment';
import type { DeploymentStrategyEntity } from '@contract/deployment-strategy';
import type { MetricEvaluation } from '@contract/metric-evaluation';
import type { Namespace } from '@contract/namespace';
import type { Release } from '@contract/release';
import type { Scope } from '@contract/scope';
import type { TestTrafficStatus } from '@contract/test-traffic';

let nextId = 100;
export function resetIds(): void {
  nextId = 100;
}
function id(): number {
  return nextId++;
}

/** An ISO timestamp `minutesAgo` minutes before now. */
export function minutesAgo(minutes: number): string {
  return new Date(Date.now() - minutes * 60_000).toISOString();
}

export function buildApplication(overrides: Partial<Application> = {}): Application {
  const appId = overrides.id ?? id();
  return {
    id: appId,
    name: `app-${appId}`,
    slug: `app-${appId}`,
    status: 'active',
    namespace_id: 1,
    repository_url: `https://github.com/acme/app-${appId}`,
    nrn: `organization=1:account=1:namespace=1:application=${appId}`,
    created_at: minutesAgo(60 * 24),
    updated_at: minutesAgo(60),
    ...overrides,
  };
}

export function buildAccount(overrides: Partial<Account> & { id: number }): Account {
  return {
    name: `Account ${overrides.id}`,
    slug: `account-${overrides.id}`,
    organization_id: 42,
    status: 'active',
    nrn: `organization=42:account=${overrides.id}`,
    ...overrides,
  };
}

export function buildNamespace(overrides: Partial<Namespace> & { id: number }): Namespace {
  return {
    name: `Namespace ${overrides.id}`,
    slug: `namespace-${overrides.id}`,
    account_id: 1,
    status: 'active',
    nrn: `organization=1:account=1:namespace=${overrides.id}`,
    ...overrides,
  };
}

export function buildAsset(overrides: Partial<Asset> & { build_id: number }): Asset {
  return { id: id(), name: 'main', type: 'docker-image', url: 'file:demo-apps/hello', ...overrides };
}

export function buildBuild(overrides: Partial<Build> & { application_id: number }): Build {
  const buildId = overrides.id ?? id();
  return {
    id: buildId,
    status: 'successful',
    branch: 'main',
    commit: { id: `${buildId}`.padEnd(40, 'a'), permalink: `https://github.com/acme/app/commit/${buildId}` },
    description: `Build ${buildId}`,
    created_at: minutesAgo(buildId % 50),
    updated_at: minutesAgo(1),
    ...overrides,
  };
}

export function buildRelease(overrides: Partial<Release> & { application_id: number; build_id: number }): Release {
  return {
    id: id(),
    semver: '1.0.0',
    status: 'active',
    created_at: minutesAgo(30),
    updated_at: minutesAgo(30),
    ...overrides,
  };
}

export function buildScope(overrides: Partial<Scope> & { application_id: number }): Scope {
  const scopeId = overrides.id ?? id();
  return {
    id: scopeId,
    name: `scope-${scopeId}`,
    slug: `scope-${scopeId}`,
    type: 'web_pool_k8s',
    status: 'active',
    dimensions: { environment: 'production' },
    domain: `127.0.0.1:${5000 + scopeId}`,
    asset_name: 'main',
    active_deployment: null,
    in_progress_deployment: null,
    nrn: `organization=1:account=1:namespace=1:application=${overrides.application_id}:scope=${scopeId}`,
    created_at: minutesAgo(120),
    ...overrides,
  };
}

export function buildDeployment(overrides: Partial<Deployment> & { scope_id: number; release_id: number }): Deployment {
  return {
    id: id(),
    status: 'finalized',
    status_in_scope: 'active',
    strategy: 'initial',
    strategy_data: {},
    messages: [],
    created_at: minutesAgo(20),
    updated_at: minutesAgo(10),
    ...overrides,
  };
}

export function buildConsoleInfo(overrides: Partial<ConsoleInfo> = {}): ConsoleInfo {
  return {
    mode: 'local',
    upstream: null,
    live_events: true,
    version: '0.1.0',
    health_timeout_ms: 60_000,
    ...overrides,
  };
}

export function buildRuntime(overrides: Partial<ScopeRuntime> & { scope_id: number }): ScopeRuntime {
  return { address: '127.0.0.1:5000', health_check_path: '/health', instances: [], ...overrides };
}

/** GET /console/scope/:id/test-traffic for a scope whose console never sent it test traffic. */
export function idleTestTraffic(scopeId: number, overrides: Partial<TestTrafficStatus> = {}): TestTrafficStatus {
  return {
    scope_id: scopeId,
    running: false,
    rate_per_second: null,
    duration_seconds: null,
    path: null,
    address: null,
    started_at: null,
    ends_at: null,
    ended_at: null,
    end_reason: null,
    sent: 0,
    failed: 0,
    last_failure: null,
    ...overrides,
  };
}

export function buildStrategy(
  overrides: Partial<DeploymentStrategyEntity> & { name: string },
): DeploymentStrategyEntity {
  return {
    id: id(),
    description: null,
    nrn: 'organization=1:account=1',
    dimensions: {},
    parameters: { traffic: { enable_auto_switch: true, step: '0.1', interval: 30 } },
    scope_type_ids: [],
    created_by: null,
    updated_by: null,
    created_at: minutesAgo(60),
    updated_at: minutesAgo(60),
    ...overrides,
  };
}

/** One check of a deployment's rules, `secondsAgo` seconds ago. */
export function buildEvaluation(
  overrides: Partial<MetricEvaluation> & { deployment_id: number; secondsAgo?: number },
): MetricEvaluation {
  const { secondsAgo = 5, ...fields } = overrides;
  return {
    id: id(),
    evaluated_at: new Date(Date.now() - secondsAgo * 1000).toISOString(),
    window_seconds: 60,
    requests: 40,
    min_requests: 20,
    verdict: 'passed',
    results: [],
    ...fields,
  };
}
