/**
 * The live chart of requests per deployment, drawn as plain SVG by hand. A charting library (recharts, visx, chart.js)
 * would add 50–100 KB gzipped for one small stacked bar chart; this is a few rectangles. The module is lazy-loaded
 * by LiveTraffic, so even its own few KB arrive only on the deployment page.
 */
import type { ScopeTraffic } from '@contract/console';

import { cn } from '@/lib/cn';

import { chartModel, niceCeiling, recentShareSummary, type SeriesLabels } from '../traffic-series';

const WIDTH = 600;
const HEIGHT = 160;
const WINDOW_SECONDS = 60;
const SLOT = WIDTH / WINDOW_SECONDS;

/** Fills for deployments other than the new one and the one it replaces. */
const otherFills = ['fill-sky-500', 'fill-violet-500', 'fill-amber-500', 'fill-rose-500'] as const;
const otherSwatches = ['bg-sky-500', 'bg-violet-500', 'bg-amber-500', 'bg-rose-500'] as const;

export type TrafficChartProps = {
  traffic: ScopeTraffic;
  labels: SeriesLabels;
  /** This deployment (green) and the one it replaces (grey); stacked old at the bottom, new on top. */
  newId: string;
  oldId: string | undefined;
};

function colours(
  id: string,
  index: number,
  newId: string,
  oldId: string | undefined,
): { fill: string; swatch: string } {
  if (id === newId) return { fill: 'fill-emerald-500', swatch: 'bg-emerald-500' };
  if (id === oldId) return { fill: 'fill-slate-500 dark:fill-slate-400', swatch: 'bg-slate-500 dark:bg-slate-400' };
  return {
    fill: otherFills[index % otherFills.length] ?? 'fill-sky-500',
    swatch: otherSwatches[index % otherSwatches.length] ?? 'bg-sky-500',
  };
}

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

export function TrafficChart({ traffic, labels, newId, oldId }: TrafficChartProps) {
  const order = oldId ? [oldId, newId] : [newId];
  const model = chartModel(traffic, labels, order, WINDOW_SECONDS);
  const top = niceCeiling(model.max);
  const summary = recentShareSummary(model);
  const scale = (count: number) => (count / top) * HEIGHT;
  const offset = WINDOW_SECONDS - model.columns.length;
  const palette = new Map(model.series.map((series, index) => [series.id, colours(series.id, index, newId, oldId)]));
  const totalRequests = model.series.reduce((sum, series) => sum + series.total, 0);

  return (
    <figure className="space-y-3">
      <p className="text-sm font-medium tabular-nums" data-testid="traffic-summary">
        {summary}
      </p>
      {totalRequests === 0 && traffic.address && (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Nothing yet: send a few requests, e.g. <code className="font-mono">curl http://{traffic.address}/</code>
        </p>
      )}
      <div className="flex gap-2">
        <div
          className="flex flex-col justify-between text-right text-xs text-slate-500 tabular-nums dark:text-slate-400"
          aria-hidden="true"
        >
          <span>{top}/s</span>
          <span>0</span>
        </div>
        <svg
          role="img"
          aria-label={`Requests per second at the scope's address over the last minute. ${summary}.`}
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          className="h-40 w-full flex-1 rounded border border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-950"
          preserveAspectRatio="none"
        >
          {[0.25, 0.5, 0.75].map((fraction) => (
            <line
              key={fraction}
              x1={0}
              x2={WIDTH}
              y1={HEIGHT * fraction}
              y2={HEIGHT * fraction}
              className="stroke-slate-200 dark:stroke-slate-800"
              strokeWidth={1}
              vectorEffect="non-scaling-stroke"
            />
          ))}
          {model.columns.map((column, index) => (
            <g key={column.at}>
              <title>
                {`${timeFormat.format(column.at)}: ${
                  column.segments
                    .filter((segment) => segment.count > 0)
                    .map(
                      (segment) =>
                        `${model.series.find((series) => series.id === segment.id)?.label ?? segment.id} ${segment.count}`,
                    )
                    .join(', ') || 'no requests'
                }`}
              </title>
              {column.segments
                .filter((segment) => segment.count > 0)
                .map((segment) => (
                  <rect
                    key={segment.id}
                    x={(offset + index) * SLOT + 0.5}
                    width={SLOT - 1}
                    y={HEIGHT - scale(segment.from + segment.count)}
                    height={scale(segment.count)}
                    className={palette.get(segment.id)?.fill}
                  />
                ))}
            </g>
          ))}
        </svg>
      </div>
      <div className="flex justify-between pl-8 text-xs text-slate-500 dark:text-slate-400" aria-hidden="true">
        <span>60 s ago</span>
        <span>now</span>
      </div>
      <figcaption>
        <ul
          aria-label="Requests per deployment over the last minute"
          className="flex flex-wrap gap-x-5 gap-y-1 text-sm"
        >
          {model.series.map((series) => (
            <li key={series.id} className="flex items-center gap-2">
              <span aria-hidden="true" className={cn('size-3 rounded-sm', palette.get(series.id)?.swatch)} />
              <span className="font-mono">{series.label}</span>
              <span className="text-slate-500 dark:text-slate-400">#{series.id}</span>
              <span className="tabular-nums">{series.total} requests</span>
              {traffic.weights[series.id] !== undefined && (
                <span className="text-xs text-slate-500 tabular-nums dark:text-slate-400">
                  (weight {traffic.weights[series.id]}%)
                </span>
              )}
            </li>
          ))}
          <li className="text-slate-600 tabular-nums dark:text-slate-400">
            Total {totalRequests} · errors {model.errors}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
