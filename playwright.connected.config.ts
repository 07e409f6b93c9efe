import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { defineConfig } from '@playwright/test';

import { chromiumUse, sharedSettings, sharedUse } from './e2e/playwright-shared';

import { connectedPort, E2E_API_KEY, E2E_TOKEN_TTL_MS, upstreamPort } from './e2e/connected/settings';
import { FIXTURE_API_KEY, fixturePort, realShapesPort } from './e2e/real-shapes/settings';

/**
 * E2E journeys through connected mode, in two projects:
 * - `connected` (e2e/connected): the browser talks to a console in connected mode, which forwards /api to a second
 *   console standing in for nullplatform — a local platform (demo seed) that requires tokens from POST /api/token and
 *   issues them for 20 seconds, so the journeys cross token renewals.
 * - `real-shapes` (e2e/real-shapes): a console in connected mode in front of the nullplatform fixture
 *   (server/testing/nullplatform-fixture), which answers in nullplatform's real shapes and refuses what nullplatform
 *   does not document — what the local platform, being np-console's own API, can never show.
 * All four are real processes, each pair started upstream first (a connected console exchanges its key at start-up).
 * Same browser setup as playwright.config.ts; a separate output folder, so both configs can run at the same time.
 */

// Made once per run: the workers, which load this file again, inherit the variable.
process.env['E2E_UPSTREAM_DATA'] ??= mkdtempSync(join(tmpdir(), 'np-console-e2e-upstream-'));
const upstreamData = process.env['E2E_UPSTREAM_DATA'];
/** Playwright SIGKILLs a webServer by default, which would leave the upstream's app instances running. */
const gracefulShutdown = { signal: 'SIGTERM', timeout: 20_000 } as const;

export default defineConfig({
  // Each project runs its own folder (below).
  testDir: 'e2e',
  // Not wiped by a run of playwright.config.ts (which empties test-results/ as it starts) only when run one after the
  // other, as `npm run test:e2e` does; E2E_CONNECTED_OUTPUT moves it elsewhere for a run alongside.
  outputDir: process.env['E2E_CONNECTED_OUTPUT'] ?? 'test-results/connected',
  timeout: 180_000,
  ...sharedSettings,
  use: {
    baseURL: `http://127.0.0.1:${connectedPort}`,
    ...sharedUse,
  },
  projects: [
    {
      name: 'connected',
      testDir: 'e2e/connected',
      use: chromiumUse,
    },
    {
      name: 'real-shapes',
      testDir: 'e2e/real-shapes',
      use: { ...chromiumUse, baseURL: `http://127.0.0.1:${realShapesPort}`, viewport: { width: 1440, height: 900 } },
    },
  ],
  webServer: [
    {
      // The "organization": a local platform that requires tokens.
      command: 'node --import tsx server/main.ts',
      url: `http://127.0.0.1:${upstreamPort}/console/info`,
      reuseExistingServer: false,
      gracefulShutdown,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        PORT: String(upstreamPort),
        HOST: '127.0.0.1',
        NP_CONSOLE_DATA: upstreamData,
        NP_CONSOLE_SEED: 'demo',
        NP_CONSOLE_HEALTH_TIMEOUT: '8s',
        NP_CONSOLE_REQUIRE_TOKEN: '1',
        NP_CONSOLE_API_KEYS: E2E_API_KEY,
        NP_CONSOLE_TOKEN_TTL: `${E2E_TOKEN_TTL_MS / 1000}s`,
        // Whatever the shell has: this one is the local platform.
        NP_API_URL: '',
        NP_API_KEY: '',
      },
    },
    {
      // The console under test, in connected mode.
      command: 'node --import tsx server/main.ts',
      url: `http://127.0.0.1:${connectedPort}/console/info`,
      reuseExistingServer: false,
      gracefulShutdown,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        PORT: String(connectedPort),
        HOST: '127.0.0.1',
        NP_API_URL: `http://127.0.0.1:${upstreamPort}/api`,
        NP_API_KEY: E2E_API_KEY,
        NP_CONSOLE_REQUIRE_TOKEN: '',
        NP_CONSOLE_API_KEYS: '',
      },
    },
    {
      // The nullplatform fixture: in memory, the same organization on every start. It answers 401 to a call
      // without a token, which Playwright takes as "ready".
      command: 'node --import tsx server/testing/nullplatform-fixture/main.ts',
      url: `http://127.0.0.1:${fixturePort}/account`,
      reuseExistingServer: false,
      gracefulShutdown,
      timeout: 60_000,
      stdout: 'pipe',
      stderr: 'pipe',
      env: { PORT: String(fixturePort), FIXTURE_API_KEY },
    },
    {
      // A console in connected mode in front of the fixture.
      command: 'node --import tsx server/main.ts',
      url: `http://127.0.0.1:${realShapesPort}/console/info`,
      reuseExistingServer: false,
      gracefulShutdown,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        PORT: String(realShapesPort),
        HOST: '127.0.0.1',
        NP_API_URL: `http://127.0.0.1:${fixturePort}`,
        NP_API_KEY: FIXTURE_API_KEY,
        NP_CONSOLE_REQUIRE_TOKEN: '',
        NP_CONSOLE_API_KEYS: '',
      },
    },
  ],
});
