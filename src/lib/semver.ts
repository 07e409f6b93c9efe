/** Release versions: the next patch/minor/major after an application's latest release. */
import { SEMVER_PATTERN } from '@contract/release';
import inc from 'semver/functions/inc';
import rcompare from 'semver/functions/rcompare';
import valid from 'semver/functions/valid';

export function isValidSemver(value: string): boolean {
  return SEMVER_PATTERN.test(value);
}

/** The highest valid version of a list (pre-releases count as lower than their release), or undefined. */
export function latestSemver(versions: readonly string[]): string | undefined {
  const sorted = versions.filter((version) => valid(version) !== null).sort((a, b) => rcompare(a, b));
  return sorted[0];
}

export type NextVersions = { patch: string; minor: string; major: string };

/** With no previous release the choices start from 0.0.0, and 1.0.0 (major) is the usual first release. */
export function nextVersions(latest: string | undefined): NextVersions {
  const base = latest && valid(latest) ? latest : '0.0.0';
  return {
    patch: inc(base, 'patch') ?? '0.0.1',
    minor: inc(base, 'minor') ?? '0.1.0',
    major: inc(base, 'major') ?? '1.0.0',
  };
}

export type Bump = keyof NextVersions;

/** The suggested bump: patch after an existing release, major (1.0.0) for the first one. */
export function suggestedBump(latest: string | undefined): Bump {
  return latest ? 'patch' : 'major';
}
