import { useRef, useState } from 'react';

import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';

import type { MetricInfo } from '../rule-metrics';
import { newRule, type CustomDraft, type CustomErrors, type ServerErrorPlace } from '../strategy-form';
import { RuleFields } from './rule-fields';

export type CustomStrategyFieldsProps = {
  draft: CustomDraft;
  onChange: (draft: CustomDraft) => void;
  errors: CustomErrors;
  /** Every field's problem is shown once the operator tried to deploy; before that, a field's once it was left. */
  showAll: boolean;
  serverErrors: Partial<Record<ServerErrorPlace, string>>;
  metrics: readonly MetricInfo[];
};

const checkboxLabel = 'flex items-start gap-2 text-sm font-medium text-slate-800 dark:text-slate-200';

/** A one-off strategy for this deployment: automatic steps (step, interval) and rollback rules. */
export function CustomStrategyFields({
  draft,
  onChange,
  errors,
  showAll,
  serverErrors,
  metrics,
}: CustomStrategyFieldsProps) {
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const addRule = useRef<HTMLButtonElement>(null);
  const leave = (field: string) => setLeft((before) => new Set(before).add(field));
  const shown = (field: string, message: string | undefined) => (showAll || left.has(field) ? message : undefined);

  return (
    <div
      className="space-y-4 rounded-md border border-slate-300 bg-slate-50 p-3 dark:border-slate-600 dark:bg-slate-950/40"
      data-testid="custom-strategy"
    >
      <div className="space-y-3">
        <label className={checkboxLabel}>
          <input
            type="checkbox"
            className="mt-0.5"
            checked={draft.autoSteps}
            onChange={(event) => onChange({ ...draft, autoSteps: event.target.checked })}
          />
          <span>
            Move traffic automatically
            <span className="block text-xs font-normal text-slate-600 dark:text-slate-400">
              The new release starts at 0% and gains a step of the traffic every interval, up to 100%.
            </span>
          </span>
        </label>
        {draft.autoSteps && (
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <TextField
              label="Step (% of the traffic)"
              inputMode="decimal"
              autoComplete="off"
              value={draft.step}
              error={shown('step', errors.step) ?? serverErrors.step}
              onChange={(event) => onChange({ ...draft, step: event.target.value })}
              onBlur={() => leave('step')}
            />
            <TextField
              label="Interval (seconds)"
              inputMode="numeric"
              autoComplete="off"
              value={draft.interval}
              error={shown('interval', errors.interval) ?? serverErrors.interval}
              onChange={(event) => onChange({ ...draft, interval: event.target.value })}
              onBlur={() => leave('interval')}
            />
          </div>
        )}
      </div>

      <div className="space-y-3">
        <label className={checkboxLabel}>
          <input
            type="checkbox"
            className="mt-0.5"
            checked={draft.rollback}
            onChange={(event) => onChange({ ...draft, rollback: event.target.checked })}
          />
          <span>
            Roll back automatically when a rule breaks
            <span className="block text-xs font-normal text-slate-600 dark:text-slate-400">
              The platform checks each rule on the new release's requests and sends all traffic back to the previous
              release when one breaks.
            </span>
          </span>
        </label>
        {draft.rollback && (
          <>
            {draft.rules.map((rule, index) => (
              <RuleFields
                key={rule.key}
                index={index}
                rule={rule}
                metrics={metrics}
                errors={showAll || left.has(`rule-${rule.key}`) ? errors.byRule[rule.key] : undefined}
                onChange={(changed) =>
                  onChange({ ...draft, rules: draft.rules.map((item) => (item.key === rule.key ? changed : item)) })
                }
                onBlur={() => leave(`rule-${rule.key}`)}
                onRemove={() => {
                  // The focused Remove button goes with its rule: the keyboard carries on from "Add a rule".
                  addRule.current?.focus();
                  onChange({ ...draft, rules: draft.rules.filter((item) => item.key !== rule.key) });
                }}
              />
            ))}
            {shown('rules', errors.rules) && <p className="text-sm text-red-700 dark:text-red-400">{errors.rules}</p>}
            <Button
              ref={addRule}
              variant="secondary"
              size="sm"
              onClick={() => onChange({ ...draft, rules: [...draft.rules, newRule()] })}
              aria-disabled={draft.rules.length >= 20}
            >
              Add a rule
            </Button>
          </>
        )}
        {serverErrors.rules && (
          <p className="text-sm text-red-700 dark:text-red-400" data-testid="rules-server-error">
            {serverErrors.rules}
          </p>
        )}
      </div>
    </div>
  );
}
