/**
 * "What am I deploying" on the local platform: the commits between the builds of two releases, from git when an
 * asset folder of theirs is in a repository that has both commits, else the repository host's compare page, else
 * "unknown" with why (contract/release-diff.ts).
 */
import { type CompareLink, compareLink, isCommitId } from '@contract/compare-link';
import { type DiffCommit, MAX_DIFF_COMMITS, type ReleaseDiff, type ReleaseDiffSide } from '@contract/release-diff';
import type { Release } from '@contract/release';
import { type AssetPlacement, assetFolder } from '../engine/asset-launch';
import type { Store } from '../store/store';
import { commitsBetween } from './git-log';

type Side = ReleaseDiffSide & { folders: string[]; folderProblems: string[] };

function sideOf(store: Store, release: Release, placement: AssetPlacement): Side {
  const build = store.builds.get(release.build_id, { withAssets: true });
  const folders: string[] = [];
  const folderProblems: string[] = [];
  for (const asset of build?.assets ?? []) {
    const folder = assetFolder(asset.url, placement);
    if (folder === undefined) continue;
    if (folder.ok) folders.push(folder.path);
    else folderProblems.push(`asset "${asset.name}": ${folder.message}`);
  }
  return {
    release_id: release.id,
    semver: release.semver,
    build_id: release.build_id,
    commit_id: build?.commit?.id ?? null,
    branch: build?.branch ?? null,
    folders,
    folderProblems,
  };
}

function publicSide({ folders: _folders, folderProblems: _problems, ...side }: Side): ReleaseDiffSide {
  return side;
}

export async function releaseDiff(
  store: Store,
  from: Release,
  to: Release,
  placement: AssetPlacement,
): Promise<ReleaseDiff> {
  const a = sideOf(store, from, placement);
  const b = sideOf(store, to, placement);
  const repositoryUrl = store.applications.get(to.application_id)?.repository_url ?? null;
  const link: CompareLink = compareLink(repositoryUrl, a.commit_id, b.commit_id);
  const base = {
    from: publicSide(a),
    to: publicSide(b),
    commits: [],
    removed: [],
    truncated: false,
    compare: link.ok ? { host: link.host, url: link.url } : null,
    repository_url: repositoryUrl,
  };

  if (a.commit_id !== null && a.commit_id === b.commit_id) {
    return {
      ...base,
      source: 'same',
      compare: null,
      note: `both releases are built from commit ${a.commit_id.slice(0, 12)}: the code is the same`,
    };
  }

  const git = await readGit(a, b);
  if (git.ok)
    return { ...base, source: 'git', commits: git.commits, removed: git.removed, truncated: git.truncated, note: null };
  if (link.ok) return { ...base, source: 'compare_link', note: git.reason };
  return { ...base, source: 'unknown', note: `${git.reason}; and no compare page: ${link.reason}` };
}

type GitAnswer =
  { ok: true; commits: DiffCommit[]; removed: DiffCommit[]; truncated: boolean } | { ok: false; reason: string };

/** The commits from git, trying the candidate's asset folders first, or why git cannot say. */
async function readGit(a: Side, b: Side): Promise<GitAnswer> {
  if (!isCommitId(a.commit_id)) return { ok: false, reason: describeCommit('serving', a) };
  if (!isCommitId(b.commit_id)) return { ok: false, reason: describeCommit('candidate', b) };
  const folders = [...new Set([...b.folders, ...a.folders])];
  if (folders.length === 0) {
    const problems = [...b.folderProblems, ...a.folderProblems];
    return {
      ok: false,
      reason:
        problems.length > 0
          ? `git cannot be read: ${problems.join('; ')}`
          : 'neither build has a local (file:) asset whose folder git could read',
    };
  }
  const reasons: string[] = [];
  for (const folder of folders) {
    const range = await commitsBetween(folder, a.commit_id, b.commit_id, MAX_DIFF_COMMITS);
    if (range.ok) return range;
    if (!reasons.includes(range.reason)) reasons.push(range.reason);
  }
  return { ok: false, reason: reasons.join('; ') };
}

function describeCommit(side: 'serving' | 'candidate', release: Side): string {
  const which = `build #${release.build_id} (release ${release.semver}, the ${side} one)`;
  return release.commit_id === null
    ? `${which} has no commit id`
    : `${which} names commit "${release.commit_id}", which is not a git commit id`;
}
