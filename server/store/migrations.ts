/**
 * Versioned schema migrations. `PRAGMA user_version` records how many have been applied; each one runs in its own
 * transaction together with the version bump, so a crash leaves the database at a whole version.
 *
 * Migrations are frozen once released: change the schema by appending a new one, never by editing an old one.
 */
import type BetterSqlite3 from 'better-sqlite3';

import { migrateApplicationTags } from './application-tags-migration';

export type Migration = { version: number; name: string; up: (db: BetterSqlite3.Database) => void };

const initialSchema = `
CREATE TABLE applications (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  name                TEXT    NOT NULL,
  slug                TEXT    NOT NULL,
  status              TEXT    NOT NULL,
  namespace_id        INTEGER NOT NULL,
  repository_url      TEXT,
  repository_app_path TEXT,
  is_mono_repo        INTEGER NOT NULL DEFAULT 0,
  template_id         INTEGER,
  tags                TEXT    NOT NULL DEFAULT '[]',
  metadata            TEXT    NOT NULL DEFAULT '{}',
  nrn                 TEXT    NOT NULL DEFAULT '',
  created_at          TEXT    NOT NULL,
  updated_at          TEXT    NOT NULL
);
CREATE INDEX applications_by_namespace ON applications (namespace_id, id);
CREATE INDEX applications_by_status    ON applications (status, id);
CREATE INDEX applications_by_name      ON applications (name, id);
CREATE INDEX applications_by_created   ON applications (created_at, id);

CREATE TABLE builds (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  application_id   INTEGER NOT NULL REFERENCES applications (id),
  status           TEXT    NOT NULL,
  branch           TEXT,
  commit_id        TEXT,
  commit_permalink TEXT,
  description      TEXT,
  metadata         TEXT    NOT NULL DEFAULT '{}',
  created_at       TEXT    NOT NULL,
  updated_at       TEXT    NOT NULL
);
CREATE INDEX builds_by_app_created        ON builds (application_id, created_at, id);
CREATE INDEX builds_by_app_status_created ON builds (application_id, status, created_at, id);
CREATE INDEX builds_by_app_branch_created ON builds (application_id, branch, created_at, id);
CREATE INDEX builds_by_app_id             ON builds (application_id, id);
CREATE INDEX builds_by_app_status_id      ON builds (application_id, status, id);
CREATE INDEX builds_by_created            ON builds (created_at, id);
CREATE INDEX builds_by_status_created     ON builds (status, created_at, id);
CREATE INDEX builds_by_commit             ON builds (commit_id);

CREATE TABLE assets (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  build_id   INTEGER NOT NULL REFERENCES builds (id),
  name       TEXT    NOT NULL,
  type       TEXT    NOT NULL,
  url        TEXT    NOT NULL,
  platform   TEXT,
  metadata   TEXT    NOT NULL DEFAULT '{}',
  created_at TEXT    NOT NULL,
  updated_at TEXT    NOT NULL
);
CREATE UNIQUE INDEX assets_name_per_build ON assets (build_id, name);
CREATE INDEX assets_by_build_id           ON assets (build_id, id);
CREATE INDEX assets_by_name               ON assets (name, id);
CREATE INDEX assets_by_created            ON assets (created_at, id);

CREATE TABLE releases (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  application_id INTEGER NOT NULL REFERENCES applications (id),
  build_id       INTEGER NOT NULL REFERENCES builds (id),
  semver         TEXT    NOT NULL,
  -- Sorts in semver precedence order (see semverSortKey in releases-repository.ts).
  semver_key     TEXT    NOT NULL,
  status         TEXT    NOT NULL,
  metadata       TEXT    NOT NULL DEFAULT '{}',
  created_at     TEXT    NOT NULL,
  updated_at     TEXT    NOT NULL
);
CREATE UNIQUE INDEX releases_semver_per_app ON releases (application_id, semver);
CREATE INDEX releases_by_app_id             ON releases (application_id, id);
CREATE INDEX releases_by_app_created        ON releases (application_id, created_at, id);
CREATE INDEX releases_by_build              ON releases (build_id, id);
CREATE INDEX releases_by_created            ON releases (created_at, id);
CREATE INDEX releases_by_semver             ON releases (semver, id);
CREATE INDEX releases_by_app_semver_key     ON releases (application_id, semver_key, id);

CREATE TABLE scopes (
  id                     INTEGER PRIMARY KEY AUTOINCREMENT,
  application_id         INTEGER NOT NULL REFERENCES applications (id),
  name                   TEXT    NOT NULL,
  slug                   TEXT    NOT NULL,
  type                   TEXT    NOT NULL,
  status                 TEXT    NOT NULL,
  dimensions             TEXT    NOT NULL DEFAULT '{}',
  domain                 TEXT,
  asset_name             TEXT,
  capabilities           TEXT    NOT NULL DEFAULT '{}',
  tier                   TEXT,
  active_deployment      INTEGER,
  in_progress_deployment INTEGER,
  metadata               TEXT    NOT NULL DEFAULT '{}',
  nrn                    TEXT    NOT NULL DEFAULT '',
  created_at             TEXT    NOT NULL,
  updated_at             TEXT    NOT NULL
);
-- A deleted scope frees its name (nullplatform renames deleted scopes for the same reason).
CREATE UNIQUE INDEX scopes_name_per_app ON scopes (application_id, name) WHERE status <> 'deleted';
CREATE INDEX scopes_by_app_id           ON scopes (application_id, id);
CREATE INDEX scopes_by_status           ON scopes (status, id);
CREATE INDEX scopes_by_type             ON scopes (type, id);
CREATE INDEX scopes_by_name             ON scopes (name, id);
CREATE INDEX scopes_by_created          ON scopes (created_at, id);

CREATE TABLE deployments (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  scope_id            INTEGER NOT NULL REFERENCES scopes (id),
  release_id          INTEGER NOT NULL REFERENCES releases (id),
  application_id      INTEGER NOT NULL REFERENCES applications (id),
  status              TEXT    NOT NULL,
  status_in_scope     TEXT,
  strategy            TEXT    NOT NULL,
  strategy_data       TEXT    NOT NULL DEFAULT '{}',
  status_started_at   TEXT    NOT NULL DEFAULT '{}',
  parameters          TEXT    NOT NULL DEFAULT '[]',
  asset_name          TEXT,
  description         TEXT,
  metadata            TEXT    NOT NULL DEFAULT '{}',
  deployment_token    TEXT,
  deployment_group_id INTEGER,
  created_by          INTEGER,
  updated_by          INTEGER,
  nrn                 TEXT    NOT NULL DEFAULT '',
  created_at          TEXT    NOT NULL,
  updated_at          TEXT    NOT NULL,
  expires_at          TEXT
);
-- One in-flight deployment per scope, enforced by the database as well as by the HTTP layer.
CREATE UNIQUE INDEX deployments_one_in_flight_per_scope ON deployments (scope_id)
  WHERE status IN ('creating_approval', 'creating', 'waiting_for_instances', 'running', 'finalizing', 'cancelling', 'rolling_back');
CREATE INDEX deployments_by_scope_created  ON deployments (scope_id, created_at, id);
CREATE INDEX deployments_by_scope_id       ON deployments (scope_id, id);
CREATE INDEX deployments_by_scope_status   ON deployments (scope_id, status);
CREATE INDEX deployments_by_scope_in_scope ON deployments (scope_id, status_in_scope);
CREATE INDEX deployments_by_app_created    ON deployments (application_id, created_at, id);
CREATE INDEX deployments_by_app_id         ON deployments (application_id, id);
CREATE INDEX deployments_by_release        ON deployments (release_id, id);
CREATE INDEX deployments_by_status         ON deployments (status, created_at, id);
CREATE INDEX deployments_by_created        ON deployments (created_at, id);
CREATE INDEX deployments_by_group          ON deployments (deployment_group_id);

CREATE TABLE deployment_messages (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  deployment_id INTEGER NOT NULL REFERENCES deployments (id),
  level         TEXT    NOT NULL CHECK (level IN ('INFO', 'WARNING', 'ERROR')),
  message       TEXT    NOT NULL,
  timestamp     INTEGER NOT NULL
);
CREATE INDEX deployment_messages_by_deployment ON deployment_messages (deployment_id, id);
`;

