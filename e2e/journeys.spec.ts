/**
 * A newcomer's journey by clicking alone: browse the demo, release a build (with a bad version first), and deploy
 * it. Runs against the real console server with the demo seed (see playwright.config.ts).
 */
import { expect, test } from '@playwright/test';

test('browse an application, release a build and deploy it blue/green', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'greeter', exact: true }).click();

  // The application page shows its scopes at a glance, with the release each one runs.
  await expect(page.getByRole('heading', { name: 'greeter', level: 1 })).toBeVisible();
  const staging = page.getByRole('article').filter({ has: page.getByRole('heading', { name: 'staging' }) });
  await expect(staging).toContainText('1.1.0');

  await page.getByRole('link', { name: 'Builds' }).first().click();
  await expect(page).toHaveURL(/\/applications\/1\/builds/);
  await page
    .getByRole('link', { name: /^#4\b|1b2c3d4/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/builds\/4$/);

  await page.getByRole('button', { name: 'Create release' }).click();
  const dialog = page.getByRole('dialog', { name: /Create a release from build #4/ });
  const version = dialog.getByLabel('Version (semver)');

  // Bad input is shown next to the field and nothing is sent.
  await version.fill('1.2');
  await dialog.getByRole('button', { name: /^Create release/ }).click();
  await expect(version).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText(/semantic version/i)).toBeVisible();
  await version.fill('1.0.0');
  await dialog.getByRole('button', { name: /^Create release/ }).click();
  await expect(dialog.getByText('1.0.0 is already a release of this application')).toBeVisible();

  await version.fill('1.3.0');
  await dialog.getByRole('button', { name: 'Create release 1.3.0' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: /Notifications/ }).getByText('Release 1.3.0 created')).toBeVisible();
  await expect(page.getByRole('cell', { name: '1.3.0', exact: true })).toBeVisible();

  // Deploy it to staging: the dialog says it is blue/green and what it replaces.
  await page
    .getByRole('row')
    .filter({ hasText: '1.3.0' })
    .getByRole('button', { name: /Deploy/ })
    .click();
  const deploy = page.getByRole('dialog', { name: 'Deploy release 1.3.0' });
  await deploy.getByRole('radio', { name: /staging/ }).check();
  await expect(deploy).toContainText(/blue\/green/i);
  await expect(deploy).toContainText('1.1.0');
  await deploy.getByRole('button', { name: 'Deploy 1.3.0 to staging' }).click();

  await expect(page).toHaveURL(/\/deployments\/\d+$/);
  // Every action says what it did (a toast; Radix keeps a hidden copy for screen readers outside the region).
  await expect(
    page.getByRole('region', { name: /Notifications/ }).getByText('Deploying 1.3.0 to staging'),
  ).toBeVisible();
  await expect(page.getByText('running').first()).toBeVisible();
});
