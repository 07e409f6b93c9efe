import { z } from 'zod';

import {
  enumListParam,
  idInputSchema,
  idListParam,
  idSchema,
  metadataInputSchema,
  metadataSchema,
  pagingQueryShape,
  sortParam,
  timestampSchema,
} from './common';
import { SEMVER_PATTERN } from './semver-pattern';

/**
 * Release statuses as nullplatform documents them (docs.nullplatform.com release statuses; reference §8b). Only
 * `active` is seen in the wild (reference §5); the local platform stores the others and attaches no behaviour to them.
 */
const releaseStatuses = ['active', 'pending', 'deprecated', 'failed'] as const;

export { SEMVER_PATTERN };

/**
 * What a release's `semver` may be on the wire: strict semver 2.0 with at most one leading `v`. nullplatform sends
 * `"semver": "v1.0.0"` (nullplatform/scopes-static-files static-files/deployment/tests/resources/context.json).
 */
const RELEASE_SEMVER_PATTERN = new RegExp(`^v?${SEMVER_PATTERN.source.slice(1)}`);

export function isReleaseSemver(value: string): boolean {
  return RELEASE_SEMVER_PATTERN.test(value);
}

/** The version without its leading `v`: `v1.2.0` and `1.2.0` are the same version. */
export function normalizeSemver(semver: string): string {
  return semver.startsWith('v') ? semver.slice(1) : semver;
}

/**
 * Semver 2.0 precedence (semver.org §11), a leading `v` ignored: negative when `a` comes first. Build metadata does not count.
 * A string that is not a version sorts after every version, by text, so that a list of anything still sorts.
 */
export function compareSemver(a: string, b: string): number {
  const left = parseSemver(a);
  const right = parseSemver(b);
  if (left === undefined || right === undefined) {
    if (left !== undefined) return -1;
    if (right !== undefined) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  for (let index = 0; index < 3; index += 1) {
    const difference = compareNumeric(left.core[index] ?? '0', right.core[index] ?? '0');
    if (difference !== 0) return difference;
  }
  // A version without a pre-release comes after its pre-releases.
  if (left.pre.length === 0 || right.pre.length === 0) return right.pre.length - left.pre.length;
  for (let index = 0; index < Math.max(left.pre.length, right.pre.length); index += 1) {
    const x = left.pre[index];
    const y = right.pre[index];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const difference = compareIdentifier(x, y);
    if (difference !== 0) return difference;
  }
  return 0;
}

type ParsedSemver = { core: string[]; pre: string[] };

function parseSemver(value: string): ParsedSemver | undefined {
  const match = RELEASE_SEMVER_PATTERN.exec(value);
  if (match === null) return undefined;
  return {
    core: [match[1] ?? '0', match[2] ?? '0', match[3] ?? '0'],
    pre: match[4] === undefined ? [] : match[4].split('.'),
  };
}

/** Digit strings of any length (no leading zeros, as the pattern guarantees), compared as numbers. */
function compareNumeric(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Numeric identifiers compare as numbers and come before alphanumeric ones, which compare as ASCII text. */
function compareIdentifier(a: string, b: string): number {
  const aNumeric = /^\d+$/.test(a);
  const bNumeric = /^\d+$/.test(b);
  if (aNumeric && bNumeric) return compareNumeric(a, b);
  if (aNumeric !== bNumeric) return aNumeric ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export const releaseSchema = z.looseObject({
  id: idSchema,
  application_id: idSchema,
  build_id: idSchema,
  semver: z.string(),
  status: z.string(),
  metadata: metadataSchema.optional(),
  created_at: timestampSchema.optional(),
  updated_at: timestampSchema.optional(),
});
export type Release = z.infer<typeof releaseSchema>;

export const releaseListQuerySchema = z.strictObject({
  ...pagingQueryShape,
  sort: sortParam(['id', 'created_at', 'semver'] as const),
  id: idListParam('id'),
  application_id: idListParam('application_id'),
  build_id: idListParam('build_id'),
  status: enumListParam('status', releaseStatuses),
  /** Matches the stored text exactly (`v1.0.0` is not found as `1.0.0`), as a filter on the real API would. */
  semver: z.string().optional(),
});
export type ReleaseListQuery = z.infer<typeof releaseListQuerySchema>;

const semverInputSchema = z
  .string({ error: 'semver must be a string' })
  .regex(RELEASE_SEMVER_PATTERN, 'semver must be a semantic version such as 1.4.0 or v1.4.0');

const releaseStatusInput = z.enum(releaseStatuses, { error: `status must be one of ${releaseStatuses.join(', ')}` });

export const createReleaseBodySchema = z.strictObject({
  status: releaseStatusInput,
  build_id: idInputSchema,
  application_id: idInputSchema,
  semver: semverInputSchema,
  metadata: metadataInputSchema.optional(),
});

export const patchReleaseBodySchema = z.strictObject({
  status: releaseStatusInput.optional(),
  metadata: metadataInputSchema.optional(),
});
