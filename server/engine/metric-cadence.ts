/**
 * When a deployment's metric rules are checked. nullplatform's cadence (reference §8, docs "deployment strategy
 * reference"): every 30 s during the first 5 minutes, then every minute, and no more after 2 hours or once the
 * deployment is finalized (the engine checks only running deployments). NP_CONSOLE_METRIC_CHECK_INTERVAL replaces
 * the period for tests and demos; the 2 hours still hold.
 */
const EARLY_PERIOD_MS = 30_000;
const EARLY_PHASE_MS = 5 * 60_000;
const LATE_PERIOD_MS = 60_000;
export const CHECKS_STOP_AFTER_MS = 2 * 60 * 60_000;

/**
 * The moment of the next check (epoch ms), counted from the last check or, before the first, from when the
 * deployment began running; undefined once checks have stopped.
 */
export function nextCheckAt(
  runningSince: number,
  lastCheck: number | undefined,
  periodOverrideMs: number | undefined,
): number | undefined {
  const from = lastCheck ?? runningSince;
  const period = periodOverrideMs ?? (from - runningSince < EARLY_PHASE_MS ? EARLY_PERIOD_MS : LATE_PERIOD_MS);
  const due = from + period;
  return due > runningSince + CHECKS_STOP_AFTER_MS ? undefined : due;
}
