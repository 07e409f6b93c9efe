/**
 * The whole journey, by clicking, through a console in connected mode (playwright.connected.config.ts): its /api is
 * forwarded to a token-protected local platform whose tokens live 20 seconds. Pick the namespace, release a build,
 * deploy it blue/green, move 30% of the traffic and measure it at the scope's address, finalize — with the
 * deployment page following the platform by polling, at least one token renewal on the way that nobody notices, and
 * the API key nowhere the browser could see it.
 */
import { expect, test } from '@playwright/test';

import { expectNoSecretsInPage, watchBrowser } from '../browser-watch';

import { expectStatus, getJson, reviewTrafficWithKeyboard } from '../deployment-page';
import { E2E_API_KEY, E2E_TOKEN_TTL_MS, upstreamPort } from './settings';

test.beforeEach(({}, testInfo) => {
  testInfo.skip(
    testInfo.project.name !== 'connected',
    'runs through connected mode: npx playwright test -c playwright.connected.config.ts',
  );
});

type Listing<T> = { results: T[] };
type Scope = { id: number; name: string; domain: string | null; in_progress_deployment: number | null };

/** The key the console holds; its token is caught by the token words in any /api or /console answer. */
const secretsIn = (text: string) => (text.includes(E2E_API_KEY) ? 'the API key' : undefined);

test('the whole journey through connected mode, across a token renewal, without an error or a leaked key', async ({
  page,
  request,
}) => {
  const watched = watchBrowser(page, secretsIn);
  const banner = page.getByTestId('upstream-banner');

  // The applications page: the header names the upstream, and the namespace picker takes the first namespace.
  await page.goto('/');
  await expect(page.getByTestId('connection')).toHaveText(`Connected to 127.0.0.1:${upstreamPort} · org 1`);
  await expect(page.getByText('Polling')).toBeVisible();
  await expect(page).toHaveURL(/\?account_id=1&namespace_id=1$/);
  await expect(page.getByRole('combobox', { name: 'Namespace' })).toHaveValue('1');
  await page.getByRole('link', { name: 'greeter', exact: true }).click();

  await expect(page.getByRole('heading', { name: 'greeter', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Builds' }).first().click();
  await expect(page).toHaveURL(/\/applications\/1\/builds/);
  await page
    .getByRole('link', { name: /^#4\b|1b2c3d4/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/builds\/4$/);

  await page.getByRole('button', { name: 'Create release' }).click();
  const dialog = page.getByRole('dialog', { name: /Create a release from build #4/ });
  await dialog.getByLabel('Version (semver)').fill('1.4.0');
  await dialog.getByRole('button', { name: 'Create release 1.4.0' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('cell', { name: '1.4.0', exact: true })).toBeVisible();

  // The demo's first deployments must have settled before production takes another one.
  const scopes = await getJson<Listing<Scope>>(request, '/api/scope?application_id=1');
  const production = scopes.results.find((scope) => scope.name === 'production');
  expect(production, 'the production scope').toBeDefined();
  const scopeId = production?.id ?? 0;
  await expect
    .poll(async () => (await getJson<Scope>(request, `/api/scope/${scopeId}`)).in_progress_deployment, {
      timeout: 60_000,
    })
    .toBeNull();

  await page
    .getByRole('row')
    .filter({ hasText: '1.4.0' })
    .getByRole('button', { name: /Deploy/ })
    .click();
  const deploy = page.getByRole('dialog', { name: 'Deploy release 1.4.0' });
  await deploy.getByRole('radio', { name: /production/ }).check();
  await expect(deploy).toContainText(/blue\/green/i);
  await deploy.getByRole('button', { name: 'Deploy 1.4.0 to production' }).click();

  // The deployment page follows the platform by polling (no event stream in connected mode).
  await expect(page).toHaveURL(/\/deployments\/\d+$/);
  const deploymentId = page.url().split('/').pop() ?? '';
  await expectStatus(page, 'running', 60_000);

  const review = await reviewTrafficWithKeyboard(page, 'production', 30);
  await expect(review).toContainText('new (1.4.0) 0% → 30%');
  await review.getByRole('button', { name: 'Move traffic' }).click();
  await expect(review).toBeHidden();
  // The split the platform applies arrives with a poll.
  await expect(page.getByRole('img', { name: /^Serving now: .* 70%, 1\.4\.0 30%$/ })).toBeVisible();

  // Stay on the page (it polls every 2 s while the deployment runs) longer than a token lives: the console renews
  // its token, and the page never notices.
  await page.waitForTimeout(E2E_TOKEN_TTL_MS + 3_000);
  await expect(page.getByRole('img', { name: /^Serving now: .* 70%, 1\.4\.0 30%$/ })).toBeVisible();
  await expect(banner).toBeHidden();

  // Measure at the scope's address, which the connected console reports from the upstream.
  const scope = await getJson<Scope>(request, `/api/scope/${scopeId}`);
  expect(scope.domain).toBeTruthy();
  let fromNew = 0;
  const total = 300;
  for (let batch = 0; batch < total / 20; batch++) {
    const answers = await Promise.all(Array.from({ length: 20 }, () => request.get(`http://${scope.domain}/`)));
    for (const answer of answers) {
      expect(answer.ok()).toBe(true);
      if (answer.headers()['x-np-deployment-id'] === deploymentId) fromNew++;
    }
  }
  const share = (fromNew / total) * 100;
  expect(share).toBeGreaterThanOrEqual(25);
  expect(share).toBeLessThanOrEqual(35);

  await page.getByRole('button', { name: 'Finalize' }).click();
  const finalize = page.getByRole('alertdialog', { name: 'Finalize 1.4.0 on production?' });
  await finalize.getByRole('button', { name: 'Finalize' }).click();
  await expect(finalize).toBeHidden();
  await expectStatus(page, 'finalized', 60_000);
  // Finished: the summary of what it did replaces the traffic control (issue 9, item 12).
  await expect(page.getByTestId('final-split')).toHaveText(/^100% → 1\.4\.0 · 0% → /);

  await expect(banner).toBeHidden();

  // The scope's page: instance health is nullplatform's to show, and the page does not ask the console for the
  // runtime it keeps only on the local platform (any 4xx of a /console request fails this test).
  await page.getByRole('link', { name: 'production' }).first().click();
  await expect(page).toHaveURL(new RegExp(`/scopes/${scopeId}$`));
  await expect(page.getByTestId('instance-health-elsewhere')).toContainText("nullplatform's own UI");
  await expect(page.getByRole('table', { name: 'Deployments of production' })).toBeVisible();

  await expectNoSecretsInPage(page, secretsIn);
  await watched.settled();
  expect(watched.errors).toEqual([]);
  expect(watched.leaks).toEqual([]);
});
