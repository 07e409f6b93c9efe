/**
 * Split accuracy: with the green deployment's desired traffic at 10%, 30% and 50%, sends 2,000 requests to the scope's
 * address and counts who served each one by its `x-np-deployment-id` header.
 */
import { load } from '../lib/load';
import { params } from '../lib/params';
import { row } from '../lib/report';
import type { Row } from '../lib/types';
import type { Figure } from '../lib/types';

export const figure: Figure = {
  name: 'split-accuracy',
  title: 'split accuracy',
  async run(ctx) {
    const p = params(ctx.quick);
    const live = await ctx.shared.liveScope();
    const rows: Row[] = [];
    const notes: string[] = [];
    for (const percent of [10, 30, 50]) {
      await live.setSplit(percent);
      const served = new Map<string, number>();
      const result = await load({
        url: `http://${live.address}/api/greeting`,
        connections: 8,
        amount: p.splitRequests,
        onResponse: (_status, headers) => {
          const header = headers['x-np-deployment-id'];
          const id = (Array.isArray(header) ? header[0] : header) ?? 'none';
          served.set(id, (served.get(id) ?? 0) + 1);
        },
      });
      const total = [...served.values()].reduce((sum, count) => sum + count, 0);
      const green = served.get(String(live.greenId)) ?? 0;
      const share = total === 0 ? Number.NaN : (green / total) * 100;
      rows.push(
        row({
          figure: `split accuracy at ${percent}% (${total.toLocaleString('en-US')} requests)`,
          measured: share,
          baseline: percent,
          unit: '%',
          baselineLabel: 'desired share',
          target: 'within ±3 points',
          goal: { kind: 'points', within: 3 },
          details: { served: Object.fromEntries(served), errors: result.errors, non2xx: result.non2xx },
        }),
      );
      notes.push(
        `${percent}%: served ${JSON.stringify(Object.fromEntries(served))} (green is ${live.greenId}), ${result.errors} errors, ${result.non2xx} non-2xx`,
      );
    }
    return { rows, notes };
  },
};
