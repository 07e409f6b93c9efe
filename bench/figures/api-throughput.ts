/**
 * API throughput: `GET /api/deployment/:id` through the whole console server (routing, Host check, validation,
 * SQLite read, JSON) against two baselines, each in its own child process:
 * - a bare node:http server answering the same status, headers and bytes (the baseline);
 * - node:http doing the console's own SQLite read and JSON.stringify (on a copy of the console's database), so that
 *   what is left between it and the console is the framework: routing, middleware, validation, hono's node adapter.
 * autocannon drives all three with the same connections and duration, interleaved (the order rotates every round),
 * after a warm-up.
 */
import { join } from 'node:path';

import { describeLoad, load, type LoadResult } from '../lib/load';
import { capture, startBareServer, startSqliteServer } from '../lib/console';
import { newDataDir } from '../lib/data';
import { params } from '../lib/params';
import { cpuMs } from '../lib/processes';
import { row } from '../lib/report';
import { mean } from '../lib/stats';
import type { Figure } from '../lib/types';

type Target = { name: string; url: string; pid: number; runs: LoadResult[]; cpu: number };

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
    const sqlite = await startSqliteServer(
      ctx.root,
      join(live.dataDir, 'np-console.db'),
      canned.headers,
      newDataDir('sqlite'),
    ).catch(async (error: unknown) => {
      await bare.stop();
      throw error;
    });
    try {
      const sameAnswer = await capture(`${sqlite.url}${path}`);
      if (!sameAnswer.body.equals(canned.body))
        throw new Error('the SQLite baseline answers other bytes than the console');
      const targets: Target[] = [
        { name: 'console', url: `${live.console.url}${path}`, pid: live.console.pid, runs: [], cpu: 0 },
        { name: 'sqlite', url: `${sqlite.url}${path}`, pid: sqlite.pid, runs: [], cpu: 0 },
        { name: 'bare', url: `${bare.url}${path}`, pid: bare.pid, runs: [], cpu: 0 },
      ];
      for (const target of targets)
        await load({ url: target.url, connections: p.connections, durationSeconds: p.warmupSeconds });
      for (let round = 0; round < p.rounds; round += 1) {
        // Rotate which goes first, so a drift of the machine during the run does not favour one side.
        const order = [...targets.slice(round % targets.length), ...targets.slice(0, round % targets.length)];
        for (const target of order) {
          const before = cpuMs(target.pid);
          target.runs.push(await load({ url: target.url, connections: p.connections, durationSeconds: p.loadSeconds }));
          target.cpu += cpuMs(target.pid) - before;
        }
      }
      const [consoleSide, sqliteSide, bareSide] = targets;
      if (!consoleSide || !sqliteSide || !bareSide) throw new Error('unreachable');
      const rps = (target: Target) => mean(target.runs.map((run) => run.requestsPerSecond));
      const requests = (target: Target) => target.runs.reduce((sum, run) => sum + run.requests, 0);
      const cpuPerRequest = (target: Target) => (target.cpu * 1000) / Math.max(1, requests(target));
      const failures = targets.flatMap((target) => target.runs).reduce((sum, run) => sum + run.errors + run.non2xx, 0);
      const details = {
        connections: p.connections,
        seconds_per_run: p.loadSeconds,
        rounds: p.rounds,
        response_bytes: canned.body.length,
        console_cpu_us_per_request: cpuPerRequest(consoleSide),
        sqlite_cpu_us_per_request: cpuPerRequest(sqliteSide),
        bare_cpu_us_per_request: cpuPerRequest(bareSide),
        failures,
      };
      return {
        rows: [
          row({
            figure: 'API throughput, GET /api/deployment/:id',
            measured: rps(consoleSide),
            baseline: rps(bareSide),
            unit: 'req/s',
            baselineLabel: 'bare node:http, same bytes',
            target: '≥ 0.35× baseline',
            goal: { kind: 'ratio', min: 0.35 },
            details,
          }),
          row({
            figure: "API throughput, the framework's share (same read and JSON)",
            measured: rps(consoleSide),
            baseline: rps(sqliteSide),
            unit: 'req/s',
            baselineLabel: 'node:http + same SQLite read + JSON.stringify',
            target: 'reported',
            goal: { kind: 'none' },
            details,
          }),
        ],
        notes: [
          `${canned.body.length} bytes per answer, ${p.connections} connections, ${p.rounds}×${p.loadSeconds} s each side, interleaved`,
          ...targets.flatMap((target) => target.runs.map((run) => `${target.name.padEnd(7)} ${describeLoad(run)}`)),
          `server CPU per request: console ${cpuPerRequest(consoleSide).toFixed(0)} µs, node:http + SQLite read + JSON ` +
            `${cpuPerRequest(sqliteSide).toFixed(0)} µs, bare ${cpuPerRequest(bareSide).toFixed(0)} µs`,
        ],
      };
    } finally {
      await Promise.all([bare.stop(), sqlite.stop()]);
    }
  },
};
