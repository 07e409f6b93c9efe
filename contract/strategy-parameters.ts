/**
 * A deployment strategy's parameters, as nullplatform puts them in `strategy_data.parameters` (reference §8, §8b:
 * nullplatform/scopes-static-files context.json sends `{metrics:{enabled,rules}, traffic:{enable_auto_switch,
 * interval, step:"0.1"}}`): how fast traffic moves to the new release, and which metrics roll it back.
 *
 * Request schemas are strict; `readStrategyParameters` reads what is stored tolerantly (a deployment seeded or sent
 * by nullplatform may carry other shapes: those parameters are simply not acted on).
 */
import { z } from 'zod';

/**
 * The metrics the local platform can measure from its own proxy counters and health checks; nullplatform lists these
 * among others for K8s and instance scopes (reference §8, docs "deployment strategy reference").
 */
export const ruleMetrics = ['http.error_rate', 'http.response_time', 'http.rpm', 'http.healthcheck_fail'] as const;
export type RuleMetric = (typeof ruleMetrics)[number];

/** The three comparisons nullplatform documents (reference §8, D-stratref). */
export const ruleComparisons = ['greater_than', 'less_than', 'equal'] as const;
export type RuleComparison = (typeof ruleComparisons)[number];

/** `step` is a fraction of all the traffic: nullplatform sends it as a string ("0.1" = 10 points, reference §8b). */
const stepSchema = z
  .union([z.number(), z.string().regex(/^\s*\d*\.?\d+\s*$/, 'traffic.step must be a number in (0, 1], e.g. 0.1')], {
    error: 'traffic.step must be a number in (0, 1], e.g. 0.1',
  })
  .refine((value) => Number(value) > 0 && Number(value) <= 1, {
    message: 'traffic.step must be in (0, 1]: a fraction of all the traffic, e.g. 0.1 for 10 points',
  })
  .meta({
    description: 'a fraction of all the traffic in (0, 1], as a number or a numeric string ("0.1" is 10 points)',
  });

/** Seconds between two steps: a number in context.json (`interval: 10`); a numeric string is read as well. */
const intervalSchema = z
  .union([z.number(), z.string().regex(/^\s*\d+(\.\d+)?\s*$/, 'traffic.interval must be a number of seconds')], {
    error: 'traffic.interval must be a number of seconds, at least 1',
  })
  .refine((value) => Number(value) >= 1, { message: 'traffic.interval must be at least 1 (seconds between steps)' })
  .meta({ description: 'seconds between two steps, at least 1, as a number or a numeric string' });

const trafficParametersSchema = z.strictObject({
  enable_auto_switch: z.boolean({ error: 'traffic.enable_auto_switch must be true or false' }),
  step: stepSchema,
  interval: intervalSchema,
});

const metricSchema = z.enum(ruleMetrics, { error: `metric must be one of ${ruleMetrics.join(', ')}` });
const comparisonSchema = z.enum(ruleComparisons, {
  error: `the comparison must be one of ${ruleComparisons.join(', ')}`,
});

/**
 * One rollback rule. nullplatform's reference names the values (`greater_than|less_than|equal`) but not the field
 * that holds them (reference §8, D-stratref; no public example found): either `operation` or `comparison` is
 * accepted, exactly one, and stored as sent.
 */
const metricRuleSchema = z
  .strictObject({
    metric: metricSchema,
    operation: comparisonSchema.optional(),
    comparison: comparisonSchema.optional(),
    threshold: z.number({ error: 'threshold must be a number' }).finite('threshold must be a finite number'),
  })
  .refine((rule) => (rule.operation === undefined) !== (rule.comparison === undefined), {
    message: `a rule needs its comparison (${ruleComparisons.join(', ')}) in operation or in comparison, exactly one of them`,
  })
  .meta({
    oneOf: [{ required: ['operation'] }, { required: ['comparison'] }],
    description: 'roll back when `metric` `operation` `threshold` holds',
  });
export type MetricRule = z.infer<typeof metricRuleSchema>;

const metricsParametersSchema = z.strictObject({
  enabled: z.boolean({ error: 'metrics.enabled must be true or false' }),
  rules: z.array(metricRuleSchema).max(20, 'at most 20 rules'),
});

export const strategyParametersSchema = z.strictObject({
  traffic: trafficParametersSchema.optional(),
  metrics: metricsParametersSchema.optional(),
});
export type StrategyParameters = z.infer<typeof strategyParametersSchema>;

/** The comparison of a rule, whichever field holds it. */
export function ruleComparison(rule: MetricRule): RuleComparison {
  return rule.operation ?? rule.comparison ?? 'greater_than';
}

/**
 * `strategy_data` key (the local platform's own, beside nullplatform's): when the automatic steps' clock last
 * started, the last step or a resume. The next step is due an interval later, so a restarted console keeps the pace.
 */
export const AUTO_SWITCH_CLOCK_KEY = 'auto_switch_last_step_at';

/** Automatic steps as numbers: `step` in percentage points, `interval` in seconds. */
export type AutoSwitch = { enabled: boolean; stepPoints: number; intervalSeconds: number };

/** Reads stored `strategy_data.parameters`; what does not parse is not acted on. */
export function readStrategyParameters(strategyData: Record<string, unknown>): StrategyParameters | undefined {
  const parsed = strategyParametersSchema.safeParse(strategyData['parameters']);
  return parsed.success ? parsed.data : undefined;
}

export function readAutoSwitch(strategyData: Record<string, unknown>): AutoSwitch | undefined {
  const traffic = readStrategyParameters(strategyData)?.traffic;
  if (traffic === undefined) return undefined;
  return {
    enabled: traffic.enable_auto_switch,
    // A fraction of the traffic in percentage points, never below one point (the split is in whole percents).
    stepPoints: Math.max(1, Math.round(Number(traffic.step) * 100)),
    intervalSeconds: Number(traffic.interval),
  };
}
