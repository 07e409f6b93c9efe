/**
 * "What am I deploying" from a real git repository made here: three commits, builds whose `file:` assets point into
 * the repository, and the commits between them read by `GET /console/release-diff`; the fallbacks when git cannot
 * say (the repository host's compare page, or "unknown" with why).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type ReleaseDiff, releaseDiffSchema } from '@contract/release-diff';
import { type Harness, messageOf, startHarness } from '../testing/http-harness';

let h: Harness;
let repo: string;
const commits: string[] = [];

function git(...args: string[]): string {
  return execFileSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    env: {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      HOME: repo,
      GIT_AUTHOR_NAME: 'Ada Lovelace',
      GIT_AUTHOR_EMAIL: 'ada@example.com',
      GIT_COMMITTER_NAME: 'Ada Lovelace',
      GIT_COMMITTER_EMAIL: 'ada@example.com',
      GIT_CONFIG_NOSYSTEM: '1',
    },
  }).trim();
}

function commit(file: string, content: string, subject: string): string {
  writeFileSync(join(repo, 'app', file), content);
  git('add', '-A');
  git('commit', '-q', '-m', subject);
  return git('rev-parse', 'HEAD');
}

beforeAll(async () => {
  h = await startHarness();
  // Under the harness's folder, which is an asset root (as NP_CONSOLE_ASSET_ROOTS would make it).
  repo = join(h.dir, 'repo');
  mkdirSync(join(repo, 'app'), { recursive: true });
  git('init', '-q', '-b', 'main');
  commits.push(
    commit(
      'server.js',
      "require('node:http').createServer((_q, s) => s.end('v1')).listen(process.env.PORT);\n",
      'First greeting page',
    ),
  );
  commits.push(commit('greeting.txt', 'hello\n', 'Greet in the visitor’s language'));
  commits.push(
    commit(
      'server.js',
      "require('node:http').createServer((_q, s) => s.end('v3')).listen(process.env.PORT);\n",
      'Show the release that served the page',
    ),
  );
});
afterAll(async () => {
  await h.close();
});

/** A release of `applicationId` built from `commitId`, its asset at `url`. */
function release(applicationId: number, commitId: string | null, semver: string, url = `file:${join(repo, 'app')}`) {
  return h.store.write((tx) => {
    const build = tx.builds.insert({
      application_id: applicationId,
      status: 'successful',
      branch: 'main',
      commit: commitId === null ? null : { id: commitId, permalink: null },
      description: semver,
    });
    tx.assets.insert({ build_id: build.id, name: 'main', type: 'docker-image', url });
    return tx.releases.insert({ application_id: applicationId, build_id: build.id, semver });
  });
}

function application(repositoryUrl?: string) {
  return h.store.write((tx) =>
    tx.applications.insert({
      name: `diff-${Math.random().toString(36).slice(2, 8)}`,
      namespace_id: 1,
      ...(repositoryUrl ? { repository_url: repositoryUrl } : {}),
    }),
  );
}

async function diff(fromId: number, toId: number): Promise<ReleaseDiff> {
  const response = await h.request('GET', `/console/release-diff?from_release_id=${fromId}&to_release_id=${toId}`);
  expect(response.status, response.text).toBe(200);
  return releaseDiffSchema.parse(response.body);
}

describe('GET /console/release-diff from git', () => {
  it('lists the commits in the candidate and not in the serving release, newest first', async () => {
    const app = application('https://github.com/acme/greeter');
    const serving = release(app.id, commits[0] ?? null, '1.0.0');
    const candidate = release(app.id, commits[2] ?? null, '1.2.0');
    const answer = await diff(serving.id, candidate.id);
    expect(answer.source).toBe('git');
    expect(answer.note).toBeNull();
    expect(answer.commits.map((item) => item.subject)).toEqual([
      'Show the release that served the page',
      'Greet in the visitor’s language',
    ]);
    expect(answer.commits.map((item) => item.id)).toEqual([commits[2], commits[1]]);
    expect(answer.commits[0]).toMatchObject({ author: 'Ada Lovelace', short_id: commits[2]?.slice(0, 7) });
    expect(Date.parse(answer.commits[0]?.date ?? '')).not.toBeNaN();
    expect(answer.removed).toEqual([]);
    expect(answer.truncated).toBe(false);
    expect(answer.from).toMatchObject({
      release_id: serving.id,
      semver: '1.0.0',
      commit_id: commits[0],
      branch: 'main',
    });
    // The host's page is offered too, for the diff itself.
    expect(answer.compare).toEqual({
      host: 'github',
      url: `https://github.com/acme/greeter/compare/${commits[0]}...${commits[2]}`,
    });
  });

  it('lists what a release older than the serving one takes away', async () => {
    const app = application();
    const serving = release(app.id, commits[2] ?? null, '1.2.0');
    const older = release(app.id, commits[1] ?? null, '1.1.0');
    const answer = await diff(serving.id, older.id);
    expect(answer.source).toBe('git');
    expect(answer.commits).toEqual([]);
    expect(answer.removed.map((item) => item.subject)).toEqual(['Show the release that served the page']);
  });

  it('says the code is the same when both builds name one commit', async () => {
    const app = application('https://github.com/acme/greeter');
    const a = release(app.id, commits[1] ?? null, '1.1.0');
    const b = release(app.id, commits[1] ?? null, '1.1.1');
    const answer = await diff(a.id, b.id);
    expect(answer).toMatchObject({ source: 'same', commits: [], compare: null });
    expect(answer.note).toBe(`both releases are built from commit ${commits[1]?.slice(0, 12)}: the code is the same`);
  });
});

