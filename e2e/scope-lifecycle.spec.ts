/**
 * The whole workflow by clicking (issue 9, items 1–3): create a scope, deploy a release to it from the scope itself,
 * cancel that initial deployment, read where each release runs, be asked twice before going back to an older
 * version, and delete the scope behind a confirmation that names it.
 */
import { expect, type Page, test } from '@playwright/test';

import { applicationId, scopeNamed } from './demo-api';
import { expectStatus, getJson } from './deployment-page';

/** A toast on screen (Radix also keeps a hidden copy for screen readers, outside the notifications region). */
function toast(page: Page, text: string) {
  return page.getByRole('region', { name: /Notifications/ }).getByText(text);
}

test('create a scope, deploy a release here, cancel it, watch the next one finalize, and delete the scope', async ({
  page,
  request,
}) => {
  const appId = await applicationId(request, 'greeter');
  const name = `qa-${Date.now().toString(36)}`;
  await page.goto(`/applications/${appId}/scopes`);
  await page.getByRole('button', { name: 'Create scope' }).click();
  const create = page.getByRole('dialog', { name: 'Create a scope' });
  await create.getByLabel('Name').fill('production');
  await create.getByRole('button', { name: 'Create scope' }).click();
  await expect(create.getByText('This application already has a scope named production')).toBeVisible();
  await create.getByLabel('Name').fill(name);
  await create.getByLabel('Environment').fill('qa');
  await create.getByLabel('Instances').fill('1');
  await create.getByRole('button', { name: 'Create scope' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(toast(page, `Scope ${name} created`)).toBeVisible();
  await expect(page.getByText('Nothing deployed yet')).toBeVisible();
  const scopeUrl = page.url();

  // Deploy from where you stand: the scope is fixed, the release is chosen. 1.2.1 breaks /health, so its instances
  // stay unhealthy long enough to cancel it.
  await page.getByRole('button', { name: 'Deploy a release here' }).click();
  let deploy = page.getByRole('dialog', { name: `Deploy a release to ${name}` });
  await deploy.getByRole('combobox', { name: 'Release' }).selectOption({ label: '1.2.1 · build #5' });
  await expect(deploy.getByText('This will be an initial deployment.')).toBeVisible();
  await deploy.getByRole('button', { name: `Deploy 1.2.1 to ${name}` }).dblclick();
  await expect(page).toHaveURL(/\/deployments\/\d+$/);
  await expect(toast(page, `Deploying 1.2.1 to ${name}`)).toBeVisible();
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel deployment' }).click();
  await expectStatus(page, 'cancelled');

  // The next one, healthy, finalizes by itself.
  await page.goto(scopeUrl);
  await page.getByRole('button', { name: 'Deploy a release here' }).click();
  deploy = page.getByRole('dialog', { name: `Deploy a release to ${name}` });
  await deploy.getByRole('combobox', { name: 'Release' }).selectOption({ label: '1.2.0 · build #4' });
  await deploy.getByRole('button', { name: `Deploy 1.2.0 to ${name}` }).click();
  await expect(page).toHaveURL(/\/deployments\/\d+$/);
  await expectStatus(page, 'finalized');

  // Delete, behind a confirmation that names the scope.
  await page.goto(scopeUrl);
  await page.getByRole('button', { name: 'Delete scope' }).click();
  const confirm = page.getByRole('alertdialog', { name: `Delete scope ${name}?` });
  await confirm.getByRole('textbox', { name: `Type ${name} to confirm` }).fill(name);
  await confirm.getByRole('button', { name: `Delete ${name}` }).dblclick();
  await expect(page).toHaveURL(new RegExp(`/applications/${appId}/scopes$`));
  await expect(toast(page, `Scope ${name} is being deleted`)).toBeVisible();
  await expect.poll(async () => (await scopeNamed(request, appId, name)).status, { timeout: 30_000 }).toBe('deleted');
});

test('the demo has a scope per application waiting for its first deployment', async ({ page, request }) => {
  for (const app of ['greeter', 'inventory']) {
    const scope = await scopeNamed(request, await applicationId(request, app), 'development');
    expect(scope.active_deployment).toBeNull();
    await page.goto(`/scopes/${scope.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'development' })).toBeVisible();
    await expect(page.getByText('Nothing deployed yet')).toBeVisible();
  }
});

test('releases say where they run; going back to an older version asks for a second look', async ({
  page,
  request,
}) => {
  const appId = await applicationId(request, 'greeter');
  await page.goto(`/applications/${appId}/releases`);
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: '1.0.0', exact: true }) });
  await expect(row.getByText('never deployed')).toBeVisible();

  const production = await scopeNamed(request, appId, 'production');
  const active = await getJson<{ release_id: number }>(request, `/api/deployment/${production.active_deployment}`);
  const servingSemver = (await getJson<{ semver: string }>(request, `/api/release/${active.release_id}`)).semver;
  await page.goto(`/scopes/${production.id}`);

  await page.getByRole('button', { name: 'Deploy a release here' }).click();
  const deploy = page.getByRole('dialog', { name: 'Deploy a release to production' });
  await deploy.getByRole('combobox', { name: 'Release' }).selectOption({ label: '1.0.0 · build #1' });
  await expect(deploy.getByTestId('older-version')).toContainText(`1.0.0 is older than ${servingSemver}`);
  const go = deploy.getByRole('button', { name: 'Deploy 1.0.0 to production' });
  await expect(go).toBeDisabled();
  await deploy.getByRole('checkbox', { name: 'Yes, go back to 1.0.0' }).check();
  await expect(go).toBeEnabled();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Deploy a release here' })).toBeFocused();

  // The release page: build and commit, where it runs, its deployments.
  await page.goto(`/applications/${appId}/releases`);
  await page.getByRole('link', { name: servingSemver, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Release ${servingSemver}` })).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Where this release runs' }).getByRole('link', { name: 'production' }),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: `Deployments of ${servingSemver}` })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Build #\d+/ })).toBeVisible();
});

test('an unknown release is "not found" with a way back', async ({ page }) => {
  await page.goto('/releases/99999');
  await expect(page.getByText("Couldn't load release #99999")).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Back to applications' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Applications' })).toBeVisible();
});
