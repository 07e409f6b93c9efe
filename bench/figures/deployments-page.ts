/**
 * Deployments page: in headless Chromium, the time from navigating to `/applications/:id/deployments` until the
 * deployments table is shown with its rows, for an application with 10,000 deployments against one with 10 (two data
 * folders, two console processes serving a fresh production build of the SPA). Each try uses a new browser context
 * (cold cache); the two sides alternate. The time is taken inside the page: performance.now() (milliseconds since the
 * navigation started) when a table with a body row first appears.
 */
import { chromium, type Browser } from 'playwright-core';

import { startConsole, type ConsoleHandle } from '../lib/console';
import { prepareDeploymentsFolder } from '../lib/data';
import { load } from '../lib/load';
import { params } from '../lib/params';
import { row } from '../lib/report';
import { median, percentile } from '../lib/stats';
import type { Figure } from '../lib/types';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

type Side = {
  label: string;
  count: number;
  dataDir: string;
  applicationId: number;
  console?: ConsoleHandle;
  times: number[];
  rows: number;
};

/** Runs in the page before any of its scripts: notes when a table with at least one body row is first in the DOM. */
const observeTable = `
  (() => {
    const check = () => {
      if (window.__benchTableShownAt === undefined && document.querySelector('table tbody tr')) {
        window.__benchTableShownAt = performance.now();
      }
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
  })();
`;

export const figure: Figure = {
  name: 'deployments-page',
  title: 'deployments page in headless Chromium',
  async run(ctx) {
    const p = params(ctx.quick);
    const spa = (await ctx.shared.spaBuild()).outDir;
    const sides: Side[] = [p.pageDeploymentsLarge, p.pageDeploymentsSmall].map((count) => ({
      label: count.toLocaleString('en-US'),
      count,
      times: [],
      rows: 0,
      ...prepareDeploymentsFolder(count),
    }));
    const [large, small] = sides;
    if (!large || !small) throw new Error('unreachable');
    let browser: Browser | undefined;
    const notes: string[] = [];
    try {
      for (const side of sides) {
        side.console = await startConsole({
          root: ctx.root,
          dataDir: side.dataDir,
          staticDir: spa,
          label: `console (${side.label} deployments)`,
        });
      }
      ctx.log('deployments-page: both consoles started');
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--disable-dev-shm-usage', '--disable-background-networking'],
      });
      const visit = async (side: Side, record: boolean) => {
        if (browser === undefined) throw new Error('the browser did not start');
        const context = await browser.newContext();
        try {
          const page = await context.newPage();
          await page.addInitScript(observeTable);
          const url = `${side.console?.url ?? ''}/applications/${side.applicationId}/deployments`;
          const started = performance.now();
          await page.goto(url, { waitUntil: 'commit' });
          try {
            await page.getByRole('table').first().waitFor({ state: 'visible', timeout: 30_000 });
          } catch (error) {
            const text = (
              await page
                .locator('body')
                .innerText()
                .catch(() => '')
            )
              .slice(0, 300)
              .replace(/\s+/g, ' ');
            throw new Error(`no role=table on ${url} within 30 s; the page showed: "${text}"`, { cause: error });
          }
          await page.locator('table tbody tr').first().waitFor({ state: 'visible', timeout: 30_000 });
          const wall = performance.now() - started;
          const inPage = await page.evaluate(
            () => (window as unknown as { __benchTableShownAt?: number }).__benchTableShownAt,
          );
          side.rows = await page.locator('table tbody tr').count();
          if (record) side.times.push(inPage ?? wall);
        } finally {
          await context.close();
        }
      };
      for (const side of sides) await visit(side, false); // warm-up: server caches, browser start-up
      for (let i = 0; i < p.pageTries; i += 1) {
        for (const side of i % 2 === 0 ? sides : [...sides].reverse()) await visit(side, true);
      }
      // What the page asks the API for, timed alone.
      for (const side of sides) {
        const api = await load({
          url: `${side.console?.url ?? ''}/api/deployment?application_id=${side.applicationId}&limit=30&offset=0`,
          connections: 1,
          amount: 100,
        });
        notes.push(
          `${side.label} deployments: table shown in median ${median(side.times).toFixed(0)} ms, p95 ${percentile(side.times, 95).toFixed(0)} ms ` +
            `(${side.rows} rows on the page); GET /api/deployment first page: p50 ${api.latencyMs.p50.toFixed(2)} ms`,
        );
      }
    } finally {
      await browser?.close().catch(() => undefined);
      await Promise.all(sides.map((side) => side.console?.stop()));
    }
    return {
      rows: [
        row({
          figure: `deployments page at ${large.label} deployments, navigation → table (median of ${large.times.length})`,
          measured: median(large.times),
          baseline: median(small.times),
          unit: 'ms',
          baselineLabel: `${small.label} deployments`,
          target: '≤ 1.5× baseline',
          goal: { kind: 'ratio', max: 1.5 },
          details: {
            tries: large.times,
            baseline_tries: small.times,
            rows_shown: { large: large.rows, small: small.rows },
          },
        }),
      ],
      notes,
    };
  },
};
