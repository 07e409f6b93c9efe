/**
 * What a page makes headless Chromium do, read from its network log: the scripts it loads before it is idle, and how
 * many rounds of requests it waits through (a request that starts only after another has finished is a round later).
 */
import { gzipSync } from 'node:zlib';

import { chromium, type Browser, type Page } from 'playwright-core';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Requests that never end by design (the live-update stream) do not keep a page from being idle. */
function isLongLived(url: string): boolean {
  return new URL(url).pathname === '/console/events';
}

/**
 * Waits until no request (but long-lived ones) has been in flight for `quietMs`: the page is idle. Counts every
 * request from the moment it is called, so call it before navigating.
 */
export function watchIdle(page: Page, quietMs = 500): { idle(timeoutMs?: number): Promise<void> } {
  const inFlight = new Set<unknown>();
  let lastChange = performance.now();
  const settle = (request: { url(): string }) => {
    if (inFlight.delete(request)) lastChange = performance.now();
  };
  page.on('request', (request) => {
    if (isLongLived(request.url())) return;
    inFlight.add(request);
    lastChange = performance.now();
  });
  page.on('requestfinished', settle);
  page.on('requestfailed', settle);
  return {
    async idle(timeoutMs = 30_000) {
      const started = performance.now();
      while (inFlight.size > 0 || performance.now() - lastChange < quietMs) {
        if (performance.now() - started > timeoutMs)
          throw new Error(`the page was not idle within ${timeoutMs / 1000} s (${inFlight.size} requests in flight)`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

export type LoadedScript = { url: string; gzippedKb: number };

/**
 * Every script the page at `url` loads until it is idle (network quiet for 500 ms, the event stream aside), each
 * gzipped at level 9 as scripts/print-size.ts counts them, in a new browser context (cold cache).
 */
export async function scriptsUntilIdle(browser: Browser, url: string): Promise<LoadedScript[]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const bodies: Promise<LoadedScript | undefined>[] = [];
    page.on('response', (response) => {
      const type = response.request().resourceType();
      const contentType = response.headers()['content-type'] ?? '';
      if (type !== 'script' && !contentType.includes('javascript')) return;
      bodies.push(
        response.body().then(
          (body) => ({ url: response.url(), gzippedKb: gzipSync(body, { level: 9 }).length / 1024 }),
          () => undefined,
        ),
      );
    });
    const network = watchIdle(page);
    await page.goto(url, { waitUntil: 'load' });
    await network.idle();
    const scripts = (await Promise.all(bodies)).filter((script): script is LoadedScript => script !== undefined);
    const seen = new Set<string>();
    return scripts.filter((script) => (seen.has(script.url) ? false : (seen.add(script.url), true)));
  } finally {
    await context.close();
  }
}

type Timed = { url: string; start: number; end: number };

export type RequestRounds = {
  /** The longest chain of requests each of which started after the one before it had finished. */
  rounds: number;
  /** The same counting only requests for data (`/api`, `/console`): scripts and styles waited for are left out. */
  dataRounds: number;
  /** Those chains, first request first, as `path?search`. */
  chain: string[];
  dataChain: string[];
  requests: number;
  /** From the navigation's start to the end of the last of those requests. */
  completeMs: number;
};

/**
 * Opens `url` in a new context with every request held back `delayMs` before it goes out, so that requests a page
 * sends together overlap however fast the server is, and a request that had to wait for another's answer shows as a
 * round later. Only the first request to each address counts (polling repeats one), the event stream not at all.
 * Done when `ready` resolves and no new address has been asked for `quietMs`.
 */
export async function requestRounds(
  browser: Browser,
  url: string,
  options: { delayMs: number; quietMs: number; ready: (page: Page) => Promise<unknown> },
): Promise<RequestRounds> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const requests = new Map<unknown, Timed>();
    const first = new Set<string>();
    let lastNew = performance.now();
    await page.route('**/*', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      await route.continue().catch(() => undefined);
    });
    page.on('request', (request) => {
      const address = request.url();
      if (isLongLived(address) || first.has(address)) return;
      first.add(address);
      lastNew = performance.now();
      requests.set(request, { url: address, start: performance.now(), end: Number.POSITIVE_INFINITY });
    });
    const finish = (request: unknown) => {
      const timed = requests.get(request);
      if (timed) timed.end = performance.now();
    };
    page.on('requestfinished', finish);
    page.on('requestfailed', finish);
    const navigationStart = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    await options.ready(page);
    const started = performance.now();
    while (performance.now() - lastNew < options.quietMs && performance.now() - started < 30_000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const timed = [...requests.values()].sort((a, b) => a.start - b.start);
    const isData = (request: Timed) => /^\/(api|console)\//.test(new URL(request.url).pathname);
    const all = longestChain(timed, () => 1);
    const data = longestChain(timed, (request) => (isData(request) ? 1 : 0));
    const show = (request: Timed) => {
      const address = new URL(request.url);
      return `${address.pathname}${address.search}`;
    };
    return {
      rounds: all.length,
      dataRounds: data.filter(isData).length,
      chain: all.map(show),
      dataChain: data.filter(isData).map(show),
      requests: timed.length,
      completeMs: Math.max(...timed.map((request) => request.end).filter(Number.isFinite)) - navigationStart,
    };
  } finally {
    await context.close();
  }
}

/**
 * The heaviest chain of requests each starting after the one before it finished, `weight` per request (sorted by
 * start): a longest path in a DAG, so one pass in start order.
 */
function longestChain(sorted: readonly Timed[], weight: (request: Timed) => number): Timed[] {
  const best = new Map<Timed, { total: number; after: Timed | undefined }>();
  for (const request of sorted) {
    let entry = { total: weight(request), after: undefined as Timed | undefined };
    for (const before of sorted) {
      const previous = best.get(before);
      if (previous === undefined || before.end > request.start) continue;
      if (previous.total + weight(request) > entry.total)
        entry = { total: previous.total + weight(request), after: before };
    }
    best.set(request, entry);
  }
  let last: Timed | undefined;
  for (const [request, entry] of best)
    if (last === undefined || entry.total > (best.get(last)?.total ?? 0)) last = request;
  const chain: Timed[] = [];
  for (let link = last; link; link = best.get(link)?.after) chain.unshift(link);
  return chain;
}
