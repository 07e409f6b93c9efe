import { describe, expect, test } from 'vitest';

import { cliSnippets, listSnippet, shellQuote } from '../cli-snippets';
import { formatAge, formatDuration, shortCommit } from '../format';
import { DEFAULT_PAGE_LIMIT as CONTRACT_PAGE_LIMIT } from '@contract/common';

import { DEFAULT_PAGE_LIMIT, readEnum, readPaging, withChanges } from '../search-params';
import { isOlderVersion, isValidSemver, latestSemver, nextVersions, normalizeSemver, suggestedBump } from '../semver';

describe('semver', () => {
  test('an older version, v prefix or not; invalid versions are never older', () => {
    expect(isOlderVersion('1.0.0', '1.1.0')).toBe(true);
    expect(isOlderVersion('v1.2.0', '1.10.0')).toBe(true);
    expect(isOlderVersion('1.1.0', '1.1.0')).toBe(false);
    expect(isOlderVersion('2.0.0', '1.9.9')).toBe(false);
    expect(isOlderVersion('1.0.0-rc.1', '1.0.0')).toBe(true);
    expect(isOlderVersion('latest', '1.0.0')).toBe(false);
    expect(isOlderVersion('1.0.0', undefined)).toBe(false);
  });

  test('the latest of a list, by semver order rather than text order', () => {
    expect(latestSemver(['1.2.0', '1.10.0', '1.9.9', 'garbage', '2.0.0-rc.1'])).toBe('2.0.0-rc.1');
    expect(latestSemver(['1.2.0', '1.10.0', '1.9.9'])).toBe('1.10.0');
    expect(latestSemver([])).toBeUndefined();
  });

  test('next patch, minor and major', () => {
    expect(nextVersions('1.10.0')).toEqual({ patch: '1.10.1', minor: '1.11.0', major: '2.0.0' });
    expect(nextVersions('2.0.0-rc.1')).toEqual({ patch: '2.0.0', minor: '2.0.0', major: '2.0.0' });
    expect(nextVersions(undefined)).toEqual({ patch: '0.0.1', minor: '0.1.0', major: '1.0.0' });
    expect(suggestedBump(undefined)).toBe('major');
    expect(suggestedBump('1.0.0')).toBe('patch');
  });

  test('a v-prefixed history (source: nullplatform/scopes-static-files context.json, "semver": "v1.0.0") stays v-prefixed', () => {
    expect(latestSemver(['v1.0.0', '1.2.0', 'v1.10.0'])).toBe('v1.10.0');
    expect(nextVersions('v1.0.0')).toEqual({ patch: 'v1.0.1', minor: 'v1.1.0', major: 'v2.0.0' });
    expect(normalizeSemver('v1.0.0')).toBe('1.0.0');
  });

  test('valid semver follows the contract pattern, with the leading v nullplatform releases may carry', () => {
    expect(isValidSemver('1.4.0')).toBe(true);
    expect(isValidSemver('1.4.0-rc.1+build.5')).toBe(true);
    expect(isValidSemver('v1.4.0')).toBe(true);
    expect(isValidSemver('vv1.4.0')).toBe(false);
    expect(isValidSemver('V1.4.0')).toBe(false);
    expect(isValidSemver('1.4')).toBe(false);
    expect(isValidSemver('01.4.0')).toBe(false);
  });
});

