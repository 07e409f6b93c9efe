/**
 * The deployment page against the real console server (demo seed, 8 s health timeout): blue/green traffic moved with
 * the keyboard and measured at the scope's address, finalize, cancel, and a release whose health check fails.
 *
 * Each test creates the deployment it needs through the API (the releases page's Deploy dialog has its own journey)
 * and first waits for the scope to have nothing in flight: a scope takes one deployment at a time, and the state is
 * shared with the other specs that run against the same server.
 */
import { expect, test } from '@playwright/test';

import { deploy } from './demo-api';
import { expectStatus, reviewTrafficWithKeyboard } from './deployment-page';

test('blue/green: move 30% of the traffic with the keyboard, measure it at the address, then finalize', async ({
  page,
  request,
}) => {
  const { deployment, scope, previous } = await deploy(request, 'greeter', 'production', '1.2.0');
  await page.goto(`/deployments/${deployment.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('1.2.0');
  await expect(page.getByTestId('replaces')).toContainText(previous);
  await expectStatus(page, 'running');

  const review = await reviewTrafficWithKeyboard(page, scope.name, 30);
  await expect(review).toContainText(`old (${previous}) 100% → 70%, new (1.2.0) 0% → 30%`);
  await review.getByRole('button', { name: 'Move traffic' }).click();
  await expect(review).toBeHidden();
  // The split the proxy applies, as the platform reports it, arrives without a reload.
  await expect(page.getByRole('img', { name: `Serving now: ${previous} 70%, 1.2.0 30%` })).toBeVisible();

  // Measure at the scope's address: about 30% of the answers come from the new deployment.
  expect(scope.domain).toBeTruthy();
  let fromNew = 0;
  const total = 400;
  for (let batch = 0; batch < total / 20; batch++) {
    const answers = await Promise.all(Array.from({ length: 20 }, () => request.get(`http://${scope.domain}/`)));
    for (const answer of answers) {
      expect(answer.ok()).toBe(true);
      if (answer.headers()['x-np-deployment-id'] === String(deployment.id)) fromNew++;
    }
  }
  const share = (fromNew / total) * 100;
  expect(share).toBeGreaterThanOrEqual(25);
  expect(share).toBeLessThanOrEqual(35);
  // The live chart counts the same requests.
  await expect(page.getByTestId('traffic-summary')).toContainText('1.2.0');

  await page.getByRole('button', { name: 'Finalize' }).click();
  const finalize = page.getByRole('alertdialog', { name: `Finalize 1.2.0 on ${scope.name}?` });
  await expect(finalize).toContainText('It now serves 30% of the traffic');
  await expect(finalize).toContainText(`${previous}'s instances stop`);
  await finalize.getByRole('button', { name: 'Finalize' }).click();
  await expect(finalize).toBeHidden();
  await expectStatus(page, 'finalized');
  // Finished: a summary of what it did instead of controls that can no longer do anything.
  const summary = page.getByTestId('deployment-summary');
  await expect(summary).toContainText(`1.2.0 replaced ${previous} on ${scope.name}: it serves all of the traffic.`);
  await expect(summary.getByTestId('final-split')).toHaveText(`100% → 1.2.0 · 0% → ${previous}`);
  await expect(page.getByRole('button', { name: 'Finalize' })).toHaveCount(0);
});

test('blue/green: move some traffic with a preset, then roll back: rolled back', async ({ page, request }) => {
  const { deployment, scope, previous } = await deploy(request, 'inventory', 'production', '2.2.0');
  await page.goto(`/deployments/${deployment.id}`);
  await expectStatus(page, 'running');

  await page.getByRole('button', { name: '25%' }).click();
  await expect(page.getByRole('slider', { name: 'Traffic to the new release' })).toHaveAttribute('aria-valuenow', '25');
  await page.getByRole('button', { name: 'Review change' }).click();
  const review = page.getByRole('alertdialog');
  await expect(review).toContainText(`old (${previous}) 100% → 75%, new (2.2.0) 0% → 25%`);
  await review.getByRole('button', { name: 'Move traffic' }).click();
  await expect(page.getByRole('img', { name: `Serving now: ${previous} 75%, 2.2.0 25%` })).toBeVisible();

  await page.getByRole('button', { name: 'Roll back' }).click();
  const rollBack = page.getByRole('alertdialog', { name: `Roll back 2.2.0 on ${scope.name}?` });
  await expect(rollBack).toContainText(`It now serves 25% of the traffic; all traffic goes back to ${previous}`);
  // One rollback, sent as nullplatform's UI sends it.
  const sent = page.waitForRequest(
    (request) => request.method() === 'PATCH' && request.url().endsWith(`/api/deployment/${deployment.id}`),
  );
  await rollBack.getByRole('button', { name: 'Roll back' }).click();
  expect((await sent).postDataJSON()).toEqual({ status: 'cancelling' });
  await expectStatus(page, 'rolled_back');
  await expect(page.getByTestId('summary-outcome')).toHaveText(
    `Rolled back: ${previous} kept serving ${scope.name}; 2.2.0's instances stopped.`,
  );
  await expect(page.getByRole('button', { name: 'Roll back' })).toHaveCount(0);
  await expect(page.getByRole('slider', { name: 'Traffic to the new release' })).toHaveCount(0);
});

test('a release whose health check fails: the deployment is failed and says why', async ({ page, request }) => {
  // Production: the journeys spec leaves a deployment in flight on staging.
  const { deployment } = await deploy(request, 'greeter', 'production', '1.2.1');
  await page.goto(`/deployments/${deployment.id}`);
  // 8 s health timeout on the e2e server, plus the time to start the instances.
  await expectStatus(page, 'failed', 45_000);
  const messages = page.getByRole('log', { name: 'Deployment messages' });
  await expect(
    messages
      .getByRole('listitem')
      .filter({ hasText: 'ERROR' })
      .filter({ hasText: /healthy/ })
      .first(),
  ).toBeVisible();
  await expect(page.getByRole('list', { name: 'Status timeline' }).locator('[aria-current="step"]')).toContainText(
    'failed',
  );
  // A banner at the top says why; the instances' evidence stays on the page.
  const banner = page.getByRole('region', { name: 'This deployment failed' });
  await expect(banner.getByTestId('failure-reason')).toContainText(/healthy/);
  await expect(page.getByRole('region', { name: 'Instances' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Finalize' })).toHaveCount(0);
});
