/**
 * Live update: the time from sending `PATCH /api/deployment/:id {strategy_data:{desired_switched_traffic}}` until a
 * client of `/console/events` receives the deployment with the new desired traffic, and (for the notes) until the
 * event that says the proxy applies it (`switched_traffic`).
 */
import { changeEventSchema } from '@contract/console';
import { strategyDataSchema } from '@contract/deployment';
import { params } from '../lib/params';
import { row } from '../lib/report';
import { EventStreamClient, type ReceivedEvent } from '../lib/sse';
import { percentile, sleep } from '../lib/stats';
import type { Figure } from '../lib/types';

export const figure: Figure = {
  name: 'live-update-latency',
  title: 'live update, PATCH until the event stream shows it',
  async run(ctx) {
    const p = params(ctx.quick);
    const live = await ctx.shared.liveScope();
    await live.setSplit(10);
    const stream = await EventStreamClient.connect(`${live.console.url}/console/events`);
    const seen: number[] = [];
    const applied: number[] = [];
    const answered: number[] = [];
    try {
      const trafficOf = (event: ReceivedEvent) => {
        if (event.event !== 'change') return undefined;
        const change = changeEventSchema.safeParse(JSON.parse(event.data));
        if (!change.success || change.data.resource !== 'deployment' || change.data.id !== live.greenId)
          return undefined;
        const data = strategyDataSchema.safeParse(change.data.entity?.['strategy_data']);
        return data.success ? data.data : undefined;
      };
      for (let i = 0; i < p.liveUpdateTries; i += 1) {
        const percent = i % 2 === 0 ? 20 : 10;
        await sleep(50); // let the previous change settle
        const shown = stream.next((event) => trafficOf(event)?.desired_switched_traffic === percent, 10_000);
        const switched = stream.next((event) => trafficOf(event)?.switched_traffic === percent, 10_000);
        const start = performance.now();
        const response = await fetch(`${live.console.url}/api/deployment/${live.greenId}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ strategy_data: { desired_switched_traffic: percent } }),
        });
        await response.arrayBuffer();
        answered.push(performance.now() - start);
        if (response.status !== 204) throw new Error(`PATCH answered ${response.status}`);
        seen.push((await shown).at - start);
        applied.push((await switched).at - start);
      }
    } finally {
      await stream.close();
    }
    const p95 = percentile(seen, 95);
    return {
      rows: [
        row({
          figure: `live update p95, PATCH → event seen (${seen.length} tries)`,
          measured: p95,
          baseline: null,
          unit: 'ms',
          baselineLabel: '—',
          target: 'reported; aim ≤ 100 ms',
          goal: { kind: 'absolute', max: 100 },
          details: {
            tries: seen.length,
            seen_ms: { p50: percentile(seen, 50), p95, max: percentile(seen, 100) },
            patch_answered_ms: { p50: percentile(answered, 50), p95: percentile(answered, 95) },
            proxy_applied_ms: { p50: percentile(applied, 50), p95: percentile(applied, 95) },
          },
        }),
      ],
      notes: [
        `event seen: p50 ${percentile(seen, 50).toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, max ${percentile(seen, 100).toFixed(2)} ms`,
        `PATCH answered (204): p50 ${percentile(answered, 50).toFixed(2)} ms, p95 ${percentile(answered, 95).toFixed(2)} ms`,
        `proxy applied (switched_traffic event): p50 ${percentile(applied, 50).toFixed(2)} ms, p95 ${percentile(applied, 95).toFixed(2)} ms`,
      ],
    };
  },
};
