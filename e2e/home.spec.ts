/** The home page answers "what is running where, and what needs me" (issue 9, item 4), live. */
import { expect, test } from '@playwright/test';

import { applicationId, deploy, scopeNamed, type Scope } from './demo-api';
import { getJson } from './deployment-page';

test('every scope of every application with the release it serves, and a deployment in flight as it happens', async ({
  page,
  request,
}) => {
  await page.goto('/');
  const table = page.getByRole('table', { name: /What runs where/ });
  await expect(table.getByRole('rowheader', { name: 'greeter' })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: 'inventory' })).toBeVisible();
  // Scopes are named per application: greeter's development scope has nothing deployed yet.
  const greeterDev = await scopeNamed(request, await applicationId(request, 'greeter'), 'development');
  const devRow = table.getByRole('row').filter({ has: page.locator(`a[href="/scopes/${greeterDev.id}"]`) });
  await expect(devRow).toContainText('nothing yet');

  // Live: a deployment started elsewhere shows up in flight without a reload.
  const { deployment, scope } = await deploy(request, 'greeter', 'staging', '1.2.0');
  const row = table.getByRole('row').filter({ has: page.locator(`a[href="/scopes/${scope.id}"]`) });
  await expect(row.getByRole('link', { name: `#${deployment.id}` })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Needs you' })).toBeVisible();
  // Leave the demo as it was for the journeys after this one: nothing in flight on greeter's staging.
  const response = await request.patch(`/api/deployment/${deployment.id}`, { data: { status: 'cancelling' } });
  expect([200, 204, 409]).toContain(response.status());
  await expect
    .poll(async () => (await getJson<Scope>(request, `/api/scope/${scope.id}`)).in_progress_deployment, {
      timeout: 30_000,
    })
    .toBeNull();
  await expect(row.getByRole('link', { name: `#${deployment.id}` })).toHaveCount(0);
});
