/**
 * A deployment's strategy parameters as the SPA reads them: `strategy_data.parameters` (reference §8, §8b:
 * nullplatform/scopes-static-files context.json sends `{metrics:{enabled,rules}, traffic:{enable_auto_switch,
 * interval, step:"0.1"}}`). `step` is a fraction of all the traffic, as a number or a numeric string; a rule names
 * its comparison in `operation` or `comparison` (contract/strategy-parameters.ts accepts either).
 *
 * What cannot be read is not acted on: the page shows the raw parameters instead of a plan it would have to guess.
 */
import { z } from 'zod/mini';

import { booleanField, numberField, shownObject, textField } from './tolerant';

const trafficReader = shownObject({ enable_auto_switch: booleanField, step: numberField, interval: numberField });
const ruleReader = shownObject({
  metric: textField,
  operation: textField,
  comparison: textField,
  threshold: numberField,
});
const metricsReader = shownObject({ enabled: booleanField, rules: z.array(ruleReader) });
const parametersReader = shownObject({ traffic: trafficReader, metrics: metricsReader });

/** Automatic traffic steps: `stepPercent` points every `intervalSeconds`, while `enabled`. */
export type AutoSteps = { enabled: boolean; stepPercent: number; intervalSeconds: number };

/** One rollback rule: "roll back if `metric` `comparison` `threshold`". */
export type RolloutRule = { metric: string; comparison: string; threshold: number };

export type RolloutRules = { enabled: boolean; rules: RolloutRule[] };

export type RolloutPlan = {
  /** Undefined when the parameters carry no readable `traffic`. */
  steps: AutoSteps | undefined;
  /** Undefined when the parameters carry no readable `metrics`. */
  rules: RolloutRules | undefined;
};

/** The plan of parameters shaped as a deployment carries them; undefined when nothing of them can be read. */
export function readRolloutPlan(parameters: unknown): RolloutPlan | undefined {
  const read = parametersReader.safeParse(parameters);
  if (!read.success) return undefined;
  const steps = toSteps(read.data.traffic);
  const rules = toRules(read.data.metrics);
  return steps === undefined && rules === undefined ? undefined : { steps, rules };
}

/** `strategy_data.parameters` of a deployment, whatever else its strategy data holds. */
export function parametersOf(strategyData: object): unknown {
  return 'parameters' in strategyData ? strategyData.parameters : undefined;
}

function toSteps(traffic: z.output<typeof trafficReader> | undefined): AutoSteps | undefined {
  if (traffic?.enable_auto_switch === undefined || traffic.step === undefined || traffic.interval === undefined)
    return undefined;
  // Out of range is not a plan: the local platform refuses it, and no reading of it would be more than a guess.
  if (!(traffic.step > 0 && traffic.step <= 1) || !(traffic.interval > 0)) return undefined;
  return {
    enabled: traffic.enable_auto_switch,
    stepPercent: Math.round(traffic.step * 1000) / 10,
    intervalSeconds: traffic.interval,
  };
}

function toRules(metrics: z.output<typeof metricsReader> | undefined): RolloutRules | undefined {
  if (metrics?.enabled === undefined) return undefined;
  const rules = (metrics.rules ?? []).flatMap((rule): RolloutRule[] => {
    const comparison = rule.operation ?? rule.comparison;
    if (rule.metric === undefined || rule.threshold === undefined || comparison === undefined) return [];
    return [{ metric: rule.metric, comparison, threshold: rule.threshold }];
  });
  return { enabled: metrics.enabled, rules };
}
