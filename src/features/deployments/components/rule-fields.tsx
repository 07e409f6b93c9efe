import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';

import {
  comparisonSymbols,
  comparisonWords,
  isRuleComparison,
  metricInfo,
  ruleComparisons,
  type MetricInfo,
} from '../rule-metrics';
import type { RuleDraft, RuleErrors } from '../strategy-form';

export type RuleFieldsProps = {
  index: number;
  rule: RuleDraft;
  metrics: readonly MetricInfo[];
  errors: RuleErrors | undefined;
  onChange: (rule: RuleDraft) => void;
  onBlur: () => void;
  onRemove: () => void;
};

/** One rollback rule: "roll back if <metric> <comparison> <threshold>", the threshold in the metric's shown unit. */
export function RuleFields({ index, rule, metrics, errors, onChange, onBlur, onRemove }: RuleFieldsProps) {
  const unit = metricInfo(rule.metric)?.unit;
  return (
    <fieldset className="rounded-md border border-slate-200 p-3 dark:border-slate-700" data-testid="rule-fields">
      <legend className="px-1 text-xs font-medium text-slate-600 dark:text-slate-400">
        Rule {index + 1}: roll back if…
      </legend>
      <div className="grid grid-cols-1 items-start gap-3 sm:grid-cols-[minmax(0,1.5fr)_minmax(0,1fr)_minmax(0,1fr)_auto]">
        <SelectField
          label="Metric"
          options={metrics.map((metric) => ({ value: metric.name, label: `${metric.label} (${metric.name})` }))}
          value={rule.metric}
          error={errors?.metric}
          onChange={(event) => {
            const metric = event.target.value;
            // A threshold typed in another unit (10 % is not 10 ms) is cleared, to be entered again.
            const sameUnit = metricInfo(metric)?.unit === unit;
            onChange({ ...rule, metric, threshold: sameUnit ? rule.threshold : '' });
          }}
        />
        <SelectField
          label="Comparison"
          options={ruleComparisons.map((comparison) => ({
            value: comparison,
            label: `${comparisonSymbols[comparison]} ${comparisonWords[comparison]}`,
          }))}
          value={rule.comparison}
          onChange={(event) => {
            const comparison = event.target.value;
            if (isRuleComparison(comparison)) onChange({ ...rule, comparison });
          }}
        />
        <TextField
          label={unit ? `Threshold (${unit})` : 'Threshold'}
          inputMode="decimal"
          autoComplete="off"
          value={rule.threshold}
          error={errors?.threshold}
          onChange={(event) => onChange({ ...rule, threshold: event.target.value })}
          onBlur={onBlur}
        />
        <Button
          variant="ghost"
          size="sm"
          className="sm:mt-6"
          onClick={onRemove}
          aria-label={`Remove rule ${index + 1}`}
        >
          Remove
        </Button>
      </div>
    </fieldset>
  );
}
