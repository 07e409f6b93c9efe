/**
 * A small chart of one rule's metric over the window, drawn by hand in SVG as the traffic chart is (no chart library
 * for a line, a few ticks and a threshold): the metric as telemetry reports it (a line), the platform's checks of
 * the rule (ticks, red when broken) and the threshold, with the side of it that rolls back shaded.
 */
import { cn } from '@/lib/cn';

import { isRuleComparison } from '../rule-metrics';

const WIDTH = 300;
const HEIGHT = 72;

export type ChartPoint = { at: number; value: number };
export type ChartCheck = { at: number; value: number; broken: boolean; judged: boolean };

export type RuleChartProps = {
  comparison: string;
  threshold: number;
  line: readonly ChartPoint[];
  checks: readonly ChartCheck[];
  /** The window shown, epoch ms. */
  from: number;
  to: number;
  /** Read by assistive technology instead of the drawing. */
  label: string;
  /** How the axis shows a value (in the metric's unit on the local platform; as reported in connected mode). */
  format: (value: number) => string;
  /** Under the chart's left and right ends: "5 min ago" and "now", or the times the checks began and ended. */
  timeLabels: readonly [string, string];
};

export function RuleChart({
  comparison,
  threshold,
  line,
  checks,
  from,
  to,
  label,
  format,
  timeLabels,
}: RuleChartProps) {
  const values = [threshold, ...line.map((point) => point.value), ...checks.map((check) => check.value)];
  const top = Math.max(...values, 0) * 1.25 || 1;
  const span = Math.max(1, to - from);
  const x = (at: number) => ((at - from) / span) * WIDTH;
  const y = (value: number) => HEIGHT - (Math.max(0, value) / top) * HEIGHT;
  const thresholdY = y(threshold);
  const visible = line.filter((point) => point.at >= from && point.at <= to);
  const path = visible
    .map((point, index) => `${index === 0 ? 'M' : 'L'}${x(point.at).toFixed(1)},${y(point.value).toFixed(1)}`)
    .join(' ');
  const rollsBackAbove = isRuleComparison(comparison) ? comparison === 'greater_than' : undefined;

  return (
    <div>
      <div className="flex gap-2">
        <div
          className="flex w-14 shrink-0 flex-col justify-between text-right text-[10px] text-slate-500 tabular-nums dark:text-slate-400"
          aria-hidden="true"
        >
          <span>{format(top)}</span>
          <span>0</span>
        </div>
        <svg
          role="img"
          aria-label={label}
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          preserveAspectRatio="none"
          className="h-16 w-full min-w-0 flex-1 rounded border border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-950"
        >
          {rollsBackAbove !== undefined && (
            <rect
              x={0}
              width={WIDTH}
              y={rollsBackAbove ? 0 : thresholdY}
              height={rollsBackAbove ? thresholdY : HEIGHT - thresholdY}
              className="fill-red-100 dark:fill-red-950/60"
            />
          )}
          <line
            x1={0}
            x2={WIDTH}
            y1={thresholdY}
            y2={thresholdY}
            className="stroke-red-600 dark:stroke-red-400"
            strokeWidth={1.5}
            strokeDasharray="4 3"
            vectorEffect="non-scaling-stroke"
          />
          {path !== '' && (
            <path
              d={path}
              fill="none"
              className="stroke-sky-600 dark:stroke-sky-400"
              strokeWidth={1.5}
              vectorEffect="non-scaling-stroke"
            />
          )}
          {checks
            .filter((check) => check.at >= from && check.at <= to)
            .map((check) => (
              <line
                key={check.at}
                x1={x(check.at)}
                x2={x(check.at)}
                y1={y(check.value) - 5}
                y2={y(check.value) + 5}
                strokeWidth={2.5}
                vectorEffect="non-scaling-stroke"
                className={cn(
                  check.broken
                    ? 'stroke-red-700 dark:stroke-red-400'
                    : check.judged
                      ? 'stroke-emerald-600 dark:stroke-emerald-400'
                      : 'stroke-slate-400',
                )}
              />
            ))}
        </svg>
      </div>
      <div
        className="flex justify-between pl-16 text-[10px] text-slate-500 tabular-nums dark:text-slate-400"
        aria-hidden="true"
        data-testid="rule-chart-times"
      >
        <span>{timeLabels[0]}</span>
        <span>{timeLabels[1]}</span>
      </div>
    </div>
  );
}
