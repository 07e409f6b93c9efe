import type { Deployment } from '@/lib/read/deployment';
import { isDeploymentStatus, trafficChangeRefusal } from '@contract/deployment-lifecycle';

import { humanize } from '@/lib/format';
import { compactJson, isUnreadable, unreadableValue } from '@/lib/read/tolerant';

import { isDeploymentStrategy, trafficSplit } from './utils';

/**
 * The percentages the traffic panel offers as one-click presets: the small first steps operators take before a
 * wider one (Argo Rollouts' and Flagger's usual 5/10/25/50), and both ends.
 */
export const trafficPresets = [0, 5, 10, 25, 50, 75, 100] as const;

export type ReleaseNames = {
  /** The release serving before this deployment (blue). */
  old: string;
  /** This deployment's release (green). */
  new: string;
};

/** "old (1.1.0) 100% → 70%, new (1.2.0) 0% → 30%": a change of the new release's share from `from` to `to`. */
export function describeTrafficChange(names: ReleaseNames, from: number, to: number): string {
  return `old (${names.old}) ${100 - from}% → ${100 - to}%, new (${names.new}) ${from}% → ${to}%`;
}

/** "1.1.0 70%, 1.2.0 30%": a split in words, the old release first. */
export function describeSplit(names: ReleaseNames, toNew: number): string {
  return `${names.old} ${100 - toNew}%, ${names.new} ${toNew}%`;
}

/** "30% → 1.2.0 · 70% → 1.1.0": a selected split, the new release first, as the slider shows it while it moves. */
export function describeSelection(names: ReleaseNames, toNew: number): string {
  return `${toNew}% → ${names.new} · ${100 - toNew}% → ${names.old}`;
}

/** The problem with a typed percentage, or undefined when it is a whole number from 0 to 100. */
export function percentProblem(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return 'Enter a percentage from 0 to 100';
  if (!/^\d+$/.test(trimmed) || Number(trimmed) > 100) return `"${trimmed}" is not a whole percentage from 0 to 100`;
  return undefined;
}

/**
 * Why the traffic controls are locked now, or undefined when they can be used. A change is "in flight" from the moment
 * it is sent until the platform reports it applied (`switched_traffic` reaches `desired_switched_traffic`).
 */
export function trafficLock(
  deployment: Pick<Deployment, 'status' | 'strategy' | 'strategy_data'>,
  sending: boolean,
): string | undefined {
  if (!isDeploymentStatus(deployment.status) || !isDeploymentStrategy(deployment.strategy)) {
    return `this console does not know the ${deployment.strategy} deployment status ${deployment.status}`;
  }
  const refusal = trafficChangeRefusal(deployment.status, deployment.strategy);
  if (refusal) return `The controls are locked: ${humanize(refusal)}.`;
  const unreadable = ['switched_traffic', 'desired_switched_traffic'].filter((field) =>
    isUnreadable(deployment.strategy_data, field),
  );
  if (unreadable.length > 0) {
    const sent = unreadable
      .map((field) => `${field} ${compactJson(unreadableValue(deployment.strategy_data, field), 40)}`)
      .join(', ');
    return `The controls are locked: the traffic numbers the platform sent could not be read (${sent}).`;
  }
  if (sending) return 'Sending the traffic change…';
  const split = trafficSplit(deployment);
  if (split.pending) {
    return `A traffic change is in progress: ${split.desired}% requested, ${split.current}% applied so far. The controls unlock once it is applied.`;
  }
  return undefined;
}
