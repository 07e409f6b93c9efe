/**
 * What a finished deployment did, in words: the outcome, how long it took, the split it ended on, and (failed) why.
 * The deployment page shows this instead of controls that can no longer do anything.
 */
import type { Deployment } from '@/lib/read/deployment';

export type SummaryNames = { old: string; new: string; scope: string };

export type DeploymentSummaryText = {
  tone: 'success' | 'neutral' | 'danger';
  outcome: string;
  /** Milliseconds from creation to the final status; undefined when the times are not known. */
  durationMs: number | undefined;
  endedAt: number | undefined;
  /** "100% → 1.2.0"; undefined for a strategy with nothing to split. */
  finalSplit: string | undefined;
  /** Failed: the platform's last error message. */
  reason: string | undefined;
};

function ms(value: string | number | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  const at = typeof value === 'number' ? value : Date.parse(value);
  return Number.isNaN(at) ? undefined : at;
}

/** The last ERROR message of the deployment (what the platform says went wrong), if any. */
export function failureReason(deployment: Pick<Deployment, 'messages'>): string | undefined {
  const errors = (deployment.messages ?? []).filter(
    (message) => (message.level ?? '').toUpperCase() === 'ERROR' && message.message,
  );
  return errors.at(-1)?.message;
}

export function summarize(deployment: Deployment, names: SummaryNames): DeploymentSummaryText {
  const blueGreen = deployment.strategy === 'blue_green';
  const start = ms(deployment.created_at);
  const end = ms(deployment.status_started_at?.[deployment.status]) ?? ms(deployment.updated_at);
  const base = {
    durationMs: start !== undefined && end !== undefined && end >= start ? end - start : undefined,
    endedAt: end,
    reason: undefined,
  };
  switch (deployment.status) {
    case 'finalized':
      return {
        ...base,
        tone: 'success',
        outcome: blueGreen
          ? `${names.new} replaced ${names.old} on ${names.scope}: it serves all of the traffic.`
          : `${names.new} became the release of ${names.scope} and serves all of its traffic.`,
        finalSplit: blueGreen ? `100% → ${names.new} · 0% → ${names.old}` : `100% → ${names.new}`,
      };
    case 'rolled_back':
    case 'cancelled':
      return {
        ...base,
        tone: 'neutral',
        outcome: blueGreen
          ? `Rolled back: ${names.old} kept serving ${names.scope}; ${names.new}'s instances stopped.`
          : `Cancelled: ${names.new}'s instances stopped; ${names.scope} serves no release from this deployment.`,
        finalSplit: blueGreen ? `100% → ${names.old} · 0% → ${names.new}` : undefined,
      };
    case 'failed': {
      return {
        ...base,
        tone: 'danger',
        outcome: blueGreen
          ? `Failed: ${names.old} kept serving ${names.scope}; ${names.new} never took its traffic.`
          : `Failed: ${names.new} never served ${names.scope}.`,
        finalSplit: blueGreen ? `100% → ${names.old} · 0% → ${names.new}` : undefined,
        reason: failureReason(deployment),
      };
    }
    default:
      return {
        ...base,
        tone: 'neutral',
        outcome: `The deployment is ${deployment.status.replaceAll('_', ' ')}: nothing more can be asked of it.`,
        finalSplit: undefined,
      };
  }
}
