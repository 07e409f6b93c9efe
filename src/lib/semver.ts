/**
 * Release versions: the next patch/minor/major after an application's latest release. nullplatform's releases may
 * carry a leading `v` (`v1.0.0`, reference §8b): it is accepted, ignored when comparing, and kept in suggestions when
 * the application's latest release uses it.
 */
import { SEMVER_PATTERN } from '@contract/semver-pattern';
import inc from 'semver/functions/inc';
import rcompare from 'semver/functions/rcompare';
import valid from 'semver/functions/valid';

/** `1.0.0` from `v1.0.0`: the version without its optional leading `v`. */
export function normalizeSemver(value: string): string {
  return value.trim().replace(/^v(?=\d)/, '');
}

export function isValidSemver(value: string): boolean {
  return SEMVER_PATTERN.test(normalizeSemver(value));
}

/** The highest valid version of a list (pre-releases count as lower than their release), or undefined. */
export function latestSemver(versions: readonly string[]): string | undefined {
  const sorted = versions.filter(isValidSemver).sort((a, b) => rcompare(normalizeSemver(a), normalizeSemver(b)));
  return sorted[0];
}

export type NextVersions = { patch: string; minor: string; major: string };

/** With no previous release the choices start from 0.0.0, and 1.0.0 (major) is the usual first release. */
export function nextVersions(latest: string | undefined): NextVersions {
  const base = latest && valid(normalizeSemver(latest)) ? normalizeSemver(latest) : '0.0.0';
  const prefix = latest?.trim().startsWith('v') ? 'v' : '';
  return {
    patch: prefix + (inc(base, 'patch') ?? '0.0.1'),
    minor: prefix + (inc(base, 'minor') ?? '0.1.0'),
    major: prefix + (inc(base, 'major') ?? '1.0.0'),
  };
}

export type Bump = keyof NextVersions;

/** The suggested bump: patch after an existing release, major (1.0.0) for the first one. */
export function suggestedBump(latest: string | undefined): Bump {
  return latest ? 'patch' : 'major';
}

/** True when `candidate` is a lower version than `current` (both valid semver, `v` ignored); false when either isn't. */
export function isOlderVersion(candidate: string | undefined, current: string | undefined): boolean {
  if (candidate === undefined || current === undefined || !isValidSemver(candidate) || !isValidSemver(current))
    return false;
  return rcompare(normalizeSemver(candidate), normalizeSemver(current)) > 0;
}
