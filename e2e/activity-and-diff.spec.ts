/**
 * Who did what, and what is being deployed (issue 12, items 1 and 2), against the real console server and its demo:
 * a finalize with a reason shows up in the deployment's activity feed live and in its messages; the deploy dialog
 * says what a release brings over the one serving the scope.
 */
import { expect, test } from '@playwright/test';

import { applicationId, deploy, releaseId } from './demo-api';
import { expectStatus, getJson } from './deployment-page';

test('finalize with a reason: the activity feed shows who, what, from → to and why, as it happens', async ({
  page,
  request,
}) => {
  const { deployment, scope } = await deploy(request, 'greeter', 'production', '1.2.0');
  await page.goto(`/deployments/${deployment.id}`);
  await expectStatus(page, 'running');

  const activity = page.getByRole('region', { name: 'Activity' });
  await expect(activity.getByTestId('activity-entry').first()).toContainText(
    `local created deployment #${deployment.id}`,
  );

  await page.getByRole('button', { name: 'Finalize' }).click();
  const dialog = page.getByRole('alertdialog', { name: `Finalize 1.2.0 on ${scope.name}?` });
  const reason = dialog.getByRole('textbox', { name: 'Reason (optional)' });
  await reason.fill('x'.repeat(501));
  await expect(
    dialog.getByText('The reason has 501 characters; at most 500 are kept. Shorten it to continue.'),
  ).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Finalize' })).toBeDisabled();
  await reason.fill('Error rate flat at 30% for an hour');
  await dialog.getByRole('button', { name: 'Finalize' }).click();
  await expect(dialog).toBeHidden();

  // Live: the entry arrives on the event stream, no reload.
  const finalize = activity.locator('[data-action="finalize"]');
  await expect(finalize).toContainText(`local asked to finalize deployment #${deployment.id}`);
  await expect(finalize).toContainText('status: running → finalizing');
  await expect(finalize.getByTestId('activity-reason')).toHaveText('Reason: Error rate flat at 30% for an hour');
  await expect(page.getByRole('region', { name: 'Messages' })).toContainText(
    'reason (local): Error rate flat at 30% for an hour',
  );
  await expectStatus(page, 'finalized');

  // The scope's feed has it too, and filters by action.
  await page.goto(`/scopes/${scope.id}`);
  const scopeActivity = page.getByRole('region', { name: 'Activity' });
  await scopeActivity.getByRole('combobox', { name: 'What' }).selectOption('finalize');
  await expect(scopeActivity.getByTestId('activity-entry').first()).toContainText(
    `asked to finalize deployment #${deployment.id}`,
  );
  await expect(scopeActivity.getByTestId('activity-reason').first()).toHaveText(
    'Reason: Error rate flat at 30% for an hour',
  );

  // The API says the same, with the actor's number in the deployment.
  const feed = await getJson<{
    results: Array<{ action: string; reason: string | null; actor: { id: number; name: string } }>;
  }>(request, `/console/activity?deployment_id=${deployment.id}&action=finalize`);
  expect(feed.results.map((entry) => [entry.actor.name, entry.reason])).toEqual([
    ['local', 'Error rate flat at 30% for an hour'],
  ]);
  const read = await getJson<{ created_by: number | null }>(request, `/api/deployment/${deployment.id}`);
  expect(read.created_by).toBe(feed.results[0]?.actor.id);
});

test('the deploy dialog says what a release brings over the one serving the scope', async ({ page, request }) => {
  const appId = await applicationId(request, 'greeter');
  const candidate = await releaseId(request, appId, '1.2.0');
  await page.goto(`/applications/${appId}/releases`);
  await page.getByRole('button', { name: 'Deploy 1.2.0' }).click();
  const dialog = page.getByRole('dialog', { name: 'Deploy release 1.2.0' });
  await dialog.getByRole('radio', { name: /staging/ }).click();

  const changes = dialog.getByTestId('what-am-i-deploying');
  await expect(changes.getByRole('heading', { name: 'What am I deploying' })).toBeVisible();
  await expect(changes).toContainText('From 1.1.0 (7a1e4c9) to 1.2.0 (1b2c3d4)');
  // The demo's commits are not in any repository on this machine: GitHub's compare page, and why git could not say.
  const link = changes.getByRole('link', { name: /Compare on GitHub/ });
  await expect(link).toHaveAttribute(
    'href',
    'https://github.com/np-console-demo/greeter/compare/7a1e4c9b2d8f3a6e5c1b0d9f8e7a6c5b4d3e2f1a...1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c',
  );
  await expect(changes).toContainText('Git could not list the commits here:');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  // The releases page compares any two.
  const compare = page.getByRole('region', { name: 'Compare releases' });
  await compare.getByRole('button', { name: 'Compare two releases' }).click();
  await compare.getByRole('combobox', { name: 'From' }).selectOption({ label: '1.0.0 · build #1' });
  await compare.getByRole('combobox', { name: 'To' }).selectOption(String(candidate));
  await expect(compare.getByTestId('release-diff')).toContainText('From 1.0.0 (3f9c2a1) to 1.2.0 (1b2c3d4)');
});
