/**
 * An upstream outage seen from the browser. Playwright's webServers can't be stopped mid-run, so this spec starts its
 * own pair: an upstream (a token-protected local platform) and a connected console in front of it. It kills the
 * upstream, sees the banner over the last good data, starts the upstream again on the same port and data, and sees
 * the banner go away by itself — the connected console stayed up throughout and renewed its token (the restarted
 * upstream forgot the old one) without anyone noticing.
 */
import { expect, test } from '@playwright/test';

import { freePort, type RunningConsole, startConsole, tempDir } from './spawn-console';

test.beforeEach(({}, testInfo) => {
  testInfo.skip(
    testInfo.project.name !== 'connected',
    'runs through connected mode: npx playwright test -c playwright.connected.config.ts',
  );
});

const KEY = 'e2e-outage-key';

test('the upstream goes down: a banner over the last data, and it goes away when the upstream is back', async ({
  page,
}) => {
  const upstreamData = tempDir('outage-upstream');
  const connectedData = tempDir('outage-connected');
  const upstreamPort = await freePort();
  const connectedPort = await freePort();
  const upstreamEnv = {
    NP_CONSOLE_DATA: upstreamData.path,
    NP_CONSOLE_SEED: 'none',
    NP_CONSOLE_REQUIRE_TOKEN: '1',
    NP_CONSOLE_API_KEYS: KEY,
  };
  let upstream: RunningConsole | undefined;
  let connected: RunningConsole | undefined;
  try {
    upstream = await startConsole(upstreamPort, upstreamEnv);
    // Something to show: one application, created on the upstream with a token of our own.
    const token = await fetch(`${upstream.url}/api/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ apikey: KEY }),
    }).then(async (response) => ((await response.json()) as { access_token: string }).access_token);
    const created = await fetch(`${upstream.url}/api/application`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        name: 'storefront',
        namespace_id: 1,
        repository_url: 'https://github.com/acme/storefront',
      }),
    });
    expect(created.ok, await created.clone().text()).toBe(true);

    connected = await startConsole(connectedPort, {
      NP_CONSOLE_DATA: connectedData.path,
      NP_API_URL: `${upstream.url}/api`,
      NP_API_KEY: KEY,
      NP_API_TIMEOUT: '5s',
    });

    await page.goto(`${connected.url}/`);
    const banner = page.getByTestId('upstream-banner');
    const application = page.getByRole('link', { name: 'storefront', exact: true });
    await expect(application).toBeVisible();
    await expect(page).toHaveURL(/\?account_id=1&namespace_id=1$/);
    await expect(banner).toBeHidden();

    // The upstream crashes. The page's next poll (every 15 s, with its retries) finds out.
    await upstream.stop('SIGKILL');
    await expect(banner).toBeVisible({ timeout: 45_000 });
    await expect(banner).toContainText(
      `nullplatform API unreachable: nullplatform API at 127.0.0.1:${upstreamPort} is unreachable`,
    );
    await expect(banner).toContainText('retrying…');
    await expect(banner.getByRole('button', { name: 'Retry now' })).toBeEnabled();
    // The last good data stays on screen, and the console itself is fine.
    await expect(application).toBeVisible();
    expect((await page.request.get(`${connected.url}/console/info`)).ok()).toBe(true);

    // Back on the same port and data: polling (backing off meanwhile) sees it, and the banner goes by itself.
    upstream = await startConsole(upstreamPort, upstreamEnv);
    await expect(banner).toBeHidden({ timeout: 60_000 });
    await expect(application).toBeVisible();
    expect(connected.output()).not.toContain(KEY);
  } finally {
    await connected?.stop();
    await upstream?.stop();
    upstreamData.remove();
    connectedData.remove();
  }
});
