/**
 * Progressive delivery through the deploy dialog: a blue/green deployment with a custom strategy (automatic steps of
 * 20% every 3 s, an error-rate rule) whose traffic climbs to 100% on the deployment page, paused and resumed on the
 * way, then rolled back by hand so the scope serves what it served before. Against the real console server (demo
 * seed); the scope must have nothing in flight first, as other specs share the server.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

import { applicationId, scopeNamed, type Deployment } from './demo-api';
import { expectStatus, getJson } from './deployment-page';

/** No serious or critical axe violation on what the page shows now (as e2e/accessibility.spec.ts checks every page). */
async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    );
  expect(serious).toEqual([]);
}

test('deploy with automatic steps from the dialog and watch the traffic climb to 100%', async ({ page, request }) => {
  const appId = await applicationId(request, 'inventory');
  await expect
    .poll(async () => (await scopeNamed(request, appId, 'production')).in_progress_deployment, { timeout: 60_000 })
    .toBeNull();
  const scope = await scopeNamed(request, appId, 'production');
  const active = await getJson<Deployment>(request, `/api/deployment/${scope.active_deployment}`);
  const previous = (await getJson<{ semver: string }>(request, `/api/release/${active.release_id}`)).semver;

  await page.goto(`/applications/${appId}/releases`);
  await page
    .getByRole('row')
    .filter({ hasText: '2.1.0' })
    .getByRole('button', { name: /Deploy/ })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Deploy release 2.1.0' });
  await dialog.getByRole('radio', { name: /production/ }).check();
  const strategy = dialog.getByRole('group', { name: 'Traffic and rollback' });
  await expect(strategy.getByRole('radio', { name: /By hand/ })).toBeChecked();
  await strategy.getByRole('radio', { name: /Custom, for this deployment only/ }).check();

  // Bad input is said next to its field and nothing is sent.
  const step = dialog.getByRole('textbox', { name: 'Step (% of the traffic)' });
  const interval = dialog.getByRole('textbox', { name: 'Interval (seconds)' });
  await step.fill('20');
  await interval.fill('0');
  await dialog.getByRole('button', { name: 'Deploy 2.1.0 to production' }).click();
  await expect(interval).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('"0" is not a whole number of seconds of at least 1.')).toBeVisible();
  await expectAccessible(page);
  await interval.fill('3');
  await expect(interval).not.toHaveAttribute('aria-invalid');
  await expect(dialog.getByTestId('strategy-plan')).toHaveText(
    'Plan: 20% every 3 s → 100% in 15 s; roll back if error rate > 10%',
  );

  const created = page.waitForRequest(
    (sent) => sent.method() === 'POST' && new URL(sent.url()).pathname === '/api/deployment',
  );
  await dialog.getByRole('button', { name: 'Deploy 2.1.0 to production' }).click();
  expect((await created).postDataJSON()).toEqual({
    scope_id: scope.id,
    release_id: expect.any(Number),
    strategy_data: {
      parameters: {
        traffic: { enable_auto_switch: true, step: '0.2', interval: 3 },
        metrics: { enabled: true, rules: [{ metric: 'http.error_rate', operation: 'greater_than', threshold: 0.1 }] },
      },
    },
  });
  await expect(page).toHaveURL(/\/deployments\/\d+$/);

  const plan = page.getByRole('region', { name: 'Rollout plan' });
  await expect(plan.getByTestId('rollout-plan-sentence')).toHaveText(
    'Plan: 20% every 3 s → 100% in 15 s; roll back if error rate > 10%',
  );
  await expectStatus(page, 'running');
  const progress = plan.getByRole('progressbar', { name: 'Traffic on 2.1.0' });
  // The first step lands; pausing right after it leaves twelve seconds before the last one.
  await expect(progress).toHaveAttribute('aria-valuenow', /^(20|40|60|80)$/);

  // Paused, the traffic stays; resumed, it goes on.
  await plan.getByRole('button', { name: 'Pause automatic steps' }).click();
  await expect(plan.getByTestId('auto-steps-status')).toHaveText(/^Automatic steps are paused at \d+%/);
  await plan.getByRole('button', { name: 'Resume automatic steps' }).click();
  await expect(plan.getByTestId('auto-steps-status')).toHaveText(/^Next step: \d+% → \d+%/);

  await expect(progress).toHaveAttribute('aria-valuenow', '100');
  await expect(plan.getByTestId('auto-steps-status')).toHaveText(/^The steps reached 100%/);
  await expect(page.getByRole('img', { name: `Serving now: ${previous} 0%, 2.1.0 100%` })).toBeVisible();
  // The plan and its evidence read well in the dark theme too (an audit takes long: only once nothing races it).
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(plan.getByTestId('rule-evidence')).toBeVisible();
  await expectAccessible(page);

  // Back to what the scope served: a rollback by hand, which names no broken rule.
  await page.getByRole('button', { name: 'Roll back' }).click();
  const confirm = page.getByRole('alertdialog', { name: `Roll back 2.1.0 on ${scope.name}?` });
  await expect(confirm).toContainText('It now serves 100% of the traffic');
  await confirm.getByRole('button', { name: 'Roll back' }).click();
  await expectStatus(page, 'rolled_back');
  await expect(page.getByTestId('rollback-reason')).toHaveCount(0);
});
