/** Steps on the deployment page and API reads that several journeys take, written once. */
import { expect, type APIRequestContext, type Page } from '@playwright/test';

export async function getJson<T>(request: APIRequestContext, url: string): Promise<T> {
  const response = await request.get(url);
  expect(response.ok(), `GET ${url} answered ${response.status()}`).toBe(true);
  return (await response.json()) as T;
}

export async function expectStatus(page: Page, status: string, timeout = 30_000) {
  await expect(page.getByTestId('deployment-status')).toHaveText(status.replaceAll('_', ' '), { timeout });
}

/** Moves the traffic slider from 0% to `percent` with the arrow key, then opens the review of the change. */
export async function reviewTrafficWithKeyboard(page: Page, scopeName: string, percent: number) {
  const slider = page.getByRole('slider', { name: 'Traffic to the new release' });
  await expect(slider).toHaveAttribute('aria-valuenow', '0');
  await slider.focus();
  for (let step = 0; step < percent; step++) await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuenow', String(percent));
  await page.getByRole('button', { name: 'Review change' }).click();
  return page.getByRole('alertdialog', { name: `Move traffic on ${scopeName}?` });
}