describe('GET /console/release-diff without git', () => {
  it("links the host's compare page when the repository lacks a commit, saying why", async () => {
    const app = application('https://gitlab.com/acme/greeter');
    const serving = release(app.id, 'deadbeefdeadbeefdeadbeefdeadbeefdeadbeef', '0.9.0');
    const candidate = release(app.id, commits[2] ?? null, '1.2.0');
    const answer = await diff(serving.id, candidate.id);
    expect(answer.source).toBe('compare_link');
    expect(answer.compare).toEqual({
      host: 'gitlab',
      url: `https://gitlab.com/acme/greeter/-/compare/deadbeefdeadbeefdeadbeefdeadbeefdeadbeef...${commits[2]}`,
    });
    expect(answer.note).toBe(`the git repository at ${repo} does not have commit deadbeefdead`);
  });

  it('says "unknown" with why when there is neither git nor a known host', async () => {
    const app = application('https://git.example.com/acme/greeter');
    const outside = application();
    const serving = release(app.id, commits[0] ?? null, '1.0.0', 'registry.example.com/greeter:1.0.0');
    const candidate = release(app.id, commits[2] ?? null, '1.2.0', 'registry.example.com/greeter:1.2.0');
    const answer = await diff(serving.id, candidate.id);
    expect(answer.source).toBe('unknown');
    expect(answer.compare).toBeNull();
    expect(answer.note).toBe(
      'neither build has a local (file:) asset whose folder git could read; and no compare page: git.example.com is not GitHub, GitLab or Bitbucket: its compare page is unknown',
    );

    const noCommit = release(outside.id, null, '2.0.0');
    const withCommit = release(outside.id, commits[0] ?? null, '2.0.1');
    const unknown = await diff(noCommit.id, withCommit.id);
    expect(unknown.source).toBe('unknown');
    expect(unknown.note).toMatch(
      /^build #\d+ \(release 2\.0\.0, the serving one\) has no commit id; and no compare page: the application has no repository_url$/,
    );
  });

  it('never gives git an option for a commit id', async () => {
    const app = application('https://github.com/acme/greeter');
    const serving = release(app.id, '--output=/tmp/owned', '1.0.0');
    const candidate = release(app.id, commits[2] ?? null, '1.2.0');
    const answer = await diff(serving.id, candidate.id);
    expect(answer.source).toBe('unknown');
    expect(answer.note).toContain('names commit "--output=/tmp/owned", which is not a git commit id');
  });

  it('refuses unknown releases, releases of two applications and bad parameters', async () => {
    const a = release(application().id, commits[0] ?? null, '1.0.0');
    const b = release(application().id, commits[1] ?? null, '1.0.0');
    const notFound = await h.request('GET', `/console/release-diff?from_release_id=${a.id}&to_release_id=999999`);
    expect(notFound.status).toBe(404);
    expect(messageOf(notFound)).toBe('release 999999 not found');
    const apart = await h.request('GET', `/console/release-diff?from_release_id=${a.id}&to_release_id=${b.id}`);
    expect(apart.status).toBe(400);
    expect(messageOf(apart)).toMatch(/only releases of one application can be compared$/);
    const bad = await h.request('GET', '/console/release-diff?from_release_id=x');
    expect(bad.status).toBe(400);
    expect(messageOf(bad)).toBe(
      'from_release_id: from_release_id must be a positive integer id; Missing parameter: to_release_id',
    );
  });
});
