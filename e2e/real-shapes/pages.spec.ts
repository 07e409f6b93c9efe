/**
 * Every page of the console, read through connected mode from an upstream that answers in nullplatform's real shapes
 * (the fixture's seeded organization, server/testing/nullplatform-fixture/world.ts): each page shows its names, never
 * "Unexpected response" nor "Couldn't load", and nothing the browser sees fails or leaks (test.ts watches).
 */
import { ids } from '../../server/testing/nullplatform-fixture/world';
import { expectStatus } from '../deployment-page';
import { fixturePort } from './settings';
import { expect, expectNoLoadError, startFromSeededOrganization, test } from './test';

startFromSeededOrganization();

const automation = ids.applications.automation;

test('applications: an Account and a Namespace picker, the first of each chosen, and switching shows the other applications', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('connection')).toHaveText(`Connected to 127.0.0.1:${fixturePort} · org 1`);
  const account = page.getByRole('combobox', { name: 'Account' });
  const namespace = page.getByRole('combobox', { name: 'Namespace' });
  await expect(account).toHaveValue(String(ids.accounts.playground));
  await expect(namespace).toHaveValue(String(ids.namespaces.tools));
  await expect(page.getByRole('link', { name: 'Automation', exact: true })).toBeVisible();
  await expectNoLoadError(page);

  // Another account: its first namespace, its applications.
  await account.selectOption(String(ids.accounts.acme));
  await expect(page).toHaveURL(new RegExp(`[?&]account_id=${ids.accounts.acme}\\b`));
  await expect(namespace).toHaveValue(String(ids.namespaces.storefront));
  await expect(page.getByRole('link', { name: 'Storefront Web', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Automation', exact: true })).toHaveCount(0);
  await expectNoLoadError(page);

  // Back to the first account, its other namespace.
  await account.selectOption(String(ids.accounts.playground));
  await expect(namespace).toHaveValue(String(ids.namespaces.tools));
  await namespace.selectOption(String(ids.namespaces.payments));
  await expect(page).toHaveURL(new RegExp(`[?&]namespace_id=${ids.namespaces.payments}\\b`));
  await expect(page).toHaveURL(new RegExp(`[?&]account_id=${ids.accounts.playground}\\b`));
  // The application without a repository (repository_url: null) and with tags as an object.
  await expect(page.getByRole('link', { name: 'Payments API', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Automation', exact: true })).toHaveCount(0);
  await expectNoLoadError(page);

  // The choice survives a reload: it is in the URL.
  await page.reload();
  await expect(account).toHaveValue(String(ids.accounts.playground));
  await expect(namespace).toHaveValue(String(ids.namespaces.payments));
  await expect(page.getByRole('link', { name: 'Payments API', exact: true })).toBeVisible();
});

test('application, its builds and a build', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Automation', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/applications/${automation}$`));
  await expect(page.getByRole('heading', { name: 'Automation', level: 1 })).toBeVisible();
  await expectNoLoadError(page);

  await page.getByRole('link', { name: 'Builds' }).first().click();
  await expect(page).toHaveURL(new RegExp(`/applications/${automation}/builds`));
  // Successful, failed and in-progress builds, each with its description.
  for (const description of [
    'Retry failed sync jobs with backoff',
    'Move the cron jobs to the v2 scheduler',
    'Bump Node.js to 20.19',
  ]) {
    await expect(page.getByText(description).first()).toBeVisible();
  }
  await expectNoLoadError(page);

  await page.getByRole('link', { name: `#${ids.builds.retry}`, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/builds/${ids.builds.retry}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(String(ids.builds.retry));
  await expect(page.getByText('Retry failed sync jobs with backoff').first()).toBeVisible();
  await expectNoLoadError(page);
});

test('releases: v-prefixed versions in every status', async ({ page }) => {
  await page.goto(`/applications/${automation}/releases`);
  await expect(page.getByRole('heading', { name: 'Releases', level: 1 })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Automation', exact: true }),
  ).toBeVisible();
  for (const semver of ['v1.0.0', 'v1.1.0', 'v0.9.0', 'v1.2.0', 'v1.2.1']) {
    await expect(page.getByText(semver, { exact: true }).first()).toBeVisible();
  }
  await expectNoLoadError(page);
});

test('scopes: the list, a custom scope with an empty domain, and an older scope with map-shaped capabilities', async ({
  page,
}) => {
  await page.goto(`/applications/${automation}/scopes`);
  for (const name of ['Development tools', 'Production', 'Staging (legacy)', 'Production Chile', 'Production Mexico']) {
    await expect(page.getByRole('link', { name, exact: true }).first()).toBeVisible();
  }
  await expectNoLoadError(page);

  await page.getByRole('link', { name: 'Production', exact: true }).first().click();
  await expect(page).toHaveURL(new RegExp(`/scopes/${ids.scopes.production}$`));
  await expect(page.getByRole('heading', { name: 'Production', level: 1 })).toBeVisible();
  await expect(page.getByText('custom', { exact: true }).first()).toBeVisible();
  // `domain: ""` and `domains: []`: no address, shown as a dash.
  const address = page
    .locator('dt')
    .filter({ hasText: /^(Address|Domain)$/i })
    .locator('xpath=following-sibling::dd[1]');
  await expect(address).toHaveText('—');
  // What a custom scope needs is its type's own; instance health lives in nullplatform, and the page does not ask the
  // console for a runtime it has only on the local platform (the watch fails the test on any 4xx).
  await expect(page.getByTestId('nullplatform-needs')).toContainText("Its scope type's own definition");
  await expect(page.getByTestId('instance-health-elsewhere')).toContainText("nullplatform's own UI");
  await expect(page.getByTestId('local-needs')).toHaveCount(0);
  await expectNoLoadError(page);

  await page.goto(`/scopes/${ids.scopes.staging}`);
  await expect(page.getByRole('heading', { name: 'Staging (legacy)', level: 1 })).toBeVisible();
  await expect(page.getByText('web_pool_k8s', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('automation-staging.playground.nullapps.io').first()).toBeVisible();
  await expect(page.getByTestId('nullplatform-needs')).toContainText('The app listens on port 8080.');
  await expectNoLoadError(page);
});

test('deployments: the list names each deployment’s release and scope', async ({ page }) => {
  await page.goto(`/applications/${automation}/deployments`);
  await expect(page.getByRole('heading', { name: 'Deployments', level: 1 })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Automation', exact: true }),
  ).toBeVisible();
  for (const name of [
    'Development tools',
    'Production',
    'Staging (legacy)',
    'Production Chile',
    'Production Mexico',
    'v1.0.0',
    'v1.1.0',
    'v0.9.0',
  ]) {
    await expect(page.getByText(name, { exact: true }).first()).toBeVisible();
  }
  await expectNoLoadError(page);
});

test('deployment pages: finalized initial, rolled back and failed', async ({ page }) => {
  await page.goto(`/deployments/${ids.deployments.developmentInitial}`);
  await expectStatus(page, 'finalized');
  await expect(page.getByText('v1.0.0', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('Development tools', { exact: true }).first()).toBeVisible();
  await expectNoLoadError(page);

  await page.goto(`/deployments/${ids.deployments.rolledBack}`);
  await expectStatus(page, 'rolled_back');
  await expect(page.getByText('v1.1.0', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('Staging (legacy)', { exact: true }).first()).toBeVisible();
  await expectNoLoadError(page);

  await page.goto(`/deployments/${ids.deployments.failed}`);
  await expectStatus(page, 'failed');
  await expect(page.getByText('Staging (legacy)', { exact: true }).first()).toBeVisible();
  // Its messages (read with include_messages=true) say why.
  await expect(
    page.getByText('Instances did not pass the health check at /health within 600 seconds').first(),
  ).toBeVisible();
  await expectNoLoadError(page);
});

test('deployment pages: a canary and one awaiting approval show their data and say why they offer no actions', async ({
  page,
}) => {
  await page.goto(`/deployments/${ids.deployments.canary}`);
  await expectStatus(page, 'running');
  await expect(page.getByText('v1.1.0', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('Production Chile', { exact: true }).first()).toBeVisible();
  await expect(page.getByText(/canary/i).first()).toBeVisible();
  await expect(page.getByTestId('read-only-reason')).toBeVisible();
  await expect(page.getByTestId('read-only-reason')).not.toBeEmpty();
  await expect(page.getByRole('button', { name: 'Finalize' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Roll back' })).toHaveCount(0);
  await expectNoLoadError(page);

  await page.goto(`/deployments/${ids.deployments.awaitingApproval}`);
  await expectStatus(page, 'creating_approval');
  await expect(page.getByText('v1.1.0', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('Production Mexico', { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId('read-only-reason')).toBeVisible();
  await expect(page.getByTestId('read-only-reason')).not.toBeEmpty();
  await expect(page.getByRole('button', { name: 'Finalize' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Roll back' })).toHaveCount(0);
  await expectNoLoadError(page);
});
