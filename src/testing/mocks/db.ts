/**
 * The in-memory platform the MSW handlers serve. Tests seed it; setup-tests empties it after each test.
 */
import type { Account } from '@contract/account';
import type { ActivityEntry, Actor } from '@contract/activity';
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

import { buildConsoleInfo, resetIds } from '../data';

export type Db = {
  info: ConsoleInfo;
  /** When empty, GET /api/namespace answers the namespaces the applications use, as the local platform does. */
  namespaces: Namespace[];
  /** When empty, GET /api/account answers one account per `account_id` the namespaces use. */
  accounts: Account[];
  applications: Application[];
  builds: Build[];
  assets: Asset[];
  releases: Release[];
  scopes: Scope[];
  deployments: Deployment[];
  runtimes: ScopeRuntime[];
  strategies: DeploymentStrategyEntity[];
  /** The local platform's checks of deployments' rollback rules (GET /console/deployment/:id/evaluations). */
  evaluations: MetricEvaluation[];
  /** The local platform's audit trail (GET /console/activity), newest last as it was written. */
  activity: ActivityEntry[];
  actors: Actor[];
  /** Every request the handlers saw, for asserting what the SPA asked for. */
  requests: { method: string; url: URL; body: unknown }[];
};

function empty(): Db {
  return {
    info: buildConsoleInfo(),
    namespaces: [],
    accounts: [],
    applications: [],
    builds: [],
    assets: [],
    releases: [],
    scopes: [],
    deployments: [],
    runtimes: [],
    strategies: [],
    evaluations: [],
    activity: [],
    actors: [],
    requests: [],
  };
}

export const db: Db = empty();

export function resetDb(): void {
  Object.assign(db, empty());
  resetIds();
}

/** The requests made to a path (e.g. '/api/build'), newest last. */
export function requestsTo(pathname: string, method = 'GET') {
  return db.requests.filter((request) => request.url.pathname === pathname && request.method === method);
}
