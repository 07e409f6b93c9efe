import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { defineConfig, devices } from '@playwright/test';

/**
 * E2E journeys run against the real console server (temporary data folder, demo seed) serving the built SPA, in
 * Debian's Chromium. Playwright never downloads a browser here: CHROMIUM_PATH overrides the system binary, and a
 * machine without /usr/bin/chromium falls back to Playwright's own browser if it has one.
 */
const port = Number(process.env['E2E_PORT'] ?? 4317);
const dataDir = process.env['E2E_DATA'] ?? mkdtempSync(join(tmpdir(), 'np-console-e2e-'));
const systemChromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  // The connected-mode journeys have their own servers: playwright.connected.config.ts.
  testIgnore: 'connected/**',
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env['CI'] ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          ...(existsSync(systemChromium) ? { executablePath: systemChromium } : {}),
          args: ['--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
      },
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
    },
  },
});
