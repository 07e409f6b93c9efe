/**
 * Scope latency while the console is blocked: p99 of `GET /api/greeting` at the scope's address while the console
 * process is stopped (SIGSTOP) for 2 seconds, against the same load with the console idle, interleaved. A stopped
 * process runs no instruction at all, exactly as a console busy with a 2-second synchronous SQLite query runs none of
 * its event loop: the figure shows whether scope traffic waits on the console. It should not: the scope's proxy and
 * instances run in the runtime process (the data plane), which never waits on the console.
 */
import { describeLoad, load, type LoadResult } from '../lib/load';
import { row } from '../lib/report';
import { percentile, sleep } from '../lib/stats';
import type { Figure } from '../lib/types';

const blockedMs = 2_000;
/** Each run outlasts the block on both sides, so every blocked run holds the whole 2 s. */
const runSeconds = 4;
const blockStartsAfterMs = 1_000;
/** A steady load, not a saturating one: latency then reflects waiting, not queueing behind the load itself. */
const connections = 4;

export const figure: Figure = {
  name: 'console-blocked',
  title: 'scope p99 while the console is blocked',
  async run(ctx) {
    const live = await ctx.shared.liveScope();
    const url = `http://${live.address}/api/greeting`;
    const consolePid = live.console.pid;
    // Each side at least twice, in both orders: one noisy second on a shared machine must not decide the figure.
    const rounds = ctx.quick ? 2 : 4;
    const idle: LoadResult[] = [];
    const blocked: LoadResult[] = [];

    await load({ url, connections, durationSeconds: 1 });
    for (let round = 0; round < rounds; round += 1) {
      for (const side of round % 2 === 0 ? (['idle', 'blocked'] as const) : (['blocked', 'idle'] as const)) {
        if (side === 'idle') {
          idle.push(await load({ url, connections, durationSeconds: runSeconds }));
          continue;
        }
        const running = load({ url, connections, durationSeconds: runSeconds });
        await sleep(blockStartsAfterMs);
        process.kill(consolePid, 'SIGSTOP');
        try {
          await sleep(blockedMs);
        } finally {
          process.kill(consolePid, 'SIGCONT');
        }
        blocked.push(await running);
      }
    }
    // The console is itself again: it answers.
    const info = await fetch(`${live.console.url}/console/info`);
    if (!info.ok) throw new Error(`the console answered ${info.status} after SIGCONT`);

    // Over every request of every run of a side, not the mean of each run's p99: steadier with short runs.
    const p99 = (runs: LoadResult[]) =>
      percentile(
        runs.flatMap((run) => run.samplesMs),
        99,
      );
    const max = (runs: LoadResult[]) => Math.max(...runs.map((run) => run.latencyMs.max));
    const failures = (runs: LoadResult[]) => runs.reduce((sum, run) => sum + run.errors + run.non2xx, 0);
    return {
      rows: [
        row({
          figure: 'scope p99 while the console runs a 2-second synchronous query (SIGSTOP 2 s)',
          measured: p99(blocked),
          baseline: p99(idle),
          unit: 'ms',
          baselineLabel: 'console idle, same load',
          target: '≤ 1.5× baseline',
          goal: { kind: 'ratio', max: 1.5 },
          details: {
            connections,
            seconds_per_run: runSeconds,
            blocked_ms_per_run: blockedMs,
            rounds,
            max_latency_ms: { blocked: max(blocked), idle: max(idle) },
            failures: { blocked: failures(blocked), idle: failures(idle) },
          },
        }),
      ],
      notes: [
        ...blocked.map((run) => `console stopped 2 s: ${describeLoad(run)}, max ${run.latencyMs.max.toFixed(1)} ms`),
        ...idle.map((run) => `console idle:       ${describeLoad(run)}, max ${run.latencyMs.max.toFixed(1)} ms`),
      ],
    };
  },
};
