/** Every page, in the light and the dark theme and at a phone's size, has no serious or critical axe violation. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const pages = [
  { name: 'applications', url: '/' },
  { name: 'application', url: '/applications/1' },
  { name: 'builds', url: '/applications/1/builds' },
  { name: 'build', url: '/builds/1' },
  { name: 'releases', url: '/applications/1/releases' },
  { name: 'release', url: '/releases/2' },
  { name: 'scopes', url: '/applications/1/scopes' },
  { name: 'scope', url: '/scopes/2' },
  // The demo's never-deployed scope of greeter (seeded after the four deployed ones).
  { name: 'scope never deployed', url: '/scopes/5' },
  { name: 'deployments', url: '/applications/1/deployments' },
  { name: 'deployment', url: '/deployments/2' },
  { name: 'not found', url: '/no/such/page' },
];

const variants = [
  { label: 'light', colorScheme: 'light', phone: false },
  { label: 'dark', colorScheme: 'dark', phone: false },
  { label: 'phone, dark', colorScheme: 'dark', phone: true },
] as const;

for (const { label, colorScheme, phone } of variants) {
  for (const { name, url } of pages) {
    test(`${name} page has no serious accessibility violation (${label})`, async ({ page }) => {
      if (phone) await page.setViewportSize({ width: 390, height: 844 });
      await page.emulateMedia({ colorScheme });
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      // Let lazy sections and their data settle before the audit (the event stream never lets the network idle).
      await expect(page.getByText(/Loading/)).toHaveCount(0);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const serious = results.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map(
          (violation) =>
            `${violation.id}: ${violation.help} (${violation.nodes.map((node) => `${node.target.join(' ')} ${node.failureSummary ?? ''}`).join(', ')})`,
        );
      expect(serious).toEqual([]);
    });
  }
}
