import type { Deployment } from '@/lib/read/deployment';
import { deploymentStrategies, type DeploymentStrategy } from '@contract/deployment-lifecycle';

export type TrafficSplit = {
  /** Share of the scope's traffic the new deployment serves now (what the proxy applies). */
  current: number;
  /** Share asked for; equal to `current` when no change is pending. */
  desired: number;
  /** A change was asked for and is not applied yet. */
  pending: boolean;
};

function clampPercent(value: number): number {
  return Math.min(100, Math.max(0, Math.round(value)));
}

/**
 * The traffic split of a deployment from `strategy_data`. An initial deployment has nothing to split with, so it is
 * reported as taking everything; a blue/green one without counters yet starts at 0 %.
 */
export function trafficSplit(deployment: Pick<Deployment, 'strategy' | 'strategy_data'>): TrafficSplit {
  const fallback = deployment.strategy === 'blue_green' ? 0 : 100;
  const current = clampPercent(deployment.strategy_data.switched_traffic ?? fallback);
  const desired = clampPercent(deployment.strategy_data.desired_switched_traffic ?? current);
  return { current, desired, pending: desired !== current };
}

export const strategyLabels: Record<string, string> = { initial: 'Initial', blue_green: 'Blue/green' };

export function strategyLabel(strategy: string | undefined): string {
  if (strategy === undefined) return 'Unknown';
  return strategyLabels[strategy] ?? strategy;
}

export function isDeploymentStrategy(value: string | undefined): value is DeploymentStrategy {
  return value !== undefined && (deploymentStrategies as readonly string[]).includes(value);
}
