/**
 * What on a scope needs the operator, from its deployments (newest first) and the clock: a deployment that failed
 * recently, one waiting for its instances for too long, and a blue/green deployment close to finalizing by itself.
 */
import type { Deployment } from '@/lib/read/deployment';

import { formatAge, formatDuration, formatElapsed } from '@/lib/format';

/** A failure older than this is history, not something to act on. */
export const FAILED_RECENTLY_MS = 24 * 3_600_000;
/** Healthy instances usually answer within seconds; this long is worth a look (the health timeout fails it later). */
export const WAITING_TOO_LONG_MS = 30_000;
/** A blue/green deployment this close to its expiry finalizes by itself soon: whoever runs it should decide. */
export const NEAR_EXPIRY_MS = 15 * 60_000;

export type Attention = { kind: 'failed' | 'waiting' | 'expiring'; deploymentId: number; text: string };

const waitingStatuses = ['creating', 'waiting_for_instances'];

function ms(value: string | number | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  const at = typeof value === 'number' ? value : Date.parse(value);
  return Number.isNaN(at) ? undefined : at;
}

/** When the deployment entered its current status (else when it was created). */
export function statusSince(
  deployment: Pick<Deployment, 'status' | 'status_started_at' | 'created_at'>,
): number | undefined {
  return ms(deployment.status_started_at?.[deployment.status]) ?? ms(deployment.created_at);
}

/** Time left before a blue/green deployment finalizes by itself; undefined when it has no expiry. */
export function timeToExpiry(deployment: Pick<Deployment, 'expires_at'>, now: number): number | undefined {
  const at = ms(deployment.expires_at);
  return at === undefined ? undefined : at - now;
}

/** The things on one scope that need the operator, given the scope's deployments newest first. */
export function scopeAttention(
  deployments: readonly Deployment[],
  inFlight: Deployment | undefined,
  now: number,
): Attention[] {
  const found: Attention[] = [];
  const latest = deployments[0];
  const failedAt = latest?.status === 'failed' ? (statusSince(latest) ?? 0) : undefined;
  if (latest && failedAt !== undefined && now - failedAt < FAILED_RECENTLY_MS) {
    found.push({
      kind: 'failed',
      deploymentId: latest.id,
      text: `deployment #${latest.id} failed ${formatAge(failedAt, Math.max(now, failedAt))}`,
    });
  }
  if (inFlight && waitingStatuses.includes(inFlight.status)) {
    const since = statusSince(inFlight);
    if (since !== undefined && now - since > WAITING_TOO_LONG_MS) {
      found.push({
        kind: 'waiting',
        deploymentId: inFlight.id,
        text: `waiting for instances ${formatElapsed(since, now)}`,
      });
    }
  }
  if (inFlight?.strategy === 'blue_green') {
    const left = timeToExpiry(inFlight, now);
    if (left !== undefined && left < NEAR_EXPIRY_MS) {
      found.push({
        kind: 'expiring',
        deploymentId: inFlight.id,
        text: left > 0 ? `finalizes by itself in ${formatDuration(left)}` : 'past its expiry: finalizing by itself',
      });
    }
  }
  return found;
}
