/**
 * The running blue/green deployment of the fixture (20% on v1.1.0 in "Production"), steered through connected mode:
 * the traffic picture, a move to 30% that the upstream applies on a later read, and a roll back that asks nullplatform
 * for `{"status":"cancelling"}` — the request its own UI makes (reference §9) — and ends rolled back.
 */
import { ids } from '../../server/testing/nullplatform-fixture/world';
import { expectStatus, reviewTrafficWithKeyboard } from '../deployment-page';
import { expect, expectNoLoadError, startFromSeededOrganization, test } from './test';

startFromSeededOrganization();

const deploymentId = ids.deployments.blueGreenRunning;
const isPatchOfThisDeployment = (url: string, method: string) =>
  method === 'PATCH' && new URL(url).pathname === `/api/deployment/${deploymentId}`;

test('blue/green at 20%: the traffic picture, a move to 30%, and a roll back', async ({ page }) => {
  await page.goto(`/deployments/${deploymentId}`);
  await expectStatus(page, 'running');
  await expect(page.getByText('v1.1.0', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('Production', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('img', { name: /^Serving now: .* 80%, .* 20%$/ })).toBeVisible();
  await expectNoLoadError(page);

  // The shared helper moves the slider up from 0%: take it there first (Home), then to 30%.
  const slider = page.getByRole('slider', { name: 'Traffic to the new release' });
  await expect(slider).toHaveAttribute('aria-valuenow', '20');
  await slider.focus();
  await page.keyboard.press('Home');
  const review = await reviewTrafficWithKeyboard(page, 'Production', 30);
  const sent = page.waitForRequest((request) => isPatchOfThisDeployment(request.url(), request.method()));
  await review.getByRole('button', { name: 'Move traffic' }).click();
  expect((await sent).postDataJSON()).toEqual({ strategy_data: { desired_switched_traffic: 30 } });
  await expect(review).toBeHidden();
  // The upstream applies the split on a later read; the page follows by polling.
  await expect(page.getByRole('img', { name: /^Serving now: .* 70%, .* 30%$/ })).toBeVisible();
  await expectNoLoadError(page);

  await page.getByRole('button', { name: 'Roll back' }).click();
  const confirm = page.getByRole('alertdialog', { name: /^Roll back/ });
  const cancel = page.waitForRequest((request) => isPatchOfThisDeployment(request.url(), request.method()));
  await confirm.getByRole('button', { name: 'Roll back' }).click();
  expect((await cancel).postDataJSON()).toEqual({ status: 'cancelling' });
  await expect(confirm).toBeHidden();
  await expectStatus(page, 'rolled_back');
  // Nothing left to roll back: the button is gone or disabled.
  await expect(page.getByRole('button', { name: 'Roll back', disabled: false })).toHaveCount(0);
  await expectNoLoadError(page);
});
