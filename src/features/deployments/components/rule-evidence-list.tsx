import { useQuery } from '@tanstack/react-query';

import { Badge, type Tone } from '@/components/ui/badge';
import { RelativeTime } from '@/components/ui/relative-time';
import { formatDuration, formatTime } from '@/lib/format';
import type { Telemetry } from '@/lib/read/telemetry';

import { evidenceQueries, telemetryWindow } from '../api/evidence';
import type { RuleReading } from '../rule-evidence';
import { describeRule, formatMetricValue, formatNumber, metricInfo } from '../rule-metrics';
import { RuleChart, type ChartPoint } from './rule-chart';

export type EvidenceContext = {
  mode: 'local' | 'connected';
  /** Telemetry is read per application and scope; undefined until the scope says which application it is. */
  applicationId: number | undefined;
  scopeId: number;
  /** The deployment is still in flight: the evidence is live and polled. */
  live: boolean;
  release: string;
  now: number;
  /** When the deployment began running (epoch ms): a young deployment's chart starts there, not minutes before. */
  since: number | undefined;
};

function verdict(reading: RuleReading, mode: 'local' | 'connected'): { tone: Tone; text: string } {
  if (mode === 'connected') return { tone: 'neutral', text: 'judged by nullplatform' };
  const latest = reading.latest;
  if (latest === undefined) return { tone: 'neutral', text: 'not checked yet' };
  if (latest.broken) return { tone: 'danger', text: 'broken' };
  if (!latest.judged) return { tone: 'warning', text: 'not judged yet' };
  return { tone: 'success', text: 'holding' };
}

/** Telemetry points on a time axis: a point without a time is placed by its order, `period` seconds apart, ending now. */
function placed(telemetry: Telemetry | undefined, fallbackPeriod: number, end: number): ChartPoint[] {
  if (telemetry === undefined) return [];
  const period = (telemetry.period ?? fallbackPeriod) * 1000;
  const count = telemetry.points.length;
  return telemetry.points.flatMap((point, index) =>
    point.value === null ? [] : [{ at: point.at ?? end - (count - 1 - index) * period, value: point.value }],
  );
}

function RuleRow({ reading, context }: { reading: RuleReading; context: EvidenceContext }) {
  const { rule, latest, checks } = reading;
  const info = metricInfo(rule.metric);
  const window = telemetryWindow[context.mode];
  // The local platform answers telemetry for three metrics only; nullplatform's list is its own.
  const hasTelemetry =
    context.live &&
    context.applicationId !== undefined &&
    (context.mode === 'connected' || info?.localTelemetry === true);
  const telemetry = useQuery({
    ...evidenceQueries.telemetry(
      { applicationId: context.applicationId ?? 0, scopeId: context.scopeId, metric: rule.metric, mode: context.mode },
      context.live,
    ),
    enabled: hasTelemetry,
  });
  const line = placed(telemetry.data, window.period, context.now);
  const lastTelemetry = line.at(-1);
  const state = verdict(reading, context.mode);
  const valued = checks.flatMap((check) => (check.value === null ? [] : [{ ...check, value: check.value }]));
  // Live: the telemetry window up to now, from when the deployment began running if that is later (at least a
  // minute). Over: the span of the checks that were made. A little room after the last point keeps it in view.
  const end = context.live ? context.now : (valued.at(-1)?.at ?? context.now);
  const windowStart = end - window.minutes * 60_000;
  const from = context.live
    ? Math.min(end - 60_000, Math.max(windowStart, (context.since ?? windowStart) - 5_000))
    : Math.min(valued[0]?.at ?? end - 60_000, end - 60_000);
  const to = end + (end - from) * 0.03;
  const timeLabels = context.live
    ? ([`${formatDuration(end - from)} ago`, 'now'] as const)
    : ([formatTime(from), formatTime(end)] as const);
  const shownValue = (value: number) =>
    context.mode === 'connected' ? formatNumber(value) : formatMetricValue(rule.metric, value);
  const chartLabel =
    `${info?.label ?? rule.metric} ${context.live ? 'over the last minutes' : 'while it was checked'}: ` +
    `${lastTelemetry ? `latest ${shownValue(lastTelemetry.value)} at the scope's address, ` : ''}` +
    `${valued.length} check${valued.length === 1 ? '' : 's'} of ${context.release}${valued.some((check) => check.broken) ? ', one broken' : ''}; ` +
    `rolls back at ${formatMetricValue(rule.metric, rule.threshold)}.`;

  return (
    <li className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-700" data-testid="rule-evidence">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="font-medium">
          Roll back if <span className="font-mono text-sm">{describeRule(rule)}</span>
        </p>
        <Badge tone={state.tone} dot={state.tone === 'warning'}>
          {state.text}
        </Badge>
      </div>
      {context.mode === 'local' && latest !== undefined && (
        <p className="text-sm tabular-nums" data-testid="rule-value">
          <span className="font-semibold">
            {latest.value === null ? 'no value' : formatMetricValue(rule.metric, latest.value)}
          </span>{' '}
          {context.live ? 'now' : 'at the last check'}, threshold {formatMetricValue(rule.metric, rule.threshold)}
          <span className="text-slate-600 dark:text-slate-400">
            {' '}
            · {latest.requests ?? '?'} requests to {context.release}
            {latest.windowSeconds === undefined ? '' : ` in the last ${latest.windowSeconds} s`} · checked{' '}
            <RelativeTime value={latest.at} />
          </span>
        </p>
      )}
      {context.mode === 'local' && latest !== undefined && !latest.judged && !latest.broken && (
        <p className="text-sm text-amber-800 dark:text-amber-300" data-testid="rule-not-judged">
          Not judged yet: {latest.requests ?? 0} of {latest.minRequests ?? '?'} requests.
        </p>
      )}
      {context.mode === 'local' && latest === undefined && context.live && (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Not checked yet: the first check comes once the deployment has run for a check period.
        </p>
      )}
      {context.mode === 'connected' && (
        <p className="text-sm tabular-nums" data-testid="rule-value">
          {lastTelemetry ? (
            <>
              <span className="font-semibold">{shownValue(lastTelemetry.value)}</span> latest at the scope's address (as
              nullplatform's telemetry reports it), threshold {formatNumber(rule.threshold)}
            </>
          ) : telemetry.isError ? (
            'nullplatform answered no telemetry for this metric.'
          ) : hasTelemetry ? (
            'Reading nullplatform’s telemetry…'
          ) : (
            'No telemetry is read for a deployment that is over.'
          )}
        </p>
      )}
      {(line.length > 0 || valued.length > 0) && (
        <RuleChart
          comparison={rule.comparison}
          threshold={rule.threshold}
          line={line}
          checks={valued}
          from={from}
          to={to}
          label={chartLabel}
          format={shownValue}
          timeLabels={timeLabels}
        />
      )}
    </li>
  );
}

/** Each rollback rule with its live value beside its threshold, its verdict, and a small chart over the window. */
export function RuleEvidenceList({
  readings,
  context,
}: {
  readings: readonly RuleReading[];
  context: EvidenceContext;
}) {
  return (
    <ul className="space-y-3" aria-label="Rollback rules">
      {readings.map((reading, index) => (
        <RuleRow key={`${reading.rule.metric}-${index}`} reading={reading} context={context} />
      ))}
    </ul>
  );
}
