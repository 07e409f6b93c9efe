/**
 * First page JS, the way a browser loads it: headless Chromium opens `/` of a console (demo seed) serving a fresh
 * production build of the SPA, and every script it loads until the page is idle (no request in flight for 500 ms, the
 * live-update stream aside) is counted, gzipped at level 9, in a new context each try (cold cache). The baseline is
 * the same measure of a page that renders with React + ReactDOM alone (bench/fixtures/react-baseline), built the same
 * way; a second row measures the smallest page on the console's stack (bench/fixtures/stack-baseline: React,
 * react-router's data router, TanStack Query) against the same React baseline, the floor under the console's first
 * page. The notes give scripts/print-size.ts's count from the build's manifest (what `npm run build` checks against
 * its budget), what the first page's bytes are made of (rendered bytes per package or source folder, after
 * tree-shaking, before minification and gzip), and the load average while measuring.
 */
import { loadavg } from 'node:os';
import { basename } from 'node:path';

import { FIRST_PAGE_BUDGET_KB, firstPageScripts, gzippedKb } from '../../scripts/print-size';
import { launchChromium, scriptsUntilIdle, type LoadedScript } from '../lib/browser';
import { startConsole, type ConsoleHandle } from '../lib/console';
import { newDataDir } from '../lib/data';
import { row } from '../lib/report';
import { buildFixture, moduleOwner } from '../lib/spa';
import { serveFolder, type StaticServer } from '../lib/static-server';
import { median } from '../lib/stats';
import type { Figure } from '../lib/types';

/** Issue 13's target for everything the first page loads. */
const TARGET_KB = 110;

const total = (scripts: readonly LoadedScript[]) => scripts.reduce((sum, script) => sum + script.gzippedKb, 0);
const loadAverage = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');

export const figure: Figure = {
  name: 'first-page-js',
  title: 'first page JS, gzipped',
  async run(ctx) {
    const tries = ctx.quick ? 1 : 3;
    const spa = await ctx.shared.spaBuild();
    const baselineDir = await buildFixture(ctx.root, 'react-baseline');
    const stackDir = await buildFixture(ctx.root, 'stack-baseline');
    let consoleServer: ConsoleHandle | undefined;
    let baselineServer: StaticServer | undefined;
    let stackServer: StaticServer | undefined;
    const browser = await launchChromium();
    const loads: LoadedScript[][] = [];
    const baselineLoads: LoadedScript[][] = [];
    const stackLoads: LoadedScript[][] = [];
    const loadAverages: string[] = [];
    try {
      consoleServer = await startConsole({
        root: ctx.root,
        dataDir: newDataDir('first-page'),
        staticDir: spa.outDir,
        seed: 'demo',
        label: 'console (first page)',
      });
      baselineServer = await serveFolder(baselineDir);
      stackServer = await serveFolder(stackDir);
      for (let i = 0; i < tries; i += 1) {
        loadAverages.push(loadAverage());
        loads.push(await scriptsUntilIdle(browser, `${consoleServer.url}/`));
        baselineLoads.push(await scriptsUntilIdle(browser, `${baselineServer.url}/`));
        stackLoads.push(await scriptsUntilIdle(browser, `${stackServer.url}/`));
      }
    } finally {
      await browser.close().catch(() => undefined);
      await baselineServer?.close();
      await stackServer?.close();
      await consoleServer?.stop();
    }
    const totals = loads.map(total);
    const measured = median(totals);
    const baseline = median(baselineLoads.map(total));
    const stack = median(stackLoads.map(total));
    // The try whose total is the median: its scripts are the ones listed.
    const typical = loads[totals.indexOf(measured)] ?? loads[0] ?? [];

    const manifestFiles = firstPageScripts(spa.outDir).map((file) => ({ file, kb: gzippedKb(file) }));
    const manifestKb = manifestFiles.reduce((sum, entry) => sum + entry.kb, 0);
    const owners = new Map<string, number>();
    for (const script of typical) {
      const modules = spa.chunks.get(`assets/${basename(new URL(script.url).pathname)}`) ?? {};
      for (const [id, bytes] of Object.entries(modules)) {
        const owner = moduleOwner(id, ctx.root);
        owners.set(owner, (owners.get(owner) ?? 0) + bytes);
      }
    }
    const composition = [...owners].sort((a, b) => b[1] - a[1]).filter(([, bytes]) => bytes >= 1024);
    const name = (script: LoadedScript) => basename(new URL(script.url).pathname);

    return {
      rows: [
        row({
          figure: `first page JS in Chromium until idle, gzipped (median of ${tries})`,
          measured,
          baseline,
          unit: 'KB',
          baselineLabel: 'React + ReactDOM alone',
          target: `≤ ${TARGET_KB} KB`,
          goal: { kind: 'absolute', max: TARGET_KB },
          details: {
            tries_kb: totals,
            scripts: Object.fromEntries(typical.map((script) => [name(script), script.gzippedKb])),
            baseline_scripts: Object.fromEntries(
              (baselineLoads[0] ?? []).map((script) => [name(script), script.gzippedKb]),
            ),
            console_own_kb: measured - baseline,
            beyond_stack_kb: measured - stack,
            manifest_count_kb: manifestKb,
            manifest_files: manifestFiles.length,
            build_budget_kb: FIRST_PAGE_BUDGET_KB,
            load_average_at_each_try: loadAverages,
            rendered_kb_by_owner: Object.fromEntries(
              composition.map(([owner, bytes]) => [owner, Math.round(bytes / 102.4) / 10]),
            ),
          },
        }),
        row({
          figure: `smallest page on the same stack (React, react-router data router, TanStack Query), in Chromium`,
          measured: stack,
          baseline,
          unit: 'KB',
          baselineLabel: 'React + ReactDOM alone',
          target: 'reported: the floor under the first page',
          goal: { kind: 'none' },
          details: {
            scripts: Object.fromEntries((stackLoads[0] ?? []).map((script) => [name(script), script.gzippedKb])),
          },
        }),
      ],
      notes: [
        `Chromium loaded ${typical.length} scripts before idle: ${typical.map((script) => `${name(script)} ${script.gzippedKb.toFixed(1)} KB`).join(', ')}`,
        `tries: ${totals.map((kb) => `${kb.toFixed(1)} KB`).join(', ')}; load average (1, 5, 15 min) at each: ${loadAverages.join(' | ')}`,
        `React + ReactDOM alone: ${baseline.toFixed(1)} KB; with react-router's data router and TanStack Query: ${stack.toFixed(1)} KB; np-console's own code and readers beyond that: ${(measured - stack).toFixed(1)} KB`,
        `scripts/print-size.ts (entry chunk, its imports and the route module of /, from the manifest): ${manifestKb.toFixed(1)} KB in ${manifestFiles.length} files, build budget ${FIRST_PAGE_BUDGET_KB} KB`,
        `rendered bytes (before minify and gzip) by package/folder: ${composition
          .slice(0, 12)
          .map(([owner, bytes]) => `${owner} ${(bytes / 1024).toFixed(1)} KB`)
          .join(', ')}`,
      ],
    };
  },
};
