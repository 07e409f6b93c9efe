/**
 * Instance logs on the deployment page, against the real console server and its demo: what the greeter's instances
 * wrote (kept by the data plane), per instance, searched and downloaded; a new deployment's lines arriving while the
 * page is open; the same panel at a phone's size. Screenshots of both sizes are kept with the test's output.
 */
import { readFileSync } from 'node:fs';

import { expect, test, type Page } from '@playwright/test';

import { applicationId, deploy, scopeNamed } from './demo-api';
import { expectStatus } from './deployment-page';

function logsPanel(page: Page) {
  return page.getByRole('region', { name: 'Instance logs' });
}

async function activeDeployment(request: Parameters<typeof scopeNamed>[0], app: string, scope: string): Promise<number> {
  const found = await scopeNamed(request, await applicationId(request, app), scope);
  expect(found.active_deployment).not.toBeNull();
  return found.active_deployment ?? 0;
}

test('a demo deployment: each instance\'s log, searched and downloaded', async ({ page, request }, testInfo) => {
  const deploymentId = await activeDeployment(request, 'greeter', 'production');
  await page.goto(`/deployments/${deploymentId}`);
  const panel = logsPanel(page);
  await panel.scrollIntoViewIfNeeded();
  await expect(panel.getByRole('tab', { name: 'Instance #0' })).toHaveAttribute('aria-selected', 'true');
  const first = panel.getByRole('log', { name: 'Log of instance #0' });
  await expect(first).toContainText(/started: pid \d+ on port \d+/);
  await expect(first).toContainText(`(deployment ${deploymentId}) listening on http://127.0.0.1:`);
  // Finished (the demo's production release was deployed at start): the log opens paused.
  await expect(panel.getByRole('button', { name: 'Follow' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('instance-logs-desktop.png'), fullPage: true });

  await panel.getByRole('tab', { name: 'Instance #1' }).click();
  const second = panel.getByRole('log', { name: 'Log of instance #1' });
  await expect(second).toContainText('listening on');
  await panel.getByRole('searchbox', { name: 'Search the log' }).fill('listening');
  await expect(second.getByRole('listitem')).toHaveCount(1);
  await expect(second.locator('mark')).toHaveText('listening');
  await expect(panel.getByTestId('log-status')).toContainText('1 line matches “listening”');

  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Download .log' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe(`deployment-${deploymentId}-instance-1.log`);
  const text = readFileSync(await saved.path(), 'utf8');
  expect(text).toMatch(new RegExp(`^\\S+Z #1 stdout greeter \\S+ \\(deployment ${deploymentId}\\) listening on http://127\\.0\\.0\\.1:\\d+\\n$`));
});

test('a new deployment: its instance\'s lines appear while the page is open, and its stop is logged', async ({ page, request }) => {
  const { deployment } = await deploy(request, 'greeter', 'staging', '1.2.0');
  await page.goto(`/deployments/${deployment.id}`);
  const log = logsPanel(page).getByRole('log', { name: 'Log of instance #0' });
  await expect(log).toContainText(`greeter 1.2.0 (deployment ${deployment.id}) listening on`);
  await expect(logsPanel(page).getByRole('button', { name: 'Pause' })).toBeVisible();
  await expectStatus(page, 'running');

  // Leave nothing in flight for the journeys after this one; the instance's last words arrive while following.
  await page.getByRole('button', { name: 'Roll back' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Roll back' }).click();
  await expectStatus(page, 'rolled_back');
  await expect(log).toContainText('greeter: SIGTERM received, finishing in-flight requests');
  await expect(log).toContainText('stopped (exited with code 0)');
});

test.describe('at a phone\'s size', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the logs panel fits the screen', async ({ page, request }, testInfo) => {
    const deploymentId = await activeDeployment(request, 'inventory', 'production');
    await page.goto(`/deployments/${deploymentId}`);
    const panel = logsPanel(page);
    await panel.scrollIntoViewIfNeeded();
    await expect(panel.getByRole('log', { name: 'Log of instance #0' })).toContainText('listening on');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await panel.screenshot({ path: testInfo.outputPath('instance-logs-phone.png') });
  });
});
