/**
 * `test` for the real-shapes journeys: every page is watched from its first request to the end of the test — no
 * answer ≥ 400, no page error, no failed request, and neither the API key nor a token anywhere the browser could see
 * them (request and response headers, bodies, HTML, storage).
 */
import { expect, type Page, test as base } from '@playwright/test';

import { resetFixture } from '../../server/testing/nullplatform-fixture/client';
import { expectNoSecretsInPage, watchBrowser, type Watched } from '../browser-watch';
import { FIXTURE_API_KEY, fixtureUrl } from './settings';

/** A JWT (the fixture's access tokens are shaped like nullplatform's Cognito ones). */
const JWT = /eyJ[\w-]{5,}\.eyJ[\w-]{5,}\.[\w-]{10,}/;

function secretsIn(text: string): string | undefined {
  if (text.includes(FIXTURE_API_KEY)) return 'the API key';
  if (JWT.test(text)) return 'a token';
  return undefined;
}

export type { Watched } from '../browser-watch';

export const test = base.extend<{ watched: Watched }>({
  watched: [
    async ({ page }, use, testInfo) => {
      testInfo.skip(
        testInfo.project.name !== 'real-shapes',
        'runs through the nullplatform fixture: npx playwright test -c playwright.connected.config.ts --project real-shapes',
      );
      const watched = watchBrowser(page, secretsIn);
      await use(watched);
      // Checked only when the steps passed: a failed step's own message says more than the leftovers it causes.
      if (testInfo.status !== testInfo.expectedStatus) return;
      await watched.settled();
      await expectNoSecretsInPage(page, secretsIn);
      expect(watched.errors, 'answers ≥ 400, page errors and failed requests').toEqual([]);
      expect(watched.leaks, 'the API key or a token seen by the browser').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** A page that loaded its data: its names are on it, and none of the console's error texts is. */
export async function expectNoLoadError(page: Page) {
  await expect(page.getByText(/Unexpected response|Couldn't load/)).toHaveCount(0);
}

/**
 * Each spec file starts from the seeded organization, whatever ran before it (a retried journey, the other files):
 * the fixture is reset directly, not through the console.
 */
export function startFromSeededOrganization() {
  test.beforeAll(async ({}, testInfo) => {
    testInfo.skip(testInfo.project.name !== 'real-shapes', 'runs through the nullplatform fixture');
    await resetFixture(fixtureUrl, FIXTURE_API_KEY);
  });
}
