/**
 * Progressive delivery on the demo (issue 11, item 6): the greeter release that fails 30% of its requests, deployed
 * with the demo's strategy that rolls back above a 10% error rate, is rolled back by the engine once the test traffic
 * sent from the scope's page has given the rule its requests; the reason is among the deployment's messages. The
 * console runs with NP_CONSOLE_METRIC_CHECK_INTERVAL=2s (playwright.config.ts), so the first check is 2 s after the
 * deployment runs rather than nullplatform's 30 s.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

import { applicationId, releaseId, scopeNamed, type Deployment, type Listing, type Scope } from './demo-api';
import { expectStatus, getJson } from './deployment-page';

const ROLLBACK_STRATEGY = 'Steps of 20% every 10 s, roll back if error rate > 10%';
const FAILING_RELEASE = '1.6.0';

type Strategy = { id: number; name: string; parameters: Record<string, unknown> };

/**
 * Deploys the failing release to greeter's production with the rollback strategy's parameters, once the scope has
 * nothing in flight. Through the API, as nullplatform's clients do (the strategy's parameters copied into
 * strategy_data.parameters): the deploy dialog offers no choice of strategy yet.
 */
async function deployFailingRelease(request: APIRequestContext): Promise<{ deployment: Deployment; scope: Scope }> {
  const appId = await applicationId(request, 'greeter');
  const release = await releaseId(request, appId, FAILING_RELEASE);
  const { results: strategies } = await getJson<Listing<Strategy>>(request, '/api/deployment_strategy');
  const strategy = strategies.find((candidate) => candidate.name === ROLLBACK_STRATEGY);
  expect(strategy, `the demo strategy "${ROLLBACK_STRATEGY}"`).toBeDefined();
  const scope = await scopeNamed(request, appId, 'production');
  await expect
    .poll(async () => (await getJson<Scope>(request, `/api/scope/${scope.id}`)).in_progress_deployment, {
      timeout: 60_000,
    })
    .toBeNull();
  const response = await request.post('/api/deployment', {
    data: { scope_id: scope.id, release_id: release, strategy_data: { parameters: strategy?.parameters } },
  });
  expect(response.ok(), await response.text()).toBe(true);
  return { deployment: (await response.json()) as Deployment, scope };
}

function testTrafficControl(page: Page) {
  return page.getByRole('region', { name: 'Test traffic' });
}

test('the failing demo release is rolled back by its strategy once test traffic from the scope page gives the rule requests', async ({
  page,
  request,
}) => {
  const { deployment, scope } = await deployFailingRelease(request);
  await page.goto(`/deployments/${deployment.id}`);
  await expectStatus(page, 'running');

  // Test traffic from the scope's own page: real requests at its address, through the split.
  await page.goto(`/scopes/${scope.id}`);
  const control = testTrafficControl(page);
  await control.getByLabel('Requests per second').fill('20');
  await control.getByLabel('For (seconds)').fill('120');
  await control.getByRole('button', { name: 'Send test traffic' }).click();
  const counts = control.getByTestId('test-traffic-counts');
  await expect(counts).toContainText('Sending 20/s to /');
  // Counts arrive live; the failing release's 500s among them.
  await expect(counts).toContainText(/[1-9]\d* requests? sent/);
  await expect(counts).toContainText(/[1-9]\d* failed/);

  // The engine rolls it back by itself, and says why.
  await page.goto(`/deployments/${deployment.id}`);
  await expectStatus(page, 'rolled_back', 90_000);
  const messages = page.getByRole('region', { name: 'Messages' });
  await expect(messages).toContainText(
    /metric rule broken: http\.error_rate greater_than 0\.1; measured 0\.\d+ fraction > 0\.1 over the last 60 s/,
  );
  await expect(messages).toContainText('running → rolling_back: a metric rule of its strategy was broken');
  const rolledBack = await getJson<Deployment & { status_in_scope: string }>(
    request,
    `/api/deployment/${deployment.id}`,
  );
  expect(rolledBack.status_in_scope).toBe('inactive');

  // Stop the traffic: the journeys after this one find the scope quiet.
  await page.goto(`/scopes/${scope.id}`);
  await control.getByRole('button', { name: 'Stop test traffic' }).click();
  await expect(control.getByText('Last run (stopped):')).toBeVisible();
  await expect(control.getByRole('button', { name: 'Send test traffic' })).toBeEnabled();
});

test.describe('at a phone size', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the scope page's test traffic control fits the screen and its fields and button are at hand", async ({
    page,
    request,
  }) => {
    const scope = await scopeNamed(request, await applicationId(request, 'greeter'), 'production');
    await page.goto(`/scopes/${scope.id}`);
    const control = testTrafficControl(page);
    await control.scrollIntoViewIfNeeded();
    for (const part of [
      control.getByLabel('Requests per second'),
      control.getByLabel('For (seconds)'),
      control.getByRole('button', { name: 'Send test traffic' }),
    ]) {
      await part.scrollIntoViewIfNeeded();
      await expect(part).toBeInViewport({ ratio: 1 });
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // A bound broken is said next to its field, at this size too.
    await control.getByLabel('Requests per second').fill('500');
    await control.getByRole('button', { name: 'Send test traffic' }).click();
    const error = control.getByText('A number above 0, at most 50');
    await expect(error).toBeInViewport();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
