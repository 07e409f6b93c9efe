/**
 * Console server memory: the resident set (VmRSS) of `node --import tsx server/main.ts`, exactly what `npm start`
 * runs, once started on a fresh data folder (it seeds the demo and runs its deployments) and once on a folder with the
 * demo plus 100,000 builds; read after the demo's deployments have settled and the process has been idle a while.
 * The instances are separate processes and not counted; the console's runtime process (the data plane: scope proxies
 * and instance supervision) is a row of its own. Baseline: a bare node:http server started the same way.
 */
import { z } from 'zod';

import { inFlightStatuses } from '@contract/deployment-lifecycle';
import { startBareServer, startConsole, waitUntil, type ConsoleHandle } from '../lib/console';
import { newDataDir, prepareDemoFolder } from '../lib/data';
import { params } from '../lib/params';
import { rssBytes } from '../lib/processes';
import { row } from '../lib/report';
import { sleep, spreadShuffled } from '../lib/stats';
import type { Figure } from '../lib/types';

const MB = 1024 * 1024;
const listSchema = z.looseObject({ results: z.array(z.looseObject({ id: z.number(), status: z.string() })) });

/** Waits until no deployment is in flight (the demo's initial deployments have finished), at most `timeoutMs`. */
async function settle(server: ConsoleHandle, timeoutMs: number): Promise<boolean> {
  const inFlight = new Set<string>(inFlightStatuses);
  try {
    await waitUntil(
      'the demo deployments to settle',
      async () => {
        const list = await server.json('/api/deployment?limit=200', listSchema);
        return list.results.every((deployment) => !inFlight.has(deployment.status)) ? true : undefined;
      },
      timeoutMs,
      250,
    );
  } catch {
    return false;
  }
  const scopes = await server.json('/api/scope?limit=200', listSchema);
  for (const scope of scopes.results) await server.trackInstances(scope.id);
  return true;
}

export const figure: Figure = {
  name: 'server-memory',
  title: 'console server memory',
  async run(ctx) {
    const p = params(ctx.quick);
    const notes: string[] = [];

    const bare = await startBareServer(
      ctx.root,
      { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from('{}') },
      newDataDir('bare-memory'),
    );
    let baseline: number;
    try {
      await fetch(bare.url);
      await sleep(p.memorySettleMs);
      baseline = rssBytes(bare.pid) / MB;
    } finally {
      await bare.stop();
    }

    const measure = async (label: string, dataDir: string, afterIdle?: (server: ConsoleHandle) => Promise<void>) => {
      const server = await startConsole({ root: ctx.root, dataDir, label, seed: 'demo', entry: 'main' });
      try {
        const settled = await settle(server, ctx.quick ? 20_000 : 45_000);
        if (!settled) notes.push(`${label}: the demo's deployments were still in flight when memory was read`);
        await sleep(p.memorySettleMs);
        const idle = rssBytes(server.pid) / MB;
        const runtime = server.runtimePid === undefined ? null : rssBytes(server.runtimePid) / MB;
        let loaded: number | undefined;
        if (afterIdle) {
          await afterIdle(server);
          await sleep(1_000);
          loaded = rssBytes(server.pid) / MB;
        }
        return { idle, runtime, loaded };
      } finally {
        await server.stop();
      }
    };

    const demo = await measure('console (fresh demo)', newDataDir('memory-demo'));
    const started = performance.now();
    const folder = prepareDemoFolder(p.memoryBuilds);
    ctx.log(
      `demo + ${p.memoryBuilds.toLocaleString('en-US')} builds written in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const pages = 100;
    const big = await measure('console (demo + builds)', folder.dataDir, async (server) => {
      for (const offset of spreadShuffled(pages, p.memoryBuilds - 50)) {
        const response = await server.api(
          'GET',
          `/api/build?application_id=${folder.applicationId}&limit=50&offset=${offset}`,
        );
        if (response.status !== 200) throw new Error(`GET /api/build answered ${response.status}`);
      }
    });
    notes.push(
      `idle after the demo settled + ${p.memorySettleMs / 1000} s; with ${p.memoryBuilds.toLocaleString('en-US')} builds, after ${pages} list pages over them: ${big.loaded?.toFixed(1)} MB`,
      `baseline: a bare node:http server started with node --import tsx, idle: ${baseline.toFixed(1)} MB`,
    );
    const target = 'reported; aim ≤ 200 MB';
    return {
      rows: [
        row({
          figure: 'server memory (RSS), idle with the demo',
          measured: demo.idle,
          baseline,
          unit: 'MB',
          baselineLabel: 'bare node:http + tsx',
          target,
          goal: { kind: 'absolute', max: 200 },
        }),
        row({
          figure: 'data plane memory (RSS, runtime process), idle with the demo',
          measured: demo.runtime,
          baseline,
          unit: 'MB',
          baselineLabel: 'bare node:http + tsx',
          target,
          goal: { kind: 'absolute', max: 200 },
        }),
        row({
          figure: `server memory (RSS), demo + ${p.memoryBuilds.toLocaleString('en-US')} builds`,
          measured: big.idle,
          baseline,
          unit: 'MB',
          baselineLabel: 'bare node:http + tsx',
          target,
          goal: { kind: 'absolute', max: 200 },
          details: { after_list_pages_mb: big.loaded },
        }),
      ],
      notes,
    };
  },
};
