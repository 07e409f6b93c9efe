/**
 * The operator's actions against the real console server: the traffic control says what it is set to and takes a
 * typed number, every action is safe to click twice, says what it did in a toast, and gives focus back (issue 9,
 * items 5, 6, 8 and 15).
 */
import { expect, test, type Page } from '@playwright/test';

import { deploy } from './demo-api';
import { expectStatus } from './deployment-page';

/** The PATCHes the page sends to a deployment, as they are sent. */
function patchesTo(page: Page, deploymentId: number): unknown[] {
  const sent: unknown[] = [];
  page.on('request', (request) => {
    if (request.method() === 'PATCH' && request.url().endsWith(`/api/deployment/${deploymentId}`))
      sent.push(request.postDataJSON());
  });
  return sent;
}

/** A toast on screen (Radix also keeps a hidden copy for screen readers, outside the notifications region). */
function toast(page: Page, text: string) {
  return page.getByRole('region', { name: /Notifications/ }).getByText(text);
}

test('blue/green by the numbers: type a split, double-click every confirmation, read the toasts', async ({
  page,
  request,
}) => {
  const { deployment, scope, previous } = await deploy(request, 'inventory', 'staging', '2.2.0');
  const sent = patchesTo(page, deployment.id);
  await page.goto(`/deployments/${deployment.id}`);
  await expectStatus(page, 'running');

  // The value is written out as it changes, a number field sets it, and the pending split is previewed.
  await expect(page.getByTestId('traffic-selection')).toHaveText(`0% → 2.2.0 · 100% → ${previous}`);
  await page.getByRole('spinbutton', { name: 'Percent to 2.2.0' }).fill('30');
  await expect(page.getByRole('slider', { name: 'Traffic to the new release' })).toHaveAttribute('aria-valuenow', '30');
  await expect(page.getByTestId('traffic-selection')).toHaveText(`30% → 2.2.0 · 70% → ${previous}`);
  await expect(page.getByRole('img', { name: `Preview: ${previous} 70%, 2.2.0 30%` })).toBeVisible();
  await expect(page.getByRole('button', { name: '5%', exact: true })).toBeVisible();

  // Escape gives focus back to the button that opened the review.
  const reviewButton = page.getByRole('button', { name: 'Review change' });
  await reviewButton.click();
  const review = page.getByRole('alertdialog', { name: `Move traffic on ${scope.name}?` });
  await expect(
    review.getByRole('button', { name: 'Keep it' }).or(review.getByRole('button', { name: 'Cancel' })),
  ).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(review).toBeHidden();
  await expect(reviewButton).toBeFocused();

  // A double click on the confirmation moves the traffic once.
  await reviewButton.click();
  await review.getByRole('button', { name: 'Move traffic' }).dblclick();
  await expect(review).toBeHidden();
  await expect(toast(page, `Traffic moved on ${scope.name}: 30% → 2.2.0 · 70% → ${previous}`)).toBeVisible();
  await expect(page.getByRole('img', { name: `Serving now: ${previous} 70%, 2.2.0 30%` })).toBeVisible();
  expect(sent).toEqual([{ strategy_data: { desired_switched_traffic: 30 } }]);

  // Finalize, double-clicked: one request, no refusal, a toast that says what happens, focus kept on the page.
  await page.getByRole('button', { name: 'Finalize' }).click();
  const finalize = page.getByRole('alertdialog', { name: `Finalize 2.2.0 on ${scope.name}?` });
  await finalize.getByRole('button', { name: 'Finalize' }).dblclick();
  await expect(finalize).toBeHidden();
  await expect(toast(page, `Finalizing 2.2.0 on ${scope.name}`)).toBeVisible();
  await expect(page.getByText(/The platform refused/)).toHaveCount(0);
  // Focus stays on the page: on the actions while finalizing, on the summary that replaces them once finalized.
  await expect(page.getByRole('region', { name: 'Actions' }).or(page.getByTestId('deployment-summary'))).toBeFocused();
  await expectStatus(page, 'finalized');
  await expect(page.getByTestId('deployment-summary')).toBeFocused();
  expect(sent).toEqual([{ strategy_data: { desired_switched_traffic: 30 } }, { status: 'finalizing' }]);
});

test('a dialog opens on its first field and gives focus back when it closes', async ({ page }) => {
  await page.goto('/builds/4');
  const open = page.getByRole('button', { name: 'Create release' });
  await open.click();
  const dialog = page.getByRole('dialog', { name: /Create a release from build #4/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Close' })).not.toBeFocused();
  await expect(dialog.locator('input:focus')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
});
