/**
 * Which share of a scope's traffic the in-flight deployment should get, from its status alone. This mirrors how
 * nullplatform's own exposer routes (reference §7.5 H): finalizing → new only; cancelling, rolling back or failed →
 * old only; running → the weight the operator asked for (an initial deployment has no old release, so all of it).
 */
import type { Deployment } from '@contract/deployment';

export function candidateShare(deployment: Pick<Deployment, 'status' | 'strategy' | 'strategy_data'>): number {
  switch (deployment.status) {
    case 'running':
      return deployment.strategy === 'initial'
        ? 100
        : clampPercent(deployment.strategy_data.desired_switched_traffic ?? 0);
    case 'finalizing':
    case 'finalized':
      return 100;
    default:
      return 0;
  }
}

export type WeightedDeployment = { deploymentId: number; weight: number };

/** The split a scope's proxy applies: the active deployment keeps what the candidate does not take. */
export function scopeSplit(
  activeId: number | undefined,
  candidate: { id: number; share: number } | undefined,
): WeightedDeployment[] {
  if (candidate === undefined || candidate.share === 0) {
    return activeId === undefined ? [] : [{ deploymentId: activeId, weight: 100 }];
  }
  if (activeId === undefined || candidate.share === 100) return [{ deploymentId: candidate.id, weight: 100 }];
  return [
    { deploymentId: activeId, weight: 100 - candidate.share },
    { deploymentId: candidate.id, weight: candidate.share },
  ];
}

function clampPercent(value: number): number {
  return Math.min(100, Math.max(0, Math.round(value)));
}
