/**
 * What capturing instance logs costs the data plane: `node --import tsx bench/log-capture.ts [--quick]`.
 *
 * A real runtime process (server/dataplane/runtime-main.ts, as the console starts it, writing logs to a temporary
 * data folder) serves three scopes, each one instance of the chatty test app printing 0, 1 or 5 lines to stdout per
 * request. autocannon loads each scope's address in interleaved rounds; the table gives requests per second, p99, and
 * the runtime's CPU per request (from /proc): the runtime reads, keeps and writes every line, while the proxy's own
 * work is the same in all three, so its CPU difference is what capturing costs. Nothing is asserted.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

import { RuntimeConnection } from '../server/dataplane/runtime-connection';
import type { RuntimeSettings } from '../server/dataplane/runtime-settings';
import { load, type LoadResult } from './lib/load';
import { cpuMs } from './lib/processes';

const quick = process.argv.includes('--quick');
const rounds = quick ? 2 : 4;
const seconds = quick ? 2 : 5;
const connections = 10;
const root = fileURLToPath(new URL('..', import.meta.url));
const chatty = join(root, 'server/runtime/test-fixtures/chatty');
const variants = [0, 1, 5];

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'np-console-bench-logs-'));
  const settings: RuntimeSettings = {
    instanceTag: `bench-logs-${process.pid}`,
    socketPath: join(dataDir, 'runtime.sock'),
    infoPath: join(dataDir, 'runtime.json'),
    logsDir: join(dataDir, 'logs'),
    healthIntervalMs: 500,
    version: 'bench',
  };
  const runtime = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/dataplane/runtime-main.ts', JSON.stringify(settings)],
    {
      cwd: root,
      stdio: 'ignore',
    },
  );
  const connection = await RuntimeConnection.connect(settings.socketPath, () => undefined, 60_000);
  try {
    const ports = new Map<number, number>();
    for (const lines of variants) {
      const id = lines + 1;
      const { port } = await connection.request('openProxy', { scopeId: id, host: '127.0.0.1', port: 0 });
      const entry = join(chatty, 'server.js');
      const env = { LINES_PER_REQUEST: String(lines), NP_DEPLOYMENT_ID: String(id) };
      await connection.request('startGroup', {
        spec: { deploymentId: id, scopeId: id, count: 1, entry, cwd: chatty, env, healthPath: '/health' },
        startedAt: Date.now(),
      });
      ports.set(lines, port);
    }
    for (let tries = 0; ; tries += 1) {
      const { groups } = await connection.request('snapshot', {});
      if (groups.every((group) => group.healthy === 1)) break;
      if (tries > 600) throw new Error('the instances never got healthy');
      await sleep(100);
    }
    for (const lines of variants)
      await connection.request('setRoutes', { scopeId: lines + 1, routes: [{ deploymentId: lines + 1, weight: 100 }] });

    const url = (lines: number) => `http://127.0.0.1:${ports.get(lines)}/api/orders?page=1`;
    for (const lines of variants) await load({ url: url(lines), connections, durationSeconds: 1 });
    const runs = new Map<number, { results: LoadResult[]; cpu: number }>(
      variants.map((lines) => [lines, { results: [], cpu: 0 }]),
    );
    for (let round = 0; round < rounds; round += 1) {
      const order = round % 2 === 0 ? variants : [...variants].reverse();
      for (const lines of order) {
        const before = runtime.pid === undefined ? 0 : cpuMs(runtime.pid);
        const result = await load({ url: url(lines), connections, durationSeconds: seconds });
        const side = runs.get(lines);
        if (side === undefined) continue;
        side.results.push(result);
        side.cpu += (runtime.pid === undefined ? 0 : cpuMs(runtime.pid)) - before;
      }
    }

    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
    const base = runs.get(0);
    const baseRps = mean(base?.results.map((result) => result.requestsPerSecond) ?? []);
    console.log(`log capture: ${rounds} rounds × ${seconds} s per variant, ${connections} connections, interleaved`);
    console.log('lines/request | req/s (vs 0) | p99 ms | runtime CPU µs/request | failures');
    for (const lines of variants) {
      const side = runs.get(lines);
      if (side === undefined) continue;
      const rps = mean(side.results.map((result) => result.requestsPerSecond));
      const requests = side.results.reduce((sum, result) => sum + result.requests, 0);
      const failures = side.results.reduce((sum, result) => sum + result.errors + result.non2xx, 0);
      const p99 = mean(side.results.map((result) => result.latencyMs.p99));
      console.log(
        `${String(lines).padStart(13)} | ${rps.toFixed(0).padStart(6)} (${(rps / baseRps).toFixed(2)}×) | ${p99.toFixed(2).padStart(6)} | ${((side.cpu * 1000) / Math.max(1, requests)).toFixed(0).padStart(22)} | ${failures}`,
      );
    }
    const logs = join(settings.logsDir, 'deployment-6');
    const bytes = readdirSync(logs).reduce((sum, file) => sum + statSync(join(logs, file)).size, 0);
    console.log(
      `5 lines/request wrote ${(bytes / 1024 / 1024).toFixed(1)} MiB of log files (${readdirSync(logs).join(', ')})`,
    );
    console.log(
      `load average: ${loadavg()
        .map((value) => value.toFixed(2))
        .join(', ')}`,
    );
  } finally {
    await connection.request('shutdown', {}, 60_000).catch(() => undefined);
    await connection.close();
    runtime.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
