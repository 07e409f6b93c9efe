import type { Deployment } from '@/lib/read/deployment';
import { isTerminal } from '@contract/deployment-lifecycle';

export type TimelineTone = 'done' | 'current' | 'success' | 'danger' | 'warning';

export type TimelineStep = {
  status: string;
  /** When the status began, epoch ms. */
  startedAt: number;
  /** How long the deployment stayed in it: until the next step, or until now for the current one; undefined once terminal. */
  durationMs: number | undefined;
  /** The status the deployment is in now. */
  current: boolean;
  tone: TimelineTone;
};

const dangerEnds = new Set(['failed', 'creating_approval_denied']);
const warningEnds = new Set(['rolled_back', 'cancelled', 'deleted']);

function toneOf(status: string, current: boolean): TimelineTone {
  if (status === 'finalized') return 'success';
  if (dangerEnds.has(status)) return 'danger';
  if (warningEnds.has(status)) return 'warning';
  return current ? 'current' : 'done';
}

/**
 * The steps of a deployment from `status_started_at`, oldest first. The map is keyed by status, so a status entered
 * twice shows once (at its latest start); ties in time keep the lifecycle order the server wrote them in. The current
 * status is the deployment's `status` even when the map lags behind it (a live update may bring one before the other).
 */
export function timelineSteps(
  deployment: Pick<Deployment, 'status' | 'status_started_at'>,
  now: number = Date.now(),
): TimelineStep[] {
  const entries = Object.entries(deployment.status_started_at ?? {})
    .map(([status, at], order) => ({ status, at: typeof at === 'number' ? at : Date.parse(at), order }))
    .filter((entry) => !Number.isNaN(entry.at))
    .sort((a, b) => a.at - b.at || a.order - b.order);
  if (!entries.some((entry) => entry.status === deployment.status)) {
    entries.push({ status: deployment.status, at: Number.NaN, order: entries.length });
  }
  return entries.map((entry, index) => {
    const next = entries[index + 1];
    const current = entry.status === deployment.status;
    const end = next ? next.at : isTerminal(entry.status) ? undefined : now;
    const durationMs =
      end === undefined || Number.isNaN(entry.at) || Number.isNaN(end) ? undefined : Math.max(0, end - entry.at);
    return { status: entry.status, startedAt: entry.at, durationMs, current, tone: toneOf(entry.status, current) };
  });
}
