/**
 * The deploy dialog's choice of strategy and its one-off custom strategy ("Set a custom strategy for this deployment",
 * reference §8): the form's state, its checks with a message per field, the parameters it sends in
 * `strategy_data.parameters`, and where a refusal from the platform belongs in the form.
 */
import { ApiError } from '@/lib/api-client';
import type { RolloutPlan } from '@/lib/read/strategy-parameters';

import { isRuleComparison, metricInfo, type RuleComparison } from './rule-metrics';

export type RuleDraft = { key: number; metric: string; comparison: RuleComparison; threshold: string };

export type CustomDraft = {
  autoSteps: boolean;
  /** Percentage points per step, as typed. */
  step: string;
  /** Seconds between steps, as typed. */
  interval: string;
  rollback: boolean;
  rules: RuleDraft[];
};

/** None (traffic moved by hand, as before), one of the deployment strategies, or a one-off custom strategy. */
export type StrategyChoice = { kind: 'none' } | { kind: 'strategy'; id: number } | { kind: 'custom' };

/** What a custom strategy sends in `strategy_data.parameters` (contract/strategy-parameters.ts checks it). */
export type CustomParameters = {
  traffic: { enable_auto_switch: boolean; step: string; interval: number };
  metrics: { enabled: boolean; rules: { metric: string; operation: RuleComparison; threshold: number }[] };
};

export type RuleErrors = { metric?: string; threshold?: string };
export type CustomErrors = { step?: string; interval?: string; rules?: string; byRule: Record<number, RuleErrors> };

let nextRuleKey = 1;

export function newRule(overrides: Partial<Omit<RuleDraft, 'key'>> = {}): RuleDraft {
  return { key: nextRuleKey++, metric: 'http.error_rate', comparison: 'greater_than', threshold: '10', ...overrides };
}

/** nullplatform's examples: "Shift 10% of traffic every 30 seconds", "roll back if http.error_rate > 0.3" (§8). */
export function defaultDraft(): CustomDraft {
  return { autoSteps: true, step: '10', interval: '30', rollback: true, rules: [newRule()] };
}

/** A custom draft that starts from a plan (a strategy the operator adjusts for this deployment). */
export function draftFromPlan(plan: RolloutPlan | undefined): CustomDraft {
  const base = defaultDraft();
  if (plan === undefined) return base;
  const rules = (plan.rules?.rules ?? []).flatMap((rule): RuleDraft[] => {
    const info = metricInfo(rule.metric);
    if (info === undefined || !isRuleComparison(rule.comparison)) return [];
    return [
      newRule({
        metric: rule.metric,
        comparison: rule.comparison,
        threshold: String(Number((rule.threshold * info.scale).toPrecision(6))),
      }),
    ];
  });
  return {
    autoSteps: plan.steps?.enabled ?? base.autoSteps,
    step: plan.steps ? String(plan.steps.stepPercent) : base.step,
    interval: plan.steps ? String(plan.steps.intervalSeconds) : base.interval,
    rollback: plan.rules?.enabled ?? false,
    rules: rules.length > 0 ? rules : base.rules,
  };
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/** Every problem of the draft, by field; none when it can be sent. */
export function checkDraft(draft: CustomDraft): CustomErrors {
  const errors: CustomErrors = { byRule: {} };
  if (draft.autoSteps) {
    const step = draft.step.trim();
    if (step === '') errors.step = 'Enter the step: the share of the traffic each step adds, in %.';
    else if (!NUMBER.test(step) || !(Number(step) > 0) || Number(step) > 100)
      errors.step = `"${step}" is not a step between 0% (excluded) and 100%.`;
    const interval = draft.interval.trim();
    if (interval === '') errors.interval = 'Enter the interval between steps, in seconds.';
    else if (!/^\d+$/.test(interval) || Number(interval) < 1)
      errors.interval = `"${interval}" is not a whole number of seconds of at least 1.`;
  }
  if (draft.rollback) {
    if (draft.rules.length === 0) errors.rules = 'Add a rule, or turn automatic rollback off.';
    for (const rule of draft.rules) {
      const problems: RuleErrors = {};
      if (metricInfo(rule.metric) === undefined) problems.metric = 'Choose a metric.';
      const threshold = rule.threshold.trim();
      const unit = metricInfo(rule.metric)?.unit;
      if (threshold === '') problems.threshold = 'Enter a threshold.';
      else if (!NUMBER.test(threshold)) problems.threshold = `"${threshold}" is not a number.`;
      // No metric here is ever negative, and a share never passes 100%: such a rule could never (or always) break.
      else if (unit === '%' && (Number(threshold) < 0 || Number(threshold) > 100))
        problems.threshold = `"${threshold}" is not a share from 0% to 100%.`;
      else if (Number(threshold) < 0) problems.threshold = `"${threshold}" is below 0: this metric never is.`;
      if (problems.metric !== undefined || problems.threshold !== undefined) errors.byRule[rule.key] = problems;
    }
  }
  return errors;
}

export function hasErrors(errors: CustomErrors): boolean {
  return (
    errors.step !== undefined ||
    errors.interval !== undefined ||
    errors.rules !== undefined ||
    Object.keys(errors.byRule).length > 0
  );
}

/**
 * The parameters a valid draft sends. `step` is a fraction as nullplatform sends it (`"0.1"`, context.json, §8b); a
 * rule names its comparison in `operation`, as the local platform's README does (which field nullplatform uses is
 * not public: contract/strategy-parameters.ts accepts both). An error rate typed in % goes as a fraction.
 */
export function draftParameters(draft: CustomDraft): CustomParameters {
  const step = draft.autoSteps ? Number(draft.step) : 10;
  const interval = draft.autoSteps ? Number(draft.interval) : 30;
  return {
    traffic: { enable_auto_switch: draft.autoSteps, step: String(Number((step / 100).toPrecision(6))), interval },
    metrics: {
      enabled: draft.rollback,
      rules: draft.rollback
        ? draft.rules.map((rule) => ({
            metric: rule.metric,
            operation: rule.comparison,
            threshold: Number((Number(rule.threshold) / (metricInfo(rule.metric)?.scale ?? 1)).toPrecision(12)),
          }))
        : [],
    },
  };
}

export type ServerErrorPlace = 'step' | 'interval' | 'rules' | 'form';

/**
 * Where a refusal of the platform belongs: the local platform names the field (`traffic.step must be in (0, 1]…`,
 * `metric must be one of…`); anything else is the form's. Several problems come joined by "; ".
 */
export function placeServerMessage(message: string): Partial<Record<ServerErrorPlace, string>> {
  const placed: Partial<Record<ServerErrorPlace, string[]>> = {};
  for (const part of message.split('; ')) {
    const place: ServerErrorPlace = /traffic\.step|\bstep\b/.test(part)
      ? 'step'
      : /traffic\.interval|\binterval\b/.test(part)
        ? 'interval'
        : /rules|metric|threshold|comparison|operation/.test(part)
          ? 'rules'
          : 'form';
    (placed[place] ??= []).push(part);
  }
  return Object.fromEntries(Object.entries(placed).map(([place, parts]) => [place, parts.join('; ')]));
}

/** A 400 about the strategy's parameters, placed next to the field it names; nothing when no parameters were sent. */
export function strategyRefusal(error: unknown, sentParameters: boolean): Partial<Record<ServerErrorPlace, string>> {
  if (!sentParameters || !(error instanceof ApiError) || error.status !== 400) return {};
  return placeServerMessage(error.message);
}
