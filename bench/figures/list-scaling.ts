/**
 * List scaling: `GET /api/build?application_id=…&limit=50&offset=…`, offsets spread evenly over the whole list, on a
 * console whose application has 100,000 builds against one with 1,000 (two data folders, two console processes).
 * Sequential requests (one connection), so p95 is service time, not queueing. A second row pages only through the
 * first 1,000 builds of both, to tell the cost of the deep offsets from the cost every page pays. The notes carry
 * SQLite's query plans and the SQL's own times, measured on the same files.
 */
import { startConsole, type ConsoleHandle } from '../lib/console';
import { openStore, prepareBuildsFolder } from '../lib/data';
import { load } from '../lib/load';
import { params } from '../lib/params';
import { row } from '../lib/report';
import { percentile, spreadShuffled } from '../lib/stats';
import type { Figure } from '../lib/types';

const LIMIT = 50;
/** Requests per interleaved block. */
const BLOCK = 25;

type Side = { label: string; count: number; dataDir: string; applicationId: number; console?: ConsoleHandle };

export const figure: Figure = {
  name: 'list-scaling',
  title: 'list scaling, GET /api/build',
  async run(ctx) {
    const p = params(ctx.quick);
    const sides: Side[] = [p.listBuildsLarge, p.listBuildsSmall].map((count) => {
      const started = performance.now();
      const folder = prepareBuildsFolder(count);
      ctx.log(
        `${count.toLocaleString('en-US')} builds written in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
      return { label: count.toLocaleString('en-US'), count, ...folder };
    });
    const [large, small] = sides;
    if (!large || !small) throw new Error('unreachable');

    const notes: string[] = [];
    const sqlTimes = new Map<Side, { countMs: number; pageP95Ms: number }>();
    for (const side of sides) {
      const store = openStore(side.dataDir);
      try {
        const plan = store.builds.explainList({
          application_id: [side.applicationId],
          limit: LIMIT,
          offset: Math.floor(side.count / 2),
        });
        notes.push(`plan at ${side.label}: page ${JSON.stringify(plan.page)}; count ${JSON.stringify(plan.count)}`);
        // The SQL alone (no HTTP), same offsets as the requests below.
        const offsets = spreadShuffled(Math.min(200, p.listRequests), side.count - LIMIT);
        for (const offset of offsets.slice(0, 20))
          store.builds.list({ application_id: [side.applicationId], limit: LIMIT, offset }); // warm-up
        const pageTimes = offsets.map((offset) => {
          const started = performance.now();
          store.builds.list({ application_id: [side.applicationId], limit: LIMIT, offset });
          return performance.now() - started;
        });
        const count = store.db.prepare('SELECT COUNT(*) AS total FROM builds WHERE application_id = ?');
        const countTimes = Array.from({ length: 20 }, () => {
          const started = performance.now();
          count.get(side.applicationId);
          return performance.now() - started;
        });
        sqlTimes.set(side, { countMs: percentile(countTimes, 50), pageP95Ms: percentile(pageTimes, 95) });
      } finally {
        store.close();
      }
    }

    try {
      for (const side of sides) {
        side.console = await startConsole({
          root: ctx.root,
          dataDir: side.dataDir,
          label: `console (${side.label} builds)`,
        });
      }
      const measure = async (side: Side, offsets: readonly number[]) => {
        let next = 0;
        const result = await load({
          url: `${side.console?.url ?? ''}/api/build`,
          connections: 1,
          amount: offsets.length,
          nextPath: () =>
            `/api/build?application_id=${side.applicationId}&limit=${LIMIT}&offset=${offsets[next++ % offsets.length] ?? 0}`,
        });
        if (result.errors + result.non2xx > 0)
          throw new Error(`${result.errors} errors and ${result.non2xx} non-2xx answers at ${side.label} builds`);
        return result.samplesMs;
      };
      const firstPagesMax = Math.min(large.count, small.count) - LIMIT;
      ctx.log('list-scaling: both consoles started');
      for (const side of sides) await measure(side, spreadShuffled(50, side.count - LIMIT)); // warm-up
      // Small interleaved blocks, so that both sides see the same machine (others may be busy on it).
      const spread = new Map<Side, number[]>(sides.map((side) => [side, []]));
      const firstPages = new Map<Side, number[]>(sides.map((side) => [side, []]));
      const plan = new Map(
        sides.map((side) => [
          side,
          {
            spread: spreadShuffled(p.listRequests, side.count - LIMIT),
            first: spreadShuffled(p.listRequests, firstPagesMax),
          },
        ]),
      );
      for (let start = 0, block = 0; start < p.listRequests; start += BLOCK, block += 1) {
        for (const side of block % 2 === 0 ? sides : [...sides].reverse()) {
          const offsets = plan.get(side);
          if (!offsets) continue;
          spread.get(side)?.push(...(await measure(side, offsets.spread.slice(start, start + BLOCK))));
          firstPages.get(side)?.push(...(await measure(side, offsets.first.slice(start, start + BLOCK))));
        }
      }
      const p95 = (map: Map<Side, number[]>, side: Side) => percentile(map.get(side) ?? [], 95);
      const p50 = (map: Map<Side, number[]>, side: Side) => percentile(map.get(side) ?? [], 50);
      for (const side of sides) {
        const sql = sqlTimes.get(side);
        notes.push(
          `${side.label} builds: HTTP p50 ${p50(spread, side).toFixed(2)} ms, p95 ${p95(spread, side).toFixed(2)} ms (offsets 0–${side.count - LIMIT}); ` +
            `first ${firstPagesMax + LIMIT} builds only: p95 ${p95(firstPages, side).toFixed(2)} ms; ` +
            `SQL alone: list p95 ${sql?.pageP95Ms.toFixed(2)} ms, of which COUNT(*) ${sql?.countMs.toFixed(2)} ms`,
        );
      }
      return {
        rows: [
          row({
            figure: `list scaling p95 at ${large.label} builds, offsets over the whole list`,
            measured: p95(spread, large),
            baseline: p95(spread, small),
            unit: 'ms',
            baselineLabel: `${small.label} builds`,
            target: '≤ 1.5× baseline',
            goal: { kind: 'ratio', max: 1.5 },
            details: {
              requests_per_side: p.listRequests,
              p50_ms: { large: p50(spread, large), small: p50(spread, small) },
              sql_only: { large: sqlTimes.get(large), small: sqlTimes.get(small) },
            },
          }),
          row({
            figure: `list scaling p95 at ${large.label} builds, first ${(firstPagesMax + LIMIT).toLocaleString('en-US')} builds only`,
            measured: p95(firstPages, large),
            baseline: p95(firstPages, small),
            unit: 'ms',
            baselineLabel: `${small.label} builds`,
            target: '≤ 1.5× baseline',
            goal: { kind: 'ratio', max: 1.5 },
          }),
        ],
        notes,
      };
    } finally {
      await Promise.all(sides.map((side) => side.console?.stop()));
    }
  },
};
