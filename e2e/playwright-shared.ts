/**
 * What both Playwright configs share: Debian's Chromium (Playwright never downloads a browser here; CHROMIUM_PATH
 * overrides it, and a machine without it falls back to Playwright's own browser if it has one) and one worker, since
 * the journeys share one console server's state.
 */
import { existsSync } from 'node:fs';

import { devices, type PlaywrightTestConfig } from '@playwright/test';

const systemChromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const chromiumUse: PlaywrightTestConfig['use'] = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    ...(existsSync(systemChromium) ? { executablePath: systemChromium } : {}),
    args: [
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
};

export const sharedSettings = {
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env['CI'] ? 1 : 0,
  reporter: [['list']],
} satisfies PlaywrightTestConfig;

export const sharedUse = {
  trace: 'retain-on-failure',
  screenshot: 'only-on-failure',
} satisfies PlaywrightTestConfig['use'];
