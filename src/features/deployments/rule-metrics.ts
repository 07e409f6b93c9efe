/**
 * The metrics a rollback rule can name, how the console words them and in which unit it shows their values.
 *
 * Names and meanings: nullplatform's "deployment strategy reference" (reference §8) lists, for Kubernetes and
 * instance-based scopes, http.error_rate, http.response_time, http.rpm, http.healthcheck_fail, http.healthcheck_count,
 * system.cpu_usage_percentage and system.memory_usage_percentage. The local platform measures the first four
 * (contract/strategy-parameters.ts `ruleMetrics`, kept equal to `local` here by a test) and answers telemetry for
 * three of them (contract/telemetry.ts `telemetryMetrics`, likewise).
 *
 * Units where the reference is silent are the local platform's (server/engine/metric-measures.ts): `http.error_rate`
 * is a fraction from 0 to 1 on the wire (the docs' example rule is "http.error_rate > 0.3"), shown and typed here as
 * a percentage.
 */
export type MetricInfo = {
  name: string;
  /** "error rate": how a sentence names it. */
  label: string;
  /** Shown after a value: "%", "ms". */
  unit: string;
  /** Shown value = wire value × scale. */
  scale: number;
  /** The local platform judges rules on it. */
  local: boolean;
  /** The local platform's telemetry API answers it. */
  localTelemetry: boolean;
};

export const ruleMetricCatalogue: readonly MetricInfo[] = [
  { name: 'http.error_rate', label: 'error rate', unit: '%', scale: 100, local: true, localTelemetry: true },
  { name: 'http.response_time', label: 'response time', unit: 'ms', scale: 1, local: true, localTelemetry: true },
  { name: 'http.rpm', label: 'request rate', unit: 'req/min', scale: 1, local: true, localTelemetry: true },
  {
    name: 'http.healthcheck_fail',
    label: 'failed health checks',
    unit: '',
    scale: 1,
    local: true,
    localTelemetry: false,
  },
  { name: 'http.healthcheck_count', label: 'health checks', unit: '', scale: 1, local: false, localTelemetry: false },
  { name: 'system.cpu_usage_percentage', label: 'CPU usage', unit: '%', scale: 1, local: false, localTelemetry: false },
  {
    name: 'system.memory_usage_percentage',
    label: 'memory usage',
    unit: '%',
    scale: 1,
    local: false,
    localTelemetry: false,
  },
];

/** The three comparisons nullplatform documents (reference §8), as a rule states when to roll back. */
export const ruleComparisons = ['greater_than', 'less_than', 'equal'] as const;
export type RuleComparison = (typeof ruleComparisons)[number];

export const comparisonSymbols: Record<RuleComparison, string> = { greater_than: '>', less_than: '<', equal: '=' };
export const comparisonWords: Record<RuleComparison, string> = {
  greater_than: 'greater than',
  less_than: 'less than',
  equal: 'equal to',
};

export function isRuleComparison(value: string): value is RuleComparison {
  return (ruleComparisons as readonly string[]).includes(value);
}

export function metricInfo(name: string): MetricInfo | undefined {
  return ruleMetricCatalogue.find((metric) => metric.name === name);
}

/** The metrics a rule may name on this platform: the local platform refuses the ones it does not measure. */
export function metricChoices(mode: 'local' | 'connected'): readonly MetricInfo[] {
  return mode === 'local' ? ruleMetricCatalogue.filter((metric) => metric.local) : ruleMetricCatalogue;
}

/** A number as a person reads it: at most three significant decimals, no trailing zeros. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Math.abs(value) >= 100 ? Math.round(value * 10) / 10 : Number(value.toPrecision(3));
  return String(rounded);
}

/** A wire value in the metric's shown unit: "4.2%", "85 ms", "120 /min". Unknown metrics show as they came. */
export function formatMetricValue(metric: string, value: number): string {
  const info = metricInfo(metric);
  if (info === undefined) return formatNumber(value);
  const shown = formatNumber(value * info.scale);
  if (info.unit === '') return shown;
  return info.unit === '%' ? `${shown}%` : `${shown} ${info.unit}`;
}

/** "error rate > 10%": a rule as a sentence names it. */
export function describeRule(rule: { metric: string; comparison: string; threshold: number }): string {
  const info = metricInfo(rule.metric);
  const symbol = isRuleComparison(rule.comparison) ? comparisonSymbols[rule.comparison] : rule.comparison;
  return `${info?.label ?? rule.metric} ${symbol} ${formatMetricValue(rule.metric, rule.threshold)}`;
}
