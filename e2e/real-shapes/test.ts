/**
 * `test` for the real-shapes journeys: every page is watched from its first request to the end of the test — no
 * answer ≥ 400 (but the console-only 404s of connected mode), no page error, no failed request, and neither the API
 * key nor a token anywhere the browser could see them (request and response headers, bodies, HTML, storage).
 */
import { expect, type Page, type Request, type Response, test as base } from '@playwright/test';

import { resetFixture } from '../../server/testing/nullplatform-fixture/client';
import { FIXTURE_API_KEY, fixtureUrl } from './settings';

/** Console-only endpoints that answer 404 in connected mode by design (nullplatform reports traffic and instances itself). */
const LOCAL_ONLY = /\/console\/(traffic|scope\/\d+\/runtime|events)\b/;
/** A JWT (the fixture's access tokens are shaped like nullplatform's Cognito ones). */
const JWT = /eyJ[\w-]{5,}\.eyJ[\w-]{5,}\.[\w-]{10,}/;
/** The words of a token answer or header. */
const TOKEN_WORDS = /access_token|refresh_token|Bearer /i;

export type Watched = { errors: string[]; leaks: string[] };

/** How long the watcher waits for a body before reading it as empty. */
const BODY_WAIT_MS = 5_000;
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function secretsIn(text: string): string | undefined {
  if (text.includes(FIXTURE_API_KEY)) return 'the API key';
  if (JWT.test(text)) return 'a token';
  return undefined;
}

function watch(page: Page): Watched & { settled: () => Promise<unknown> } {
  const errors: string[] = [];
  const leaks: string[] = [];
  const reads: Promise<void>[] = [];
  const inspectRequest = async (request: Request) => {
    const headers = await request.allHeaders();
    const seen = `${Object.entries(headers).map(([name, value]) => `${name}: ${value}`).join('\n')}\n${request.postData() ?? ''}`;
    const secret = secretsIn(seen) ?? (/^authorization$/im.test(Object.keys(headers).join('\n')) ? 'an Authorization header' : undefined);
    if (secret !== undefined) leaks.push(`${request.method()} ${request.url()} sent ${secret}`);
  };
  const inspectResponse = async (response: Response) => {
    const url = response.url();
    const status = response.status();
    if (status >= 400 && !(status === 404 && LOCAL_ONLY.test(url))) errors.push(`${response.request().method()} ${url} → ${status}`);
    const headers = await response.allHeaders();
    // A redirect or an aborted request has no body; a body the page never read may never finish: give up after a while.
    const body = await Promise.race([response.text().catch(() => ''), delay(BODY_WAIT_MS).then(() => '')]);
    const seen = `${Object.entries(headers).map(([name, value]) => `${name}: ${value}`).join('\n')}\n${body}`;
    const secret = secretsIn(seen);
    if (secret !== undefined) leaks.push(`${url} answered ${secret}`);
    // The SPA's own code mentions tokens in CLI snippets; the API's answers never do.
    if (/\/(api|console)\//.test(new URL(url).pathname) && TOKEN_WORDS.test(seen)) leaks.push(`${url} (token words)`);
  };
  page.on('request', (request) => reads.push(inspectRequest(request)));
  page.on('response', (response) => reads.push(inspectResponse(response)));
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // Queries cancelled by a navigation are not failures.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') errors.push(`${request.method()} ${request.url()} failed: ${request.failure()?.errorText}`);
  });
  return { errors, leaks, settled: () => Promise.all(reads) };
}

async function expectNoSecretsInPage(page: Page) {
  const html = await page.content();
  expect(secretsIn(html), 'the page HTML').toBeUndefined();
  const storage = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie }));
  expect(secretsIn(storage), 'local storage, session storage and cookies').toBeUndefined();
}

export const test = base.extend<{ watched: Watched }>({
  watched: [
    async ({ page }, use, testInfo) => {
      testInfo.skip(testInfo.project.name !== 'real-shapes', 'runs through the nullplatform fixture: npx playwright test -c playwright.connected.config.ts --project real-shapes');
      const watched = watch(page);
      await use(watched);
      // Checked only when the steps passed: a failed step's own message says more than the leftovers it causes.
      if (testInfo.status !== testInfo.expectedStatus) return;
      await watched.settled();
      await expectNoSecretsInPage(page);
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
