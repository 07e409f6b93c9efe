/** One pass at phone size (390×844): applications → application → deployment, through the nullplatform fixture. */
import { ids } from '../../server/testing/nullplatform-fixture/world';
import { expectStatus } from '../deployment-page';
import { expect, expectNoLoadError, startFromSeededOrganization, test } from './test';

startFromSeededOrganization();
test.use({ viewport: { width: 390, height: 844 } });

test('at 390×844: applications, an application, its deployments and a deployment', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('combobox', { name: 'Account' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Namespace' })).toBeVisible();
  await page.getByRole('link', { name: 'Automation', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Automation', level: 1 })).toBeVisible();
  await expectNoLoadError(page);

  await page.getByRole('link', { name: 'Deployments' }).first().click();
  await expect(page).toHaveURL(new RegExp(`/applications/${ids.applications.automation}/deployments`));
  await expect(page.getByText('Production Chile', { exact: true }).first()).toBeVisible();
  await expectNoLoadError(page);

  await page.goto(`/deployments/${ids.deployments.blueGreenRunning}`);
  await expectStatus(page, 'running');
  await expect(page.getByRole('img', { name: /^Serving now: .* 80%, .* 20%$/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Roll back' })).toBeVisible();
  await expectNoLoadError(page);

  await page.goto(`/deployments/${ids.deployments.canary}`);
  await expectStatus(page, 'running');
  await expect(page.getByTestId('read-only-reason')).toBeVisible();
  await expectNoLoadError(page);
});
