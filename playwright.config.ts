import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { defineConfig } from '@playwright/test';

import { chromiumUse, sharedSettings, sharedUse } from './e2e/playwright-shared';

/**
 * E2E journeys run against the real console server (temporary data folder, demo seed) serving the built SPA; the
 * browser settings both configs share are in e2e/playwright-shared.ts.
 */
const port = Number(process.env['E2E_PORT'] ?? 4317);
const dataDir = process.env['E2E_DATA'] ?? mkdtempSync(join(tmpdir(), 'np-console-e2e-'));

export default defineConfig({
  testDir: 'e2e',
  // The connected-mode journeys (through a local platform, and through nullplatform's real shapes) have their own
  // servers: playwright.connected.config.ts.
  testIgnore: ['connected/**', 'real-shapes/**'],
  timeout: 120_000,
  ...sharedSettings,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    ...sharedUse,
  },
  projects: [
    {
      name: 'chromium',
      use: chromiumUse,
    },
  ],
  webServer: {
    command: 'node --import tsx server/main.ts',
    url: `http://127.0.0.1:${port}/console/info`,
    reuseExistingServer: false,
    // SIGTERM lets the console stop its instances; Playwright's default SIGKILL would leave them running.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      NP_CONSOLE_DATA: dataDir,
      NP_CONSOLE_SEED: 'demo',
      NP_CONSOLE_HEALTH_TIMEOUT: '8s',
      // Metric rules are checked every 2 s instead of nullplatform's 30 s, so a rollback shows within a journey. Only
      // deployments that carry rules are checked: e2e/progressive-rollback.spec.ts creates the only ones.
      NP_CONSOLE_METRIC_CHECK_INTERVAL: '2s',
    },
  },
});
