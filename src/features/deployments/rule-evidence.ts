/**
 * The evidence beside each rollback rule: what the local platform's checks measured (its kept evaluations: the new
 * release's own requests at the scope address) and, for a finished rollback, why it happened.
 */
import type { Deployment } from '@/lib/read/deployment';
import type { MetricEvaluation, RuleResult } from '@/lib/read/metric-evaluation';
import type { RolloutRule } from '@/lib/read/strategy-parameters';

import { describeRule, formatMetricValue, metricInfo } from './rule-metrics';

export type RuleCheck = { at: number; value: number | null; judged: boolean; broken: boolean };

export type RuleReading = {
  rule: RolloutRule;
  /** Every check of this rule, oldest first. */
  checks: RuleCheck[];
  /** The latest check, with the requests it saw. */
  latest:
    | (RuleCheck & { requests: number | undefined; minRequests: number | undefined; windowSeconds: number | undefined })
    | undefined;
};

function instant(value: string | number): number {
  return typeof value === 'number' ? value : Date.parse(value);
}

/** A check's result for `rule`: the same position when the rules line up, else the same metric, comparison and threshold. */
function resultFor(
  evaluation: MetricEvaluation,
  rule: RolloutRule,
  index: number,
  ruleCount: number,
): RuleResult | undefined {
  const results = evaluation.results ?? [];
  const same = (result: RuleResult) =>
    result.metric === rule.metric && result.threshold === rule.threshold && result.comparison === rule.comparison;
  const positional = results.length === ruleCount ? results[index] : undefined;
  return positional !== undefined && same(positional) ? positional : results.find(same);
}

export function ruleReadings(rules: readonly RolloutRule[], evaluations: readonly MetricEvaluation[]): RuleReading[] {
  return rules.map((rule, index) => {
    const checks: (RuleCheck & { evaluation: MetricEvaluation })[] = [];
    for (const evaluation of evaluations) {
      const result = resultFor(evaluation, rule, index, rules.length);
      if (result === undefined) continue;
      checks.push({
        at: instant(evaluation.evaluated_at),
        value: result.value ?? null,
        judged: result.judged ?? false,
        broken: result.broken ?? false,
        evaluation,
      });
    }
    const last = checks.at(-1);
    return {
      rule,
      checks: checks.map(({ evaluation: _evaluation, ...check }) => check),
      latest:
        last === undefined
          ? undefined
          : {
              at: last.at,
              value: last.value,
              judged: last.judged,
              broken: last.broken,
              requests: last.evaluation.requests,
              minRequests: last.evaluation.min_requests,
              windowSeconds: last.evaluation.window_seconds,
            },
    };
  });
}

export type RollbackReason = { text: string; at: number | undefined };

const ROLLED_BACK = ['rolling_back', 'rolled_back'];

/**
 * Why a deployment was rolled back by its rules, or undefined when it was not (a rollback asked by hand ends
 * `rolled_back` too). The local platform's broken check says it with numbers; otherwise the platform's own ERROR
 * message that names a rule (the local platform writes "metric rule broken: …"; nullplatform's wording is not public,
 * so a message naming one of the deployment's rule metrics is taken).
 */
export function automaticRollbackReason(
  deployment: Pick<Deployment, 'status' | 'messages'>,
  rules: readonly RolloutRule[],
  evaluations: readonly MetricEvaluation[],
  releaseName: string,
): RollbackReason | undefined {
  if (!ROLLED_BACK.includes(deployment.status)) return undefined;
  const broken = [...evaluations].reverse().find((evaluation) => evaluation.verdict === 'broken');
  const result = broken?.results?.find((item) => item.broken === true);
  if (
    broken !== undefined &&
    result?.metric !== undefined &&
    result.threshold !== undefined &&
    result.comparison !== undefined
  ) {
    const rule = { metric: result.metric, comparison: result.comparison, threshold: result.threshold };
    const measured =
      result.value === null || result.value === undefined ? 'no value' : formatMetricValue(result.metric, result.value);
    const window = broken.window_seconds === undefined ? '' : ` over the last ${broken.window_seconds} s`;
    const requests = broken.requests === undefined ? '' : ` (${broken.requests} requests to ${releaseName})`;
    return {
      text: `The rule “roll back if ${describeRule(rule)}” broke: ${metricInfo(result.metric)?.label ?? result.metric} was ${measured}${window}${requests}.`,
      at: instant(broken.evaluated_at),
    };
  }
  const names = rules.map((rule) => rule.metric);
  const message = [...(deployment.messages ?? [])]
    .reverse()
    .find(
      (item) =>
        (item.level ?? '').toUpperCase() === 'ERROR' &&
        item.message !== undefined &&
        (/metric rule/i.test(item.message) || names.some((name) => item.message?.includes(name))),
    );
  if (message?.message === undefined) return undefined;
  return { text: message.message, at: message.timestamp === undefined ? undefined : instant(message.timestamp) };
}