/**
 * `v1.2.0` and `1.2.0` are one version (nullplatform sends `v`-prefixed semvers, nullplatform/scopes-static-files
 * static-files/deployment/tests/resources/context.json): one release per version, enforced by the database as well
 * as by the HTTP layer. Versions were refused with a `v` before, so no stored pair can conflict.
 */
const oneReleasePerVersion = `
CREATE UNIQUE INDEX releases_version_per_app
  ON releases (application_id, CASE WHEN substr(semver, 1, 1) = 'v' THEN substr(semver, 2) ELSE semver END);
`;

/**
 * The local platform's one account, in nullplatform's account shape (nullplatform/scopes-static-files
 * static-files/deployment/tests/resources/context.json). Its ids are ACCOUNT_ID and ORGANIZATION_ID (both 1), which
 * every NRN already names. It is as old as the oldest application, or as the upgrade when there is none.
 * The repository fields are nominal: the local platform creates no repositories (the demo's live under
 * github.com/np-console-demo).
 */
const theAccount = `
CREATE TABLE accounts (
  id                  INTEGER PRIMARY KEY,
  name                TEXT    NOT NULL,
  slug                TEXT    NOT NULL,
  status              TEXT    NOT NULL,
  organization_id     INTEGER NOT NULL,
  repository_prefix   TEXT,
  repository_provider TEXT,
  settings            TEXT    NOT NULL DEFAULT '{}',
  metadata            TEXT    NOT NULL DEFAULT '{}',
  nrn                 TEXT    NOT NULL,
  created_at          TEXT    NOT NULL,
  updated_at          TEXT    NOT NULL
);
INSERT INTO accounts (id, name, slug, status, organization_id, repository_prefix, repository_provider, nrn, created_at, updated_at)
SELECT 1, 'Local platform', 'local-platform', 'active', 1, 'np-console-demo', 'github', 'organization=1:account=1', at, at
FROM (SELECT COALESCE((SELECT MIN(created_at) FROM applications), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) AS at);
`;

