/**
 * What "what am I deploying" shows, whichever way it was found: the local platform's answer (git, a link, unknown)
 * or, in connected mode, the compare page the SPA works out itself from `repository_url` and the two commits.
 */
import { COMPARE_HOST_LABELS, type CompareHost, compareLink, isCommitId } from '@contract/compare-link';

import type { DiffCommit, ReleaseDiff } from '@/lib/read/release-diff';

export type DiffSide = { semver: string | undefined; commit: string | null | undefined };

export type CompareTarget = { label: string; url: string };

export type DiffViewModel =
  | { kind: 'same'; note: string }
  | {
      kind: 'git';
      commits: DiffCommit[];
      removed: DiffCommit[];
      truncated: boolean;
      compare: CompareTarget | undefined;
    }
  | { kind: 'link'; compare: CompareTarget; note: string | undefined }
  | { kind: 'unknown'; note: string };

function isHost(value: string | undefined): value is CompareHost {
  return value === 'github' || value === 'gitlab' || value === 'bitbucket';
}

function target(
  compare: { host?: string | undefined; url?: string | undefined } | null | undefined,
): CompareTarget | undefined {
  if (compare?.url === undefined) return undefined;
  return { label: isHost(compare.host) ? COMPARE_HOST_LABELS[compare.host] : 'the repository host', url: compare.url };
}

/** The local platform's answer (GET /console/release-diff). */
export function fromReleaseDiff(diff: ReleaseDiff): DiffViewModel {
  const compare = target(diff.compare);
  const note = diff.note ?? undefined;
  switch (diff.source) {
    case 'same':
      return { kind: 'same', note: note ?? 'both releases are built from the same commit' };
    case 'git':
      return {
        kind: 'git',
        commits: diff.commits ?? [],
        removed: diff.removed ?? [],
        truncated: diff.truncated === true,
        compare,
      };
    case 'compare_link':
      return compare ? { kind: 'link', compare, note } : { kind: 'unknown', note: note ?? 'no compare page' };
    default:
      return { kind: 'unknown', note: note ?? `the platform answered "${diff.source}"` };
  }
}

/** Connected mode: the repository host's compare page from the application's repository_url, or why there is none. */
export function fromRepository(repositoryUrl: string | null | undefined, from: DiffSide, to: DiffSide): DiffViewModel {
  if (isCommitId(from.commit) && from.commit === to.commit) {
    return {
      kind: 'same',
      note: `both releases are built from commit ${from.commit.slice(0, 12)}: the code is the same`,
    };
  }
  const link = compareLink(repositoryUrl, from.commit, to.commit);
  if (link.ok)
    return { kind: 'link', compare: { label: COMPARE_HOST_LABELS[link.host], url: link.url }, note: undefined };
  return { kind: 'unknown', note: link.reason };
}
