import type { ScopeTraffic } from '@contract/console';

/** Deployment id (as the counters key it) → what to call it, e.g. "1.2.0". */
export type SeriesLabels = Readonly<Record<string, string>>;

export type Series = { id: string; label: string; total: number };

export type Column = {
  at: number;
  /** One segment per series, bottom first: where it starts and how many requests it counts. */
  segments: { id: string; from: number; count: number }[];
  total: number;
};

export type ChartModel = { series: Series[]; columns: Column[]; max: number; errors: number };

export function seriesLabel(labels: SeriesLabels, id: string): string {
  return labels[id] ?? `deployment #${id}`;
}

/**
 * The chart's model: series in stacking order (`order` first, in that order, whether or not they served anything, then
 * any other deployment by id) and one column per second, oldest first, with the last `windowSeconds` samples.
 */
export function chartModel(
  traffic: ScopeTraffic,
  labels: SeriesLabels,
  order: readonly string[],
  windowSeconds = 60,
): ChartModel {
  const samples = [...traffic.samples].sort((a, b) => a.at - b.at).slice(-windowSeconds);
  const totals = new Map<string, number>();
  for (const sample of samples) {
    for (const [id, count] of Object.entries(sample.counts)) totals.set(id, (totals.get(id) ?? 0) + count);
  }
  // The deployments in `order` and those weighted now show in the legend even before their first request.
  for (const id of [...order, ...Object.keys(traffic.weights)]) if (!totals.has(id)) totals.set(id, 0);
  const others = [...totals.keys()].filter((id) => !order.includes(id)).sort((a, b) => Number(a) - Number(b));
  const ids = [...order, ...others];
  const series = ids.map((id) => ({ id, label: seriesLabel(labels, id), total: totals.get(id) ?? 0 }));
  let max = 0;
  let errors = 0;
  const columns = samples.map((sample) => {
    let from = 0;
    const segments = ids.map((id) => {
      const count = sample.counts[id] ?? 0;
      const segment = { id, from, count };
      from += count;
      return segment;
    });
    max = Math.max(max, from);
    errors += sample.errors;
    return { at: sample.at, segments, total: from };
  });
  return { series, columns, max, errors };
}

/** "Last 10 s: 1.1.0 70%, 1.2.0 30%": each deployment's share of the requests served in the last `seconds` seconds. */
export function recentShareSummary(model: ChartModel, seconds = 10): string {
  const recent = model.columns.slice(-seconds);
  const counts = new Map<string, number>();
  let total = 0;
  for (const column of recent) {
    for (const segment of column.segments) counts.set(segment.id, (counts.get(segment.id) ?? 0) + segment.count);
    total += column.total;
  }
  if (total === 0) return `Last ${seconds} s: no requests`;
  const parts = model.series
    .filter((series) => (counts.get(series.id) ?? 0) > 0)
    .map((series) => `${series.label} ${Math.round(((counts.get(series.id) ?? 0) / total) * 100)}%`);
  return `Last ${seconds} s: ${parts.join(', ')}`;
}

/** A round upper bound for the y axis: 1, 2, 5, 10, 20, 50… at or above `max`. */
export function niceCeiling(max: number): number {
  if (max <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= max) return step * magnitude;
  return 10 * magnitude;
}