describe('cli snippets', () => {
  test('np and curl for a release', () => {
    const snippet = cliSnippets.createRelease({ status: 'active', build_id: 5, application_id: 2, semver: '1.0.1' });
    expect(snippet.np).toBe(
      `np release create --body '{"status":"active","build_id":5,"application_id":2,"semver":"1.0.1"}'`,
    );
    expect(snippet.curl).toBe(
      `curl -X POST "$NP_API_URL/release" -H "Authorization: Bearer $NP_TOKEN" -H 'Content-Type: application/json' -d '{"status":"active","build_id":5,"application_id":2,"semver":"1.0.1"}'`,
    );
  });

  test('patches for traffic, finalize and cancel', () => {
    expect(cliSnippets.setTraffic(12, 30).np).toBe(
      `np deployment patch --id 12 --body '{"strategy_data":{"desired_switched_traffic":30}}'`,
    );
    expect(cliSnippets.finalizeDeployment(12).curl).toBe(
      `curl -X PATCH "$NP_API_URL/deployment/12" -H "Authorization: Bearer $NP_TOKEN" -H 'Content-Type: application/json' -d '{"status":"finalizing"}'`,
    );
    expect(cliSnippets.cancelDeployment(12).np).toContain(`'{"status":"cancelling"}'`);
  });

  test('lists use flags for np and a query string for curl; quotes survive the shell', () => {
    expect(listSnippet('build', { application_id: 3, branch: "it's" })).toEqual({
      np: `np build list --application_id 3 --branch 'it'\\''s'`,
      curl: `curl "$NP_API_URL/build?application_id=3&branch=it%27s" -H "Authorization: Bearer $NP_TOKEN"`,
    });
    expect(shellQuote("a'b")).toBe(`'a'\\''b'`);
  });
});

describe('format', () => {
  const now = Date.parse('2026-11-27T12:00:00Z');
  test('relative ages', () => {
    expect(formatAge('2026-11-27T11:59:50Z', now)).toBe('just now');
    expect(formatAge('2026-11-27T11:57:00Z', now)).toBe('3 min ago');
    expect(formatAge('2026-11-27T10:00:00Z', now)).toBe('2 h ago');
    expect(formatAge('2026-11-26T12:00:00Z', now)).toBe('yesterday');
    expect(formatAge('2026-11-22T12:00:00Z', now)).toBe('5 days ago');
    expect(formatAge(undefined, now)).toBe('—');
    expect(formatAge('not a date', now)).toBe('—');
  });

  test('durations and commits', () => {
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(185_000)).toBe('3 min 5 s');
    expect(formatDuration(7_800_000)).toBe('2 h 10 min');
    expect(formatDuration(47 * 3_600_000)).toBe('47 h');
    expect(formatDuration(7555 * 3_600_000 + 34 * 60_000)).toBe('314 d 19 h');
    expect(formatDuration(72 * 3_600_000)).toBe('3 d');
    expect(shortCommit('0123456789abcdef0123')).toBe('0123456');
    expect(shortCommit('v1-tag')).toBe('v1-tag');
  });
});

describe('search params', () => {
  test("the default page is the platform's", () => {
    expect(DEFAULT_PAGE_LIMIT).toBe(CONTRACT_PAGE_LIMIT);
  });

  test('paging is read defensively', () => {
    expect(readPaging(new URLSearchParams('limit=10&offset=20'))).toEqual({ limit: 10, offset: 20 });
    expect(readPaging(new URLSearchParams('limit=9999&offset=-3'))).toEqual({ limit: 100, offset: 0 });
    expect(readPaging(new URLSearchParams('limit=abc'))).toEqual({ limit: 30, offset: 0 });
  });

  test('enums outside their set are ignored', () => {
    expect(readEnum(new URLSearchParams('status=failed'), 'status', ['failed', 'successful'])).toBe('failed');
    expect(readEnum(new URLSearchParams('status=bogus'), 'status', ['failed', 'successful'])).toBeUndefined();
  });

  test('changing a filter goes back to the first page; empty values are removed', () => {
    const params = new URLSearchParams('status=failed&offset=30&branch=main');
    expect(withChanges(params, { status: 'successful' }).toString()).toBe('status=successful&branch=main');
    expect(withChanges(params, { branch: '' }).toString()).toBe('status=failed');
    expect(withChanges(params, { offset: 60 }).toString()).toBe('status=failed&offset=60&branch=main');
    expect(withChanges(params, { offset: 0 }).toString()).toBe('status=failed&branch=main');
  });
});
