/**
 * Automatic traffic steps (`strategy_data.parameters.traffic{enable_auto_switch, step, interval}`, reference §8):
 * what the next step of a running blue/green deployment is, and when it is due, from the database alone.
 */
import type { Deployment } from '@contract/deployment';
import { AUTO_SWITCH_CLOCK_KEY, readAutoSwitch } from '@contract/strategy-parameters';

export type AutoStep =
  | { kind: 'none' }
  | { kind: 'wait'; dueAt: number }
  | { kind: 'step'; from: number; to: number; stepPoints: number; intervalSeconds: number; reachedFull: boolean };

/**
 * At 100% the steps stop and the deployment WAITS FOR FINALIZE. The reference is silent on what nullplatform does
 * then (§11.10). A blue/green deployment at 100% still has its old release running and can be rolled back at once;
 * finalizing removes that option for good (reference §7.5 D), so the engine does not take it on the operator's
 * behalf. The 2 h expiry (NP_CONSOLE_DEPLOYMENT_EXPIRY) still finalizes it by itself. This is the one place that
 * decides it.
 */
export const AT_FULL_TRAFFIC_MESSAGE =
  'automatic traffic steps reached 100%: the previous release stays ready for a rollback until the deployment is finalized (by hand, or by itself at expires_at)';

/** The next automatic step of a running blue/green deployment at `now` (epoch ms). */
export function nextAutoStep(deployment: Deployment, now: number): AutoStep {
  if (deployment.strategy !== 'blue_green' || deployment.status !== 'running') return { kind: 'none' };
  const autoSwitch = readAutoSwitch(deployment.strategy_data);
  if (autoSwitch === undefined || !autoSwitch.enabled) return { kind: 'none' };
  const current = deployment.strategy_data.desired_switched_traffic ?? 0;
  if (current >= 100) return { kind: 'none' };
  const dueAt = clockStart(deployment) + autoSwitch.intervalSeconds * 1000;
  if (now < dueAt) return { kind: 'wait', dueAt };
  const to = Math.min(100, current + autoSwitch.stepPoints);
  return {
    kind: 'step',
    from: current,
    to,
    stepPoints: autoSwitch.stepPoints,
    intervalSeconds: autoSwitch.intervalSeconds,
    reachedFull: to >= 100,
  };
}

/** The clock starts when the deployment began running, and again at each step and each resume. */
function clockStart(deployment: Deployment): number {
  const running = Date.parse(deployment.status_started_at?.['running'] ?? '') || 0;
  const stored = deployment.strategy_data[AUTO_SWITCH_CLOCK_KEY];
  const last = typeof stored === 'string' ? Date.parse(stored) || 0 : 0;
  return Math.max(running, last);
}
