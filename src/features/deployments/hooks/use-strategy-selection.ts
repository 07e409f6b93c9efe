import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';

import type { DeploymentStrategy } from '@/lib/read/deployment-strategy';
import { strategyValues } from '@/lib/read/deployment-strategy';
import type { Scope } from '@/lib/read/scope';
import { readRolloutPlan, type RolloutPlan } from '@/lib/read/strategy-parameters';

import { appliesToDimensions, nrnOf, strategyQueries } from '../api/strategies';
import {
  checkDraft,
  defaultDraft,
  draftFromPlan,
  draftParameters,
  hasErrors,
  type CustomDraft,
  type CustomErrors,
  type StrategyChoice,
} from '../strategy-form';

/** A deployment strategy the dialog can offer, with the plan its parameters make (undefined: they cannot be read). */
export type OfferedStrategy = {
  strategy: DeploymentStrategy;
  values: Record<string, unknown> | undefined;
  plan: RolloutPlan | undefined;
};

export type StrategySelection = {
  choice: StrategyChoice;
  choose: (choice: StrategyChoice) => void;
  draft: CustomDraft;
  setDraft: (draft: CustomDraft) => void;
  /** Start a custom strategy from an offered one's values ("adjust it for this deployment"). */
  adjust: (offered: OfferedStrategy) => void;
  offered: { data: OfferedStrategy[] | undefined; isPending: boolean; error: unknown };
  errors: CustomErrors;
  /** Whether what is chosen can be sent. */
  valid: boolean;
  /** `strategy_data.parameters` for the body; undefined for "none". */
  parameters: Readonly<Record<string, unknown>> | undefined;
  /** The plan of what is chosen, for the sentence under the choice. */
  plan: RolloutPlan | undefined;
};

/**
 * The dialog's strategy: none (traffic by hand), one of the strategies that apply to the scope, or a custom one.
 * `enabled` is false where no strategy applies (an initial deployment never steps), and then nothing is read.
 * `onEdit` runs on every change of choice or draft (the dialog takes back the platform's refusal of the last one).
 */
export function useStrategySelection(
  scope: Scope | undefined,
  enabled: boolean,
  onEdit: () => void = () => undefined,
): StrategySelection {
  const [choice, setChoice] = useState<StrategyChoice>({ kind: 'none' });
  const [draft, setDraft] = useState<CustomDraft>(defaultDraft);
  const nrn = scope === undefined ? undefined : nrnOf(scope);
  const list = useQuery({ ...strategyQueries.forNrn(nrn), enabled: enabled && scope !== undefined });
  const data = list.data?.results
    .filter((strategy) => appliesToDimensions(strategy, scope?.dimensions))
    .map((strategy): OfferedStrategy => {
      const values = strategyValues(strategy.parameters);
      return { strategy, values, plan: readRolloutPlan(values) };
    });

  const chosen = choice.kind === 'strategy' ? data?.find((offered) => offered.strategy.id === choice.id) : undefined;
  const errors = choice.kind === 'custom' ? checkDraft(draft) : { byRule: {} };
  const valid =
    !enabled ||
    choice.kind === 'none' ||
    (choice.kind === 'custom' ? !hasErrors(errors) : chosen?.values !== undefined);
  const parameters =
    !enabled || choice.kind === 'none'
      ? undefined
      : choice.kind === 'custom'
        ? valid
          ? draftParameters(draft)
          : undefined
        : chosen?.values;
  const plan = choice.kind === 'custom' ? readRolloutPlan(valid ? draftParameters(draft) : undefined) : chosen?.plan;

  return {
    choice,
    choose: (next) => {
      onEdit();
      setChoice(next);
    },
    draft,
    setDraft: (next) => {
      onEdit();
      setDraft(next);
    },
    adjust: (offered) => {
      onEdit();
      setDraft(draftFromPlan(offered.plan));
      setChoice({ kind: 'custom' });
    },
    offered: { data, isPending: enabled && list.isPending, error: list.error },
    errors,
    valid,
    parameters,
    plan,
  };
}
