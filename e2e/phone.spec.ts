/** At a phone's size (issue 9, item 13): one-row header, nothing wider than the screen, and the actions stay at hand. */
import { expect, test } from '@playwright/test';

import { deploy } from './demo-api';
import { expectStatus } from './deployment-page';

test.use({ viewport: { width: 390, height: 844 } });

test('the header is one row and no page is wider than the screen', async ({ page }) => {
  for (const url of [
    '/',
    '/applications/1',
    '/applications/1/releases',
    '/applications/1/builds',
    '/releases/2',
    '/scopes/2',
    '/deployments/2',
  ]) {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const header = await page.locator('header').first().boundingBox();
    expect(header?.height ?? 0, `header of ${url}`).toBeLessThan(70);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `width of ${url}`).toBeLessThanOrEqual(390);
  }
});

test('a list wider than the screen says it scrolls, and shades the side that has more', async ({ page }) => {
  for (const url of ['/applications/1/deployments', '/applications/1/releases', '/applications/1/builds']) {
    await page.goto(url);
    const table = page.getByRole('table').first();
    await expect(table).toBeVisible();
    const hint = page.getByTestId('table-scroll-hint').first();
    await expect(hint, `hint on ${url}`).toHaveText('Scroll sideways for more columns →');
    await expect(hint).toBeInViewport();
    await expect(page.getByTestId('table-more-right').first()).toBeVisible();
    await expect(page.getByTestId('table-more-left')).toHaveCount(0);

    // Swiped to the end: the cue turns to the other side.
    await table.evaluate((element) => element.parentElement?.scrollTo({ left: element.scrollWidth }));
    await expect(hint).toHaveText('← Scroll back for the first columns');
    await expect(page.getByTestId('table-more-left').first()).toBeVisible();
    await expect(page.getByTestId('table-more-right')).toHaveCount(0);
  }
  // Where the table fits, nothing says it scrolls.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/applications/1/deployments');
  await expect(page.getByRole('table').first()).toBeVisible();
  await expect(page.getByTestId('table-scroll-hint')).toHaveCount(0);
});

test('a deployment: the actions stay on screen while the chart and messages scroll by', async ({ page, request }) => {
  const { deployment } = await deploy(request, 'inventory', 'staging', '2.2.0');
  await page.goto(`/deployments/${deployment.id}`);
  await expectStatus(page, 'running');
  const finalize = page.getByRole('button', { name: 'Finalize' });
  await expect(finalize).toBeInViewport();
  const messages = page.getByRole('region', { name: 'Messages' });
  await messages.scrollIntoViewIfNeeded();
  await expect(finalize).toBeInViewport();
  // Each message reads across the card, under its level and time, not in a narrow column beside them.
  const text = await messages.getByTestId('message-text').first().boundingBox();
  expect(text?.width ?? 0).toBeGreaterThan(250);
  // Leave nothing in flight for the journeys after this one.
  await page.getByRole('button', { name: 'Roll back' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Roll back' }).click();
  await expectStatus(page, 'rolled_back');
});
