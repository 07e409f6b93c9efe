/**
 * Proxy overhead: `GET /api/greeting` at the scope's address (the weighted proxy, in the console's runtime process,
 * split 50/50 between the blue and the green deployment, one instance each) against the same requests straight to
 * the blue instance.
 * Throughput with the same connections and duration, interleaved; added p99 with one connection (the proxy's own
 * cost, free of queueing) and under load.
 */
import { describeLoad, load, type LoadResult } from '../lib/load';
import { params } from '../lib/params';
import { cpuMs } from '../lib/processes';
import { row } from '../lib/report';
import { mean } from '../lib/stats';
import type { Figure } from '../lib/types';

export const figure: Figure = {
  name: 'proxy-overhead',
  title: 'proxy at a 50/50 split',
  async run(ctx) {
    const p = params(ctx.quick);
    const live = await ctx.shared.liveScope();
    await live.setSplit(50);
    const path = '/api/greeting';
    const proxied = { url: `http://${live.address}${path}`, runs: [] as LoadResult[], cpu: new Map<string, number>() };
    const direct = {
      url: `http://127.0.0.1:${live.bluePort}${path}`,
      runs: [] as LoadResult[],
      cpu: new Map<string, number>(),
    };
    // The proxy runs in the runtime process (data plane); the console only decides.
    const pids = { console: live.console.pid, runtime: live.runtimePid, blue: live.bluePid, green: live.greenPid };

    for (const side of [proxied, direct])
      await load({ url: side.url, connections: p.connections, durationSeconds: p.warmupSeconds });
    for (let round = 0; round < p.rounds; round += 1) {
      for (const side of round % 2 === 0 ? [proxied, direct] : [direct, proxied]) {
        const before = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuMs(pid)]));
        side.runs.push(await load({ url: side.url, connections: p.connections, durationSeconds: p.loadSeconds }));
        for (const [name, pid] of Object.entries(pids))
          side.cpu.set(name, (side.cpu.get(name) ?? 0) + cpuMs(pid) - (before[name] ?? 0));
      }
    }
    // One connection, sequential: latency without queueing, i.e. what the proxy adds to each request.
    const single = {
      proxied: await load({ url: proxied.url, connections: 1, amount: p.latencyRequests }),
      direct: await load({ url: direct.url, connections: 1, amount: p.latencyRequests }),
    };

    const rps = (runs: LoadResult[]) => mean(runs.map((run) => run.requestsPerSecond));
    const p99 = (runs: LoadResult[]) => mean(runs.map((run) => run.latencyMs.p99));
    const requests = (runs: LoadResult[]) => runs.reduce((sum, run) => sum + run.requests, 0);
    const cpuPerRequest = (side: typeof proxied) =>
      Object.fromEntries(
        [...side.cpu].map(([name, ms]) => [name, Math.round((ms * 1000) / Math.max(1, requests(side.runs)))]),
      );
    const failures = [...proxied.runs, ...direct.runs, single.proxied, single.direct].reduce(
      (sum, run) => sum + run.errors + run.non2xx,
      0,
    );
    const addedUnderLoad = p99(proxied.runs) - p99(direct.runs);

    return {
      rows: [
        row({
          figure: 'proxy throughput, scope address at 50/50',
          measured: rps(proxied.runs),
          baseline: rps(direct.runs),
          unit: 'req/s',
          baselineLabel: 'straight to one instance',
          target: '≥ 0.70× baseline',
          goal: { kind: 'ratio', min: 0.7 },
          details: {
            connections: p.connections,
            seconds_per_run: p.loadSeconds,
            rounds: p.rounds,
            cpu_us_per_request_proxied: cpuPerRequest(proxied),
            cpu_us_per_request_direct: cpuPerRequest(direct),
            p99_under_load_ms: { proxied: p99(proxied.runs), direct: p99(direct.runs), added: addedUnderLoad },
            failures,
          },
        }),
        row({
          figure: 'proxy latency p99, 1 connection',
          measured: single.proxied.latencyMs.p99,
          baseline: single.direct.latencyMs.p99,
          unit: 'ms',
          baselineLabel: 'straight to one instance',
          target: `reported: +${(single.proxied.latencyMs.p99 - single.direct.latencyMs.p99).toFixed(2)} ms added`,
          goal: { kind: 'none' },
          details: {
            requests: p.latencyRequests,
            added_p99_ms: single.proxied.latencyMs.p99 - single.direct.latencyMs.p99,
            added_p50_ms: single.proxied.latencyMs.p50 - single.direct.latencyMs.p50,
          },
        }),
      ],
      notes: [
        ...proxied.runs.map((run) => `proxied: ${describeLoad(run)}`),
        ...direct.runs.map((run) => `direct:  ${describeLoad(run)}`),
        `added p99 under load (${p.connections} connections): ${addedUnderLoad.toFixed(2)} ms; with 1 connection: ${(single.proxied.latencyMs.p99 - single.direct.latencyMs.p99).toFixed(2)} ms (p50 +${(single.proxied.latencyMs.p50 - single.direct.latencyMs.p50).toFixed(2)} ms)`,
        `CPU µs per request, proxied: ${JSON.stringify(cpuPerRequest(proxied))}; direct: ${JSON.stringify(cpuPerRequest(direct))}`,
      ],
    };
  },
};
