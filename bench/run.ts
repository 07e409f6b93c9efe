/**
 * `npm run bench` (and `npm run bench -- --quick`): measures every figure of the benchmarks issue next to its
 * baseline in the same run, prints one table and writes bench/results.json. Everything it starts listens on
 * 127.0.0.1 and is stopped at the end, on error and on Ctrl-C.
 *
 *   --quick        small bounded loads (CI runs this so the bench cannot rot; it asserts nothing)
 *   --only=a,b     run only these figures (file names in bench/figures)
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { figure as apiThroughput } from './figures/api-throughput';
import { figure as consoleBlocked } from './figures/console-blocked';
import { figure as deploymentPageRounds } from './figures/deployment-page-rounds';
import { figure as deploymentsPage } from './figures/deployments-page';
import { figure as firstPageJs } from './figures/first-page-js';
import { figure as listScaling } from './figures/list-scaling';
import { figure as liveUpdateLatency } from './figures/live-update-latency';
import { figure as metricRollback } from './figures/metric-rollback';
import { figure as proxyOverhead } from './figures/proxy-overhead';
import { figure as serverMemory } from './figures/server-memory';
import { figure as splitAccuracy } from './figures/split-accuracy';
import { removeDataDirs } from './lib/data';
import { loadAverage, machine } from './lib/machine';
import { killAllNow, stopAll } from './lib/processes';
import { failedRow, tableLines } from './lib/report';
import { Shared } from './lib/shared';
import type { BenchContext, Figure, FigureResult } from './lib/types';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');

/** The order of the table. */
const tableOrder: Figure[] = [
  apiThroughput,
  listScaling,
  proxyOverhead,
  consoleBlocked,
  splitAccuracy,
  liveUpdateLatency,
  metricRollback,
  firstPageJs,
  serverMemory,
  deploymentsPage,
  deploymentPageRounds,
];
/** The order they run in: the ones using the live blue/green scope first, so it can be stopped before the rest. */
const runOrder: Figure[] = [
  apiThroughput,
  proxyOverhead,
  consoleBlocked,
  splitAccuracy,
  liveUpdateLatency,
  metricRollback,
  listScaling,
  serverMemory,
  firstPageJs,
  deploymentsPage,
  deploymentPageRounds,
];
const usesLiveScope = new Set([apiThroughput, proxyOverhead, consoleBlocked, splitAccuracy, liveUpdateLatency]);
/** A figure that hangs is abandoned after this; its processes are stopped with the rest at the end. */
const figureTimeoutMs = quick ? 90_000 : 600_000;

const started = performance.now();
const log = (line: string) =>
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}\n`);
const shared = new Shared(root, log);
const ctx: BenchContext = { quick, root, log, shared };

let cleanedUp = false;
async function cleanUp(): Promise<void> {
  if (cleanedUp) return;
  cleanedUp = true;
  await shared.close().catch(() => undefined);
  await stopAll();
  removeDataDirs();
}
process.on('exit', killAllNow);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping everything the bench started`);
    void cleanUp().finally(() => process.exit(130));
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const selected = runOrder.filter((figure) => !only || only.includes(figure.name));
const results = new Map<Figure, FigureResult>();
try {
  log(`np-console bench (${quick ? 'quick' : 'full'}): ${selected.map((figure) => figure.name).join(', ')}`);
  for (const figure of selected) {
    const figureStarted = performance.now();
    const loadAtStart = loadAverage();
    log(`${figure.name}… (load average ${loadAtStart})`);
    try {
      const outcome = await withTimeout(figure.run(ctx), figureTimeoutMs, figure.name);
      const load_average = { start: loadAtStart, end: loadAverage() };
      results.set(figure, {
        name: figure.name,
        seconds: (performance.now() - figureStarted) / 1000,
        load_average,
        ...outcome,
      });
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      log(`${figure.name} failed: ${message}`);
      results.set(figure, {
        name: figure.name,
        seconds: (performance.now() - figureStarted) / 1000,
        load_average: { start: loadAtStart, end: loadAverage() },
        rows: [failedRow(figure.title, 'see notes')],
        notes: [`failed: ${error instanceof Error ? error.message : String(error)}`],
        error: message,
      });
    }
    if (usesLiveScope.has(figure) && !selected.some((next) => usesLiveScope.has(next) && !results.has(next))) {
      await shared.releaseLiveScope();
    }
  }
} finally {
  await cleanUp();
}

const ordered = tableOrder.flatMap((figure) => results.get(figure) ?? []);
const seconds = (performance.now() - started) / 1000;
const info = machine();
const output = [
  '',
  `np-console bench (${quick ? 'quick' : 'full'}), ${info.date}`,
  `${info.cpu_model}, ${info.cores} cores, ${info.memory_gb} GB, Node ${info.node}, ${info.os}; took ${seconds.toFixed(0)} s; ` +
    `load average ${info.load_average.start} at start, ${info.load_average.end} at end`,
  '',
  ...tableLines(ordered),
  '',
  'Notes:',
  ...ordered.flatMap((result) => [
    `  ${result.name} (${result.seconds.toFixed(1)} s, load average ${result.load_average.start} → ${result.load_average.end}):`,
    ...result.notes.map((note) => `    - ${note}`),
  ]),
  '',
];
process.stdout.write(output.join('\n'));

const file = join(root, 'bench', quick ? 'results.quick.json' : 'results.json');
writeFileSync(
  file,
  `${JSON.stringify({ mode: quick ? 'quick' : 'full', seconds: Math.round(seconds), machine: info, figures: ordered }, null, 2)}\n`,
);
process.stdout.write(`results written to ${file}\n`);
if (ordered.some((result) => result.error)) process.exitCode = 1;
