/** "What am I deploying" as the SPA reads `GET /console/release-diff` (contract/release-diff.ts, local platform only). */
import { z } from 'zod/mini';

import {
  booleanField,
  idField,
  nullableTextField,
  shownObject,
  textField,
  timeField,
  tolerantObject,
} from './tolerant';

const commitReader = tolerantObject(
  { id: textField },
  { short_id: textField, author: textField, date: timeField, subject: textField },
);
export type DiffCommit = z.output<typeof commitReader>;

const sideReader = tolerantObject(
  { release_id: idField, build_id: idField },
  { semver: nullableTextField, commit_id: nullableTextField, branch: nullableTextField },
);

export const releaseDiffReader = tolerantObject(
  { source: z.string(), from: sideReader, to: sideReader },
  {
    commits: z.array(commitReader),
    removed: z.array(commitReader),
    truncated: booleanField,
    compare: z.nullable(shownObject({ host: textField, url: textField })),
    repository_url: nullableTextField,
    note: nullableTextField,
  },
);
export type ReleaseDiff = z.output<typeof releaseDiffReader>;
