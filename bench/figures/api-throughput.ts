/**
 * API throughput: `GET /api/deployment/:id` through the whole console server (routing, Host check, validation,
 * SQLite read, JSON) against a bare node:http server answering the same status, headers and bytes. Both run in their
 * own child process; autocannon drives both with the same connections and duration, interleaved, after a warm-up.
 */
import { describeLoad, load, type LoadResult } from '../lib/load';
import { capture, startBareServer } from '../lib/console';
import { newDataDir } from '../lib/data';
import { params } from '../lib/params';
import { cpuMs } from '../lib/processes';
import { row } from '../lib/report';
import { mean } from '../lib/stats';
import type { Figure } from '../lib/types';

export const figure: Figure = {
  name: 'api-throughput',
  title: 'API throughput, GET /api/deployment/:id',
  async run(ctx) {
    const p = params(ctx.quick);
    const live = await ctx.shared.liveScope();
    const path = `/api/deployment/${live.greenId}`;
    const canned = await capture(`${live.console.url}${path}`);
    if (canned.status !== 200) throw new Error(`GET ${path} answered ${canned.status}`);
    const bare = await startBareServer(ctx.root, canned, newDataDir('bare'));
    try {
      const targets = [
        { name: 'console', url: `${live.console.url}${path}`, pid: live.console.pid, runs: [] as LoadResult[], cpu: 0 },
        { name: 'bare', url: `${bare.url}${path}`, pid: bare.pid, runs: [] as LoadResult[], cpu: 0 },
      ];
      for (const target of targets) await load({ url: target.url, connections: p.connections, durationSeconds: p.warmupSeconds });
      for (let round = 0; round < p.rounds; round += 1) {
        // Alternate which goes first, so a drift of the machine during the run does not favour one side.
        const order = round % 2 === 0 ? targets : [...targets].reverse();
        for (const target of order) {
          const before = cpuMs(target.pid);
          target.runs.push(await load({ url: target.url, connections: p.connections, durationSeconds: p.loadSeconds }));
          target.cpu += cpuMs(target.pid) - before;
        }
      }
      const [consoleSide, bareSide] = targets;
      if (!consoleSide || !bareSide) throw new Error('unreachable');
      const rps = (runs: LoadResult[]) => mean(runs.map((run) => run.requestsPerSecond));
      const requests = (runs: LoadResult[]) => runs.reduce((sum, run) => sum + run.requests, 0);
      const cpuPerRequest = (target: (typeof targets)[number]) => (target.cpu * 1000) / Math.max(1, requests(target.runs));
      const failures = [...consoleSide.runs, ...bareSide.runs].reduce((sum, run) => sum + run.errors + run.non2xx, 0);
      return {
        rows: [
          row({
            figure: 'API throughput, GET /api/deployment/:id',
            measured: rps(consoleSide.runs),
            baseline: rps(bareSide.runs),
            unit: 'req/s',
            baselineLabel: 'bare node:http, same bytes',
            target: '≥ 0.50× baseline',
            goal: { kind: 'ratio', min: 0.5 },
            details: {
              connections: p.connections,
              seconds_per_run: p.loadSeconds,
              rounds: p.rounds,
              response_bytes: canned.body.length,
              console_cpu_us_per_request: cpuPerRequest(consoleSide),
              bare_cpu_us_per_request: cpuPerRequest(bareSide),
              failures,
            },
          }),
        ],
        notes: [
          `${canned.body.length} bytes per answer, ${p.connections} connections, ${p.rounds}×${p.loadSeconds} s each side, interleaved`,
          ...consoleSide.runs.map((run) => `console: ${describeLoad(run)}`),
          ...bareSide.runs.map((run) => `bare:    ${describeLoad(run)}`),
          `server CPU per request: console ${cpuPerRequest(consoleSide).toFixed(0)} µs, bare ${cpuPerRequest(bareSide).toFixed(0)} µs`,
        ],
      };
    } finally {
      await bare.stop();
    }
  },
};
