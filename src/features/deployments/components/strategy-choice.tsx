import type { ReactNode } from 'react';

import { Button } from '@/components/ui/button';
import { ErrorDetails } from '@/components/ui/error-state';
import { Spinner } from '@/components/ui/spinner';
import { cn } from '@/lib/cn';
import { displayName } from '@/lib/read/display';

import type { StrategySelection } from '../hooks/use-strategy-selection';
import { metricChoices } from '../rule-metrics';
import type { ServerErrorPlace } from '../strategy-form';
import { describePlan } from '../strategy-plan';
import { CustomStrategyFields } from './custom-strategy-fields';

export type StrategyChoiceProps = {
  selection: StrategySelection;
  /** Which metrics a rule may name: the local platform judges fewer than nullplatform. */
  mode: 'local' | 'connected';
  showAllErrors: boolean;
  serverErrors: Partial<Record<ServerErrorPlace, string>>;
};

function Choice({
  checked,
  onSelect,
  disabled,
  label,
  hint,
  testId,
}: {
  checked: boolean;
  onSelect: () => void;
  disabled?: boolean;
  label: ReactNode;
  hint?: ReactNode;
  testId?: string;
}) {
  return (
    <label
      data-testid={testId}
      className={cn(
        'flex items-start gap-3 rounded-md border p-3 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-sky-600',
        disabled ? 'cursor-not-allowed opacity-70' : 'cursor-pointer',
        checked
          ? 'border-sky-600 bg-sky-50 dark:border-sky-400 dark:bg-sky-950/60'
          : 'border-slate-300 dark:border-slate-600',
      )}
    >
      <input type="radio" name="strategy" checked={checked} onChange={onSelect} disabled={disabled} className="mt-1" />
      <span className="min-w-0 flex-1">
        <span className="block font-medium">{label}</span>
        {hint && <span className="block text-xs break-words text-slate-600 dark:text-slate-400">{hint}</span>}
      </span>
    </label>
  );
}

/**
 * How a blue/green deployment's traffic moves, as nullplatform's "New Deployment" offers it (reference §8, §9): by
 * hand, with one of the deployment strategies that apply to the scope, or with a custom strategy for this deployment
 * only. The plan of what is chosen is stated in one sentence.
 */
export function StrategyChoice({ selection, mode, showAllErrors, serverErrors }: StrategyChoiceProps) {
  const { choice, choose, offered, draft, setDraft, errors, plan } = selection;
  const chosen = choice.kind === 'strategy' ? offered.data?.find((item) => item.strategy.id === choice.id) : undefined;
  const refusal =
    choice.kind === 'custom'
      ? undefined
      : [serverErrors.step, serverErrors.interval, serverErrors.rules].filter(Boolean).join('; ');
  return (
    <fieldset className="space-y-2" data-testid="strategy-choice">
      <legend className="mb-2 text-sm font-medium">Traffic and rollback</legend>
      <Choice
        checked={choice.kind === 'none'}
        onSelect={() => choose({ kind: 'none' })}
        label="By hand"
        hint="The new release starts at 0% of the traffic; you move it, then finalize or roll back."
      />
      {offered.isPending && <Spinner size="md" label="Loading the deployment strategies…" />}
      {offered.error !== null && offered.error !== undefined && (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100">
          <p className="font-medium">
            The deployment strategies could not be read: moving traffic by hand and a custom strategy still work.
          </p>
          <ErrorDetails error={offered.error} />
        </div>
      )}
      {offered.data?.map((item) => (
        <Choice
          key={item.strategy.id}
          testId="strategy-option"
          checked={choice.kind === 'strategy' && choice.id === item.strategy.id}
          onSelect={() => choose({ kind: 'strategy', id: item.strategy.id })}
          disabled={item.values === undefined}
          label={displayName(item.strategy, 'Strategy')}
          hint={
            <>
              {item.strategy.description && <span className="block">{item.strategy.description}</span>}
              <span className="block">
                {item.plan
                  ? describePlan(item.plan)
                  : 'Its parameters could not be read, so it cannot be used from here.'}
              </span>
            </>
          }
        />
      ))}
      <Choice
        checked={choice.kind === 'custom'}
        onSelect={() => choose({ kind: 'custom' })}
        label="Custom, for this deployment only"
        hint="Steps and rollback rules for this deployment; no strategy is changed."
      />
      {chosen && (
        <Button variant="secondary" size="sm" onClick={() => selection.adjust(chosen)}>
          Adjust it for this deployment
        </Button>
      )}
      {choice.kind === 'custom' && (
        <CustomStrategyFields
          draft={draft}
          onChange={setDraft}
          errors={errors}
          showAll={showAllErrors}
          serverErrors={serverErrors}
          metrics={metricChoices(mode)}
        />
      )}
      {refusal && (
        <p className="text-sm text-red-700 dark:text-red-400" data-testid="strategy-server-error">
          {refusal}
        </p>
      )}
      {choice.kind !== 'none' && plan && (
        <p
          className="rounded-md bg-slate-100 px-3 py-2 text-sm font-medium text-slate-900 dark:bg-slate-800 dark:text-slate-100"
          data-testid="strategy-plan"
        >
          Plan: {describePlan(plan)}
        </p>
      )}
    </fieldset>
  );
}
