/**
 * A rollout plan in words, as the deploy dialog and the deployment page state it:
 * "10% every 30 s → 100% in 5 min; roll back if error rate > 10%".
 */
import { formatDuration } from '@/lib/format';
import type { AutoSteps, RolloutPlan } from '@/lib/read/strategy-parameters';

import { describeRule } from './rule-metrics';

/** How many steps take the new release from `from`% to 100%. */
export function stepsToFull(stepPercent: number, from = 0): number {
  if (!(stepPercent > 0)) return Number.POSITIVE_INFINITY;
  // The platform moves in whole points, never less than one (server/engine/auto-switch: stepPoints).
  const points = Math.max(1, Math.round(stepPercent));
  return Math.max(0, Math.ceil((100 - from) / points));
}

/** "10% every 30 s → 100% in 5 min". */
export function describeSteps(steps: Pick<AutoSteps, 'stepPercent' | 'intervalSeconds'>): string {
  const total = stepsToFull(steps.stepPercent) * steps.intervalSeconds * 1000;
  return `${formatNumberPlain(steps.stepPercent)}% every ${formatDuration(steps.intervalSeconds * 1000)} → 100% in ${formatDuration(total)}`;
}

/**
 * The whole plan; the parts that are off say so, so the sentence never hides what will (not) happen. `paused`: the
 * steps ran and were paused (a deployment's page), which is the plan on hold rather than traffic moved by hand.
 */
export function describePlan(plan: RolloutPlan, { paused = false }: { paused?: boolean } = {}): string {
  const steps = plan.steps?.enabled
    ? describeSteps(plan.steps)
    : plan.steps && paused
      ? `${describeSteps(plan.steps)}, paused`
      : 'traffic moved by hand';
  const rules = plan.rules?.enabled ? plan.rules.rules : [];
  const rollback = rules.length > 0 ? `roll back if ${rules.map(describeRule).join(' or ')}` : 'no automatic rollback';
  return `${steps}; ${rollback}`;
}

function formatNumberPlain(value: number): string {
  return String(Math.round(value * 10) / 10);
}
