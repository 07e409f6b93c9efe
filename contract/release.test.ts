import { describe, expect, it } from 'vitest';

import { compareSemver, isReleaseSemver, normalizeSemver, SEMVER_PATTERN } from './release';

describe('release versions', () => {
  it('accepts semver with at most one leading v; SEMVER_PATTERN stays strict (the SPA form checks it)', () => {
    for (const version of ['1.0.0', 'v1.0.0', 'v2.0.0-rc.1+build.5', '0.0.1'])
      expect(isReleaseSemver(version), version).toBe(true);
    for (const version of ['vv1.0.0', 'V1.0.0', 'v1.0', '1.0', 'v', '01.0.0', ' 1.0.0'])
      expect(isReleaseSemver(version), version).toBe(false);
    expect(SEMVER_PATTERN.test('v1.0.0')).toBe(false);
    expect(SEMVER_PATTERN.test('1.0.0')).toBe(true);
  });

  it('normalizes v1.2.0 to 1.2.0', () => {
    expect(normalizeSemver('v1.2.0')).toBe('1.2.0');
    expect(normalizeSemver('1.2.0')).toBe('1.2.0');
  });

  it('compares by semver precedence, ignoring a leading v and build metadata', () => {
    const sorted = [
      'v1.10.0',
      '1.9.0',
      '1.0.0',
      'v1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta.11',
      '1.0.0-beta.2',
      'v1.0.0-rc.1',
    ].sort(compareSemver);
    expect(sorted).toEqual([
      'v1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      'v1.0.0-rc.1',
      '1.0.0',
      '1.9.0',
      'v1.10.0',
    ]);
    expect(compareSemver('v1.2.0', '1.2.0')).toBe(0);
    expect(compareSemver('1.2.0+a', '1.2.0+b')).toBe(0);
    expect(compareSemver('99999999999999999999.0.0', '9.0.0')).toBeGreaterThan(0);
    expect(compareSemver('not a version', '1.0.0')).toBeGreaterThan(0);
  });
});
