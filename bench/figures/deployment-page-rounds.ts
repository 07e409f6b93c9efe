/**
 * Deployment page request rounds: in headless Chromium, how many rounds of requests a deep link to a blue/green
 * deployment in flight waits through until the page is complete (its release, scope, application, build and the
 * release it replaces all shown). Every request is held back 150 ms before it goes out, so that requests a page sends
 * together overlap however fast the local server is, and a request that waited for another's answer is a round later
 * (bench/lib/browser.ts `requestRounds`). Counted over all requests (document, scripts, data) and over data requests
 * alone; the notes give the longest chain of each. The data the page shows has three levels: the deployment; its
 * scope, release and the scope's finalized deployments; the build and the release of the deployment it replaces (found
 * in that list). No page can wait fewer rounds of data than that: it is the baseline.
 */
import { loadavg } from 'node:os';

import { launchChromium, requestRounds, type RequestRounds } from '../lib/browser';
import { startConsole, type ConsoleHandle } from '../lib/console';
import { newDataDir } from '../lib/data';
import { row } from '../lib/report';
import { median } from '../lib/stats';
import type { Figure } from '../lib/types';

const DELAY_MS = 150;
/** The levels of data the page shows (see above). */
const DATA_LEVELS = 3;

type Listed = { results: Array<Record<string, unknown>> };

function results(body: unknown): Array<Record<string, unknown>> {
  return typeof body === 'object' && body !== null && Array.isArray((body as Listed).results)
    ? (body as Listed).results
    : [];
}

/** A new blue/green deployment (in flight) of another release to the demo's first scope that serves one. */
async function blueGreenInFlight(consoleServer: ConsoleHandle): Promise<number> {
  const scopes = results((await consoleServer.api('GET', '/api/scope?application_id=1')).body);
  const scope = scopes.find((candidate) => typeof candidate['active_deployment'] === 'number');
  if (!scope) throw new Error('the demo has no scope with an active deployment');
  const active = (await consoleServer.api('GET', `/api/deployment/${String(scope['active_deployment'])}`))
    .body as Record<string, unknown>;
  const releases = results((await consoleServer.api('GET', '/api/release?application_id=1')).body);
  const release = releases.find((candidate) => candidate['id'] !== active['release_id']);
  if (!release) throw new Error('the demo has no second release');
  const created = await consoleServer.api('POST', '/api/deployment', {
    scope_id: scope['id'],
    release_id: release['id'],
  });
  const id = (created.body as Record<string, unknown>)['id'];
  if (created.status !== 201 && created.status !== 200)
    throw new Error(`POST /api/deployment answered ${created.status}`);
  if (typeof id !== 'number') throw new Error('POST /api/deployment answered without an id');
  return id;
}

export const figure: Figure = {
  name: 'deployment-page-rounds',
  title: 'deployment page request rounds',
  async run(ctx) {
    const tries = ctx.quick ? 1 : 3;
    const spa = (await ctx.shared.spaBuild()).outDir;
    let consoleServer: ConsoleHandle | undefined;
    const browser = await launchChromium();
    const measured: RequestRounds[] = [];
    const loadAverages: string[] = [];
    try {
      consoleServer = await startConsole({
        root: ctx.root,
        dataDir: newDataDir('rounds'),
        staticDir: spa,
        seed: 'demo',
        label: 'console (deployment page rounds)',
      });
      // The demo's first deployments must be active before a blue/green one can replace them.
      for (let waited = 0; ; waited += 500) {
        const scopes = results((await consoleServer.api('GET', '/api/scope?application_id=1')).body);
        if (scopes.some((scope) => typeof scope['active_deployment'] === 'number')) break;
        if (waited > 60_000) throw new Error('the demo scopes did not become active within 60 s');
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      const deploymentId = await blueGreenInFlight(consoleServer);
      const url = `${consoleServer.url}/deployments/${deploymentId}`;
      for (let i = 0; i < tries; i += 1) {
        loadAverages.push(
          loadavg()
            .map((value) => value.toFixed(2))
            .join(', '),
        );
        measured.push(
          await requestRounds(browser, url, {
            delayMs: DELAY_MS,
            quietMs: 1_500,
            // Complete: the release it replaces is named (the deepest level), and the build is linked.
            ready: (page) => page.getByRole('link', { name: /^\(deployment #\d+\)$/ }).waitFor({ timeout: 30_000 }),
          }),
        );
      }
    } finally {
      await browser.close().catch(() => undefined);
      await consoleServer?.stop();
    }
    const rounds = median(measured.map((entry) => entry.rounds));
    const dataRounds = median(measured.map((entry) => entry.dataRounds));
    const example = measured.find((entry) => entry.dataRounds === dataRounds) ?? measured[0];
    return {
      rows: [
        row({
          figure: `deployment page (blue/green in flight), rounds of data requests (median of ${tries})`,
          measured: dataRounds,
          baseline: DATA_LEVELS,
          unit: 'rounds',
          baselineLabel: 'levels of data it shows',
          target: 'reported',
          goal: { kind: 'none' },
          details: { tries: measured, load_average_at_each_try: loadAverages },
        }),
        row({
          figure: `deployment page (blue/green in flight), navigation → last request answered (median of ${tries})`,
          measured: median(measured.map((entry) => entry.completeMs)),
          baseline: DATA_LEVELS * DELAY_MS,
          unit: 'ms',
          baselineLabel: `${DATA_LEVELS} levels × ${DELAY_MS} ms held back`,
          target: 'reported',
          goal: { kind: 'none' },
        }),
        row({
          figure: `deployment page (blue/green in flight), rounds of all requests (median of ${tries})`,
          measured: rounds,
          baseline: null,
          unit: 'rounds',
          baselineLabel: 'document, scripts and data',
          target: 'reported',
          goal: { kind: 'none' },
        }),
      ],
      notes: [
        `every request held back ${DELAY_MS} ms; only the first request to each address counts (polling repeats one)`,
        `longest chain of data requests: ${example?.dataChain.join(' → ') ?? '—'}`,
        `longest chain of all requests: ${example?.chain.join(' → ') ?? '—'}`,
        `load average (1, 5, 15 min) at each try: ${loadAverages.join(' | ')}`,
      ],
    };
  },
};