/**
 * Every check of a deployment's metric rules (issue 11), kept for the deployment page and
 * `GET /console/deployment/:id/evaluations`; the latest one also times the next check after a restart.
 */
const metricEvaluations = `
CREATE TABLE metric_evaluations (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  deployment_id  INTEGER NOT NULL REFERENCES deployments (id),
  evaluated_at   TEXT    NOT NULL,
  window_seconds INTEGER NOT NULL,
  requests       INTEGER NOT NULL,
  min_requests   INTEGER NOT NULL,
  verdict        TEXT    NOT NULL CHECK (verdict IN ('passed', 'broken', 'not_enough_requests')),
  results        TEXT    NOT NULL
);
CREATE INDEX metric_evaluations_by_deployment ON metric_evaluations (deployment_id, id);
`;

/** Deployment strategies (reference §8): `parameters` holds the values a deployment copies (contract/deployment-strategy.ts). */
const deploymentStrategies = `
CREATE TABLE deployment_strategies (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  name           TEXT    NOT NULL,
  description    TEXT,
  nrn            TEXT    NOT NULL,
  dimensions     TEXT    NOT NULL DEFAULT '{}',
  parameters     TEXT    NOT NULL,
  scope_type_ids TEXT    NOT NULL DEFAULT '[]',
  created_by     INTEGER,
  updated_by     INTEGER,
  created_at     TEXT    NOT NULL,
  updated_at     TEXT    NOT NULL
);
`;

/**
 * The audit trail (issue 12, contract/activity.ts): who wrote what, when, from → to, and why. `actors` gives every
 * writer the number `created_by`/`updated_by` hold, with its readable name. Entries keep the ids of the application,
 * scope and deployment they concern, so each feed is one index range.
 */
const activity = `
CREATE TABLE actors (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  name       TEXT    NOT NULL UNIQUE,
  kind       TEXT    NOT NULL CHECK (kind IN ('console', 'api_key', 'engine')),
  created_at TEXT    NOT NULL
);
CREATE TABLE activity (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  at             TEXT    NOT NULL,
  actor_id       INTEGER NOT NULL REFERENCES actors (id),
  action         TEXT    NOT NULL,
  entity_kind    TEXT    NOT NULL,
  entity_id      INTEGER,
  application_id INTEGER,
  scope_id       INTEGER,
  deployment_id  INTEGER,
  changes        TEXT    NOT NULL DEFAULT '[]',
  reason         TEXT
);
CREATE INDEX activity_by_application ON activity (application_id, id);
CREATE INDEX activity_by_scope       ON activity (scope_id, id);
CREATE INDEX activity_by_deployment  ON activity (deployment_id, id);
CREATE INDEX activity_by_actor       ON activity (actor_id, id);
CREATE INDEX activity_by_action      ON activity (action, id);
`;

/**
 * Namespace names. The local platform's namespaces are still the ones its applications use (namespaces-repository.ts);
 * a row here only names one, and a namespace without a row keeps the derived "Namespace <id>". A data folder the demo
 * was seeded into (its applications' repositories are the demo's) gets the demo's name for its namespace, as a new
 * seed does (seed/seed-demo.ts); no other namespace had a name to keep.
 */
const namespaceNames = `
CREATE TABLE namespaces (
  id   INTEGER PRIMARY KEY,
  name TEXT    NOT NULL,
  slug TEXT    NOT NULL UNIQUE
);
INSERT INTO namespaces (id, name, slug)
SELECT DISTINCT namespace_id, 'Demo', 'demo' FROM applications
WHERE repository_url LIKE 'https://github.com/np-console-demo/%'
ORDER BY namespace_id LIMIT 1;
`;

export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial schema', up: (db) => db.exec(initialSchema) },
  // The column keeps its old default ('[]', unused: every insert writes tags); SQLite cannot change it in place.
  { version: 2, name: 'application tags are an object', up: migrateApplicationTags },
  {
    version: 3,
    name: 'one release per version, with or without a leading v',
    up: (db) => db.exec(oneReleasePerVersion),
  },
  { version: 4, name: "the local platform's account", up: (db) => db.exec(theAccount) },
  { version: 5, name: 'metric rule evaluations', up: (db) => db.exec(metricEvaluations) },
  { version: 6, name: 'deployment strategies', up: (db) => db.exec(deploymentStrategies) },
  { version: 7, name: 'activity and actors', up: (db) => db.exec(activity) },
  { version: 8, name: 'namespace names', up: (db) => db.exec(namespaceNames) },
];

export function schemaVersion(db: BetterSqlite3.Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/** Applies every migration newer than the database; refuses a database written by a newer console. */
export function migrate(db: BetterSqlite3.Database, list: readonly Migration[] = migrations): number {
  const latest = list.at(-1)?.version ?? 0;
  const current = schemaVersion(db);
  if (current > latest) {
    throw new Error(
      `the database is at schema version ${current}, newer than this console knows (${latest}); upgrade the console`,
    );
  }
  for (const migration of list) {
    if (migration.version <= schemaVersion(db)) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return schemaVersion(db);
}
