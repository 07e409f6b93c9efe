/**
 * "What am I deploying": the commits between two releases (`GET /console/release-diff`, local platform only).
 *
 * `source` says how the answer was found, in the order tried:
 * - `same`: both releases' builds name the same commit, nothing changes in the code;
 * - `git`: the candidate's (or else the serving release's) `file:` asset folder is in a git repository holding both
 *   commits: `commits` are those in `to` and not in `from` (`git log from..to`), `removed` those in `from` and not in
 *   `to` (a release older than the one serving takes them away), newest first, at most MAX_DIFF_COMMITS each;
 * - `compare_link`: the repository host's compare page, from the application's `repository_url` (compare-link.ts);
 * - `unknown`: neither; `note` says why.
 * `note` also says why git could not list the commits when a link is given instead.
 */
import { z } from 'zod';

import { idSchema } from './common';
import { compareHosts } from './compare-link';

/** At most this many commits are listed each way; `truncated` says there were more. */
export const MAX_DIFF_COMMITS = 200;

const idParam = (name: string) =>
  z.coerce
    .number({ error: `${name} must be a positive integer id` })
    .int(`${name} must be a positive integer id`)
    .positive(`${name} must be a positive integer id`);

export const releaseDiffQuerySchema = z.strictObject({
  /** The release serving (or the older side). */
  from_release_id: idParam('from_release_id'),
  /** The candidate (or the newer side). */
  to_release_id: idParam('to_release_id'),
});
export type ReleaseDiffQuery = z.infer<typeof releaseDiffQuerySchema>;

export const diffCommitSchema = z.looseObject({
  id: z.string(),
  short_id: z.string(),
  author: z.string(),
  /** Author date, ISO-8601. */
  date: z.string(),
  subject: z.string(),
});
export type DiffCommit = z.infer<typeof diffCommitSchema>;

export const releaseDiffSideSchema = z.looseObject({
  release_id: idSchema,
  semver: z.string().nullable(),
  build_id: idSchema,
  commit_id: z.string().nullable(),
  branch: z.string().nullable(),
});
export type ReleaseDiffSide = z.infer<typeof releaseDiffSideSchema>;

export const releaseDiffSources = ['same', 'git', 'compare_link', 'unknown'] as const;
export type ReleaseDiffSource = (typeof releaseDiffSources)[number];

export const releaseDiffSchema = z.looseObject({
  from: releaseDiffSideSchema,
  to: releaseDiffSideSchema,
  source: z.enum(releaseDiffSources),
  commits: z.array(diffCommitSchema),
  removed: z.array(diffCommitSchema),
  truncated: z.boolean(),
  compare: z.looseObject({ host: z.enum(compareHosts), url: z.string() }).nullable(),
  repository_url: z.string().nullable(),
  note: z.string().nullable(),
});
export type ReleaseDiff = z.infer<typeof releaseDiffSchema>;
