/**
 * `npm start` in connected mode, as a child process: a bad address, an unreachable API or a rejected key stops
 * start-up with one clear line on stderr and exit code 1 (no stack trace, never the key); a good key starts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { findFreePort } from '../runtime/free-port';
import { type ChildResult, runMain, secretKey, startUpstream, type Upstream } from './test-support';

const goodKey = secretKey('start-good');
const badKey = secretKey('start-bad');
let upstream: Upstream;
let dataDir: string;

beforeAll(async () => {
  upstream = await startUpstream({ apiKeys: [goodKey] });
  dataDir = mkdtempSync(join(tmpdir(), 'np-console-start-'));
});
afterAll(async () => {
  await upstream?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const env = (overrides: Record<string, string>) => ({
  PORT: '0',
  NP_CONSOLE_DATA: join(dataDir, 'unused'),
  ...overrides,
});

function expectCleanFailure(result: ChildResult, key: string): string {
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(`${result.stdout}${result.stderr}`).not.toContain(key);
  return result.stderr.trim();
}

describe('starting in connected mode', () => {
  it('stops with a clear message when the key is rejected', async () => {
    const result = await runMain(env({ NP_API_URL: upstream.apiUrl, NP_API_KEY: badKey }));
    expect(expectCleanFailure(result, badKey)).toBe(
      `np-console cannot start: the nullplatform API at 127.0.0.1:${upstream.port} rejected the API key (NP_API_KEY) with 401: invalid API key; check NP_API_KEY`,
    );
  });

  it('stops with a clear message when the API is unreachable', async () => {
    const port = await findFreePort('127.0.0.1');
    const result = await runMain(env({ NP_API_URL: `http://127.0.0.1:${port}`, NP_API_KEY: badKey }));
    expect(expectCleanFailure(result, badKey)).toBe(
      `np-console cannot start: the nullplatform API at 127.0.0.1:${port} is unreachable: connect ECONNREFUSED 127.0.0.1:${port}; check NP_API_URL and the network`,
    );
  });

  it('stops with a clear message when NP_API_URL is not an API address, or a variable is missing', async () => {
    const badUrl = await runMain(env({ NP_API_URL: 'ftp://api.example', NP_API_KEY: badKey }));
    expect(expectCleanFailure(badUrl, badKey)).toBe(
      'np-console cannot start:\n  - NP_API_URL: NP_API_URL must start with http:// or https:// (got "ftp:" in "ftp://api.example")',
    );
    const noKey = await runMain(env({ NP_API_URL: 'https://api.nullplatform.com' }));
    expect(expectCleanFailure(noKey, badKey)).toMatch(
      /NP_API_KEY is missing: connected mode needs both NP_API_URL and NP_API_KEY/,
    );
  });

  it('starts with a good key and says where it is connected, never printing the key', async () => {
    const result = await runMain(env({ NP_API_URL: upstream.apiUrl, NP_API_KEY: goodKey }), {
      readyPattern: /is running at/,
    });
    expect(result.stdout).toMatch(
      new RegExp(
        `^np-console is running at http://127\\.0\\.0\\.1:\\d+, connected to the nullplatform API at 127\\.0\\.0\\.1:${upstream.port} \\(organization 1\\)$`,
        'm',
      ),
    );
    expect(result.code).toBe(0);
    expect(`${result.stdout}${result.stderr}`).not.toContain(goodKey);
  });
});

describe('starting on a HOST other than loopback', () => {
  it('refuses without NP_CONSOLE_ALLOW_REMOTE=1, saying why', async () => {
    const result = await runMain(env({ HOST: '0.0.0.0', NP_API_URL: upstream.apiUrl, NP_API_KEY: goodKey }));
    expect(expectCleanFailure(result, goodKey)).toBe(
      'np-console cannot start:\n  - HOST: HOST=0.0.0.0 would make the console reachable from the network, where nothing authenticates its ' +
        'users; use HOST=127.0.0.1, or also set NP_CONSOLE_ALLOW_REMOTE=1 if that is what you want',
    );
  });

  it('starts with NP_CONSOLE_ALLOW_REMOTE=1, with a warning first', async () => {
    const result = await runMain(
      env({ HOST: '0.0.0.0', NP_CONSOLE_ALLOW_REMOTE: '1', NP_API_URL: upstream.apiUrl, NP_API_KEY: goodKey }),
      {
        readyPattern: /is running at/,
      },
    );
    expect(result.stderr.trim()).toBe(
      "np-console: warning: HOST=0.0.0.0 and NP_CONSOLE_ALLOW_REMOTE=1 make the console reachable from the network: anyone who reaches it acts with the API key's permissions",
    );
    expect(result.stdout).toMatch(/^np-console is running at http:\/\/127\.0\.0\.1:\d+, connected to/m);
    expect(result.code).toBe(0);
  });
});
