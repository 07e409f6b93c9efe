/**
 * Instance logs on the deployment page, against the real console server and its demo: what the greeter's instances
 * wrote (kept by the data plane), per instance, searched and downloaded; a new deployment's lines arriving while the
 * page is open; the same panel at a phone's size. Screenshots of both sizes are kept with the test's output.
 */
import { readFileSync } from 'node:fs';

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

import { applicationId, deploy, scopeNamed } from './demo-api';
import { expectStatus } from './deployment-page';

function logsPanel(page: Page) {
  return page.getByRole('region', { name: 'Instance logs' });
}

async function activeDeployment(request: APIRequestContext, app: string, scope: string): Promise<number> {
  const found = await scopeNamed(request, await applicationId(request, app), scope);
  expect(found.active_deployment).not.toBeNull();
  return found.active_deployment ?? 0;
}

test("a demo deployment: each instance's log, searched and downloaded", async ({ page, request }, testInfo) => {
  const deploymentId = await activeDeployment(request, 'greeter', 'production');
  await page.goto(`/deployments/${deploymentId}`);
  const panel = logsPanel(page);
  await panel.scrollIntoViewIfNeeded();
  await expect(panel.getByRole('tab', { name: 'Instance #0' })).toHaveAttribute('aria-selected', 'true');
  const first = panel.getByRole('log', { name: 'Log of instance #0' });
  await expect(first).toContainText(/started: pid \d+ on port \d+/);
  await expect(first).toContainText(`(deployment ${deploymentId}) listening on http://127.0.0.1:`);
  // Finalized when the demo started, but its scope serves it and its instances still write: the log opens following.
  await expect(panel.getByRole('button', { name: 'Pause' })).toBeVisible();
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
  expect(text).toMatch(
    new RegExp(
      `^\\S+Z #1 stdout greeter \\S+ \\(deployment ${deploymentId}\\) listening on http://127\\.0\\.0\\.1:\\d+\\n$`,
    ),
  );
});

test("a new deployment: its instance's lines appear while the page is open, and its stop is logged", async ({
  page,
  request,
}) => {
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

/** An application of its own (the demo's stay as the other journeys expect them) whose greeter gets a bad setting. */
async function deployBrokenGreeter(request: APIRequestContext): Promise<number> {
  const created = async (path: string, data: unknown) => {
    const response = await request.post(path, { data });
    expect(response.ok(), `POST ${path}: ${await response.text()}`).toBe(true);
    return ((await response.json()) as { id: number }).id;
  };
  const application = await created('/api/application', { name: `logs-${Date.now().toString(36)}`, namespace_id: 1 });
  const build = await created('/api/build', {
    application_id: application,
    status: 'successful',
    branch: 'main',
    commit: { id: 'abc1234' },
  });
  await created(`/api/build/${build}/asset`, {
    name: 'main',
    type: 'docker-image',
    url: 'file:demo-apps/greeter',
    metadata: { env: { FAIL_RATE: 'lots' } },
  });
  const release = await created('/api/release', {
    status: 'active',
    build_id: build,
    application_id: application,
    semver: '1.0.0',
  });
  const scope = await created('/api/scope', {
    application_id: application,
    name: 'production',
    capabilities: { fixed_instances: 1 },
  });
  return created('/api/deployment', { scope_id: scope, release_id: release });
}

test('a deployment whose instance cannot start: the failure quotes its stderr, and the log marks it', async ({
  page,
  request,
}, testInfo) => {
  const deploymentId = await deployBrokenGreeter(request);
  await page.goto(`/deployments/${deploymentId}`);
  const log = logsPanel(page).getByRole('log', { name: 'Log of instance #0' });
  const stderr = log
    .getByRole('listitem')
    .filter({ hasText: 'greeter: FAIL_RATE must be a number from 0 to 1, got "lots"' })
    .first();
  await expect(stderr).toBeVisible();
  await expect(stderr).toHaveAttribute('data-stream', 'stderr');
  await expect(stderr).toContainText('stderr');
  await expect(log).toContainText(/exited with code 2; restarting in \d+ ms/);

  // The health timeout (8 s here) fails it; its message says why, in the app's own words.
  await expectStatus(page, 'failed');
  await expect(page.getByRole('log', { name: 'Deployment messages' })).toContainText(
    'Last output: instance #0 stderr: greeter: FAIL_RATE must be a number from 0 to 1, got "lots"',
  );
  await logsPanel(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('instance-logs-failed.png'), fullPage: true });

  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page })
      .include('[data-testid="instance-logs"]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const serious = results.violations.filter(
      (violation) => violation.impact === 'serious' || violation.impact === 'critical',
    );
    expect(
      serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
      colorScheme,
    ).toEqual([]);
  }
});

test.describe("at a phone's size", () => {
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
