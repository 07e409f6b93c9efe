/** Builds, their assets and releases as nullplatform sends them; each type names its source. */
import type { JsonObject } from './json';
import type { Application } from './organization';

/**
 * SOURCE: nullplatform/github-action-build src/client.js and src/enums.js (POST /build body `{status, application_id,
 * commit:{id,permalink}, description, branch}`, statuses pending|in_progress|failed|successful), nullplatform/workflows
 * deploy-analysis/deploy-change-analysis.yaml (reads `build.commit.id`, `build.branch`), nullplatform/ai-plugins
 * np-lake/docs/SCHEMA.md (`created_at`, `updated_at`) — reference §3. `nrn` as context.json's asset nrn implies
 * (`…:application=4:build=5:asset=6`). `metadata` and `assets` only on GET /build/:id (reference §3, D-llm-build).
 */
export type Build = {
  application_id: number;
  assets?: Asset[];
  branch: string;
  commit: { id: string; permalink: string };
  created_at: string;
  description: string;
  id: number;
  metadata?: JsonObject;
  nrn: string;
  status: 'pending' | 'in_progress' | 'failed' | 'successful';
  updated_at: string;
};

export function build(
  parent: Application,
  fields: {
    id: number;
    status: Build['status'];
    branch: string;
    sha: string;
    description: string;
    created_at: string;
    updated_at: string;
    /** Where the commit lives when the application names no repository (`repository_url: null`). */
    repository?: string;
  },
): Build {
  const repository = fields.repository ?? parent.repository_url ?? '';
  return {
    application_id: parent.id,
    branch: fields.branch,
    commit: { id: fields.sha, permalink: `${repository}/commit/${fields.sha}` },
    created_at: fields.created_at,
    description: fields.description,
    id: fields.id,
    nrn: `${parent.nrn}:build=${fields.id}`,
    status: fields.status,
    updated_at: fields.updated_at,
  };
}

/**
 * SOURCE: context.json → `.asset` `{id, build_id, name, type, url, platform, metadata, nrn}` (no timestamps there).
 * context.json's `build_id` (612605537) disagrees with its own nrn (`build=5`); the fixture follows the nrn, so a
 * build owns the assets that name it.
 */
export type Asset = {
  build_id: number;
  id: number;
  metadata: JsonObject;
  name: string;
  nrn: string;
  platform: string;
  type: string;
  url: string;
};

export function asset(
  parent: Build,
  fields: { id: number; name: string; type: 'bundle' | 'docker-image'; url: string },
): Asset {
  return {
    build_id: parent.id,
    id: fields.id,
    metadata: {},
    name: fields.name,
    nrn: `${parent.nrn}:asset=${fields.id}`,
    platform: 'x86_64',
    type: fields.type,
    url: fields.url,
  };
}

/**
 * SOURCE: context.json → `.release` (`semver: "v1.0.0"`, with the `v`); statuses active|pending|deprecated|failed
 * (reference §8b).
 */
export type Release = {
  application_id: number;
  build_id: number;
  created_at: string;
  id: number;
  metadata: JsonObject;
  nrn: string;
  semver: string;
  status: 'active' | 'pending' | 'deprecated' | 'failed';
  updated_at: string;
};

export const releaseStatuses: readonly Release['status'][] = ['active', 'pending', 'deprecated', 'failed'];

export function release(
  parent: Application,
  fields: {
    id: number;
    build_id: number;
    semver: string;
    status: Release['status'];
    created_at: string;
    updated_at: string;
  },
): Release {
  return {
    application_id: parent.id,
    build_id: fields.build_id,
    created_at: fields.created_at,
    id: fields.id,
    metadata: {},
    nrn: `${parent.nrn}:release=${fields.id}`,
    semver: fields.semver,
    status: fields.status,
    updated_at: fields.updated_at,
  };
}
