/**
 * Judges a deployment's rollback rules against what was measured: the evaluation the engine keeps, and the message
 * naming the broken rule when there is one.
 */
import type { RuleResult } from '@contract/metric-evaluation';
import { type MetricRule, ruleComparison, type RuleComparison } from '@contract/strategy-parameters';

import type { NewEvaluation } from '../store/evaluations-repository';
import { type Measurements, metricUnits, requestMetrics } from './metric-measures';

type Judged = Omit<RuleResult, 'comparison'> & { comparison: RuleComparison };
export type RulesEvaluation = Omit<NewEvaluation, 'results'> & { results: Judged[] };

export function evaluateRules(
  deploymentId: number,
  rules: readonly MetricRule[],
  measured: Measurements,
  windowSeconds: number,
  minRequests: number,
): RulesEvaluation {
  const enoughRequests = measured.requests >= minRequests;
  const results: Judged[] = rules.map((rule) => {
    const comparison = ruleComparison(rule);
    const value = measured.values[rule.metric];
    const judged = value !== null && (enoughRequests || !requestMetrics.includes(rule.metric));
    return {
      metric: rule.metric,
      comparison,
      threshold: rule.threshold,
      value,
      unit: metricUnits[rule.metric],
      judged,
      broken: judged && breaks(value, comparison, rule.threshold),
    };
  });
  const verdict = results.some((result) => result.broken)
    ? 'broken'
    : results.every((result) => result.judged)
      ? 'passed'
      : 'not_enough_requests';
  return {
    deployment_id: deploymentId,
    window_seconds: windowSeconds,
    requests: measured.requests,
    min_requests: minRequests,
    verdict,
    results,
  };
}

/** A rule names the condition that rolls back ("roll back if http.error_rate > 0.3", reference §8). */
function breaks(value: number, comparison: RuleComparison, threshold: number): boolean {
  switch (comparison) {
    case 'greater_than':
      return value > threshold;
    case 'less_than':
      return value < threshold;
    case 'equal':
      return value === threshold;
  }
}

const comparisonWords: Record<RuleComparison, string> = { greater_than: '>', less_than: '<', equal: '=' };

/** Names the rule, the measured value, the threshold and the window, for the deployment's messages. */
export function brokenRuleMessage(evaluation: RulesEvaluation): string | undefined {
  const broken = evaluation.results.find((result) => result.broken);
  if (broken === undefined || broken.value === null) return undefined;
  return (
    `metric rule broken: ${broken.metric} ${broken.comparison} ${broken.threshold}; measured ${round(broken.value)} ${broken.unit} ` +
    `${comparisonWords[broken.comparison]} ${broken.threshold} over the last ${evaluation.window_seconds} s ` +
    `(${evaluation.requests} requests to this release at the scope address); rolling back to the previous release`
  );
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
