/**
 * What the browser saw in a connected-mode journey, from the page's first request to the end of the test: no answer
 * ≥ 400 (the console's local-platform reads, which answer 404 when connected, are not even asked for), no page
 * error, no failed request, and no secret anywhere the browser could see one (request and response headers, bodies,
 * HTML, storage). Shared by e2e/connected and e2e/real-shapes; each says what its secrets look like.
 */
import { expect, type Page, type Request, type Response } from '@playwright/test';

/** The words of a token answer or header. */
const TOKEN_WORDS = /access_token|refresh_token|Bearer /i;
/** How long the watcher waits for a body before reading it as empty. */
const BODY_WAIT_MS = 5_000;

/** Names the secret `text` holds (e.g. "the API key"), or undefined when it holds none. */
export type SecretFinder = (text: string) => string | undefined;

export type Watched = { errors: string[]; leaks: string[]; settled: () => Promise<unknown> };

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function headerText(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
}

export function watchBrowser(page: Page, secretsIn: SecretFinder): Watched {
  const errors: string[] = [];
  const leaks: string[] = [];
  const reads: Promise<void>[] = [];
  const inspectRequest = async (request: Request) => {
    const headers = await request.allHeaders();
    const seen = `${headerText(headers)}\n${request.postData() ?? ''}`;
    const secret = secretsIn(seen) ?? ('authorization' in headers ? 'an Authorization header' : undefined);
    if (secret !== undefined) leaks.push(`${request.method()} ${request.url()} sent ${secret}`);
  };
  const inspectResponse = async (response: Response) => {
    const url = response.url();
    const status = response.status();
    if (status >= 400) errors.push(`${response.request().method()} ${url} → ${status}`);
    // A redirect or an aborted request has no body; a body the page never read may never finish: give up after a while.
    const body = await Promise.race([response.text().catch(() => ''), delay(BODY_WAIT_MS).then(() => '')]);
    const seen = `${headerText(await response.allHeaders())}\n${body}`;
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
    if (request.failure()?.errorText !== 'net::ERR_ABORTED')
      errors.push(`${request.method()} ${request.url()} failed: ${request.failure()?.errorText}`);
  });
  return { errors, leaks, settled: () => Promise.all(reads) };
}

export async function expectNoSecretsInPage(page: Page, secretsIn: SecretFinder) {
  const html = await page.content();
  expect(secretsIn(html), 'the page HTML').toBeUndefined();
  const storage = await page.evaluate(() =>
    JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie }),
  );
  expect(secretsIn(storage), 'local storage, session storage and cookies').toBeUndefined();
}
