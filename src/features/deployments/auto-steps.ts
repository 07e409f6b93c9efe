/**
 * Where a deployment's automatic traffic steps stand: waiting for the deployment to run, paused, stepping (the next
 * step and when), at 100%, or over. Read from the deployment alone, as the platform's engine decides from it.
 */
import type { Deployment } from '@/lib/read/deployment';
import type { AutoSteps } from '@/lib/read/strategy-parameters';

import { stepsToFull } from './strategy-plan';

/**
 * The local platform's own `strategy_data` key (contract/strategy-parameters.ts AUTO_SWITCH_CLOCK_KEY, pinned by a
 * test): when the steps' clock last started, at a step or a resume. nullplatform sends no such key; without it the
 * time of the next step is known only before the first one (the clock starts when the deployment begins running).
 */
export const AUTO_SWITCH_CLOCK_KEY = 'auto_switch_last_step_at';

export type StepsState =
  /** Not running yet: steps begin once the new instances are healthy. */
  | { kind: 'before_running' }
  | { kind: 'paused'; desired: number; nextTo: number }
  | {
      kind: 'stepping';
      desired: number;
      nextTo: number;
      /** Epoch ms of the next step; undefined when the platform does not say when its clock started. */
      dueAt: number | undefined;
      /** Steps left to 100%, the next one included. */
      stepsLeft: number;
    }
  | { kind: 'full' }
  /** Finalizing, rolled back, failed…: no more steps. */
  | { kind: 'over' };

function instant(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const at = typeof value === 'number' ? value : Date.parse(value);
  return Number.isNaN(at) ? undefined : at;
}

function clockKey(strategyData: object): number | undefined {
  if (!(AUTO_SWITCH_CLOCK_KEY in strategyData)) return undefined;
  const value = strategyData[AUTO_SWITCH_CLOCK_KEY];
  return typeof value === 'string' || typeof value === 'number' ? instant(value) : undefined;
}

export function stepsState(
  deployment: Pick<Deployment, 'status' | 'strategy_data' | 'status_started_at'>,
  steps: AutoSteps,
): StepsState {
  const { status } = deployment;
  if (status === 'creating' || status === 'creating_approval' || status === 'waiting_for_instances')
    return { kind: 'before_running' };
  if (status !== 'running') return { kind: 'over' };
  const desired = Math.min(100, Math.max(0, Math.round(deployment.strategy_data.desired_switched_traffic ?? 0)));
  if (desired >= 100) return { kind: 'full' };
  const points = Math.max(1, Math.round(steps.stepPercent));
  const nextTo = Math.min(100, desired + points);
  if (!steps.enabled) return { kind: 'paused', desired, nextTo };
  const running = instant(deployment.status_started_at?.['running']);
  const clock = clockKey(deployment.strategy_data);
  // Before the first step the clock is the start of `running`; after it, only the platform's own key says.
  const start = clock !== undefined ? Math.max(clock, running ?? 0) : desired === 0 ? running : undefined;
  return {
    kind: 'stepping',
    desired,
    nextTo,
    dueAt: start === undefined ? undefined : start + steps.intervalSeconds * 1000,
    stepsLeft: stepsToFull(steps.stepPercent, desired),
  };
}

/** Milliseconds until 100% from `now`: the wait for the next step, then a full interval for each step after it. */
export function timeToFull(
  state: Extract<StepsState, { kind: 'stepping' }>,
  steps: AutoSteps,
  now: number,
): number | undefined {
  if (state.dueAt === undefined) return undefined;
  return Math.max(0, state.dueAt - now) + Math.max(0, state.stepsLeft - 1) * steps.intervalSeconds * 1000;
}

/** Whether the platform's messages show the steps ran before (a pause rather than steps never started). */
export function stepsRanBefore(deployment: Pick<Deployment, 'messages'>): boolean {
  return (deployment.messages ?? []).some((message) => /automatic traffic step/i.test(message.message ?? ''));
}
