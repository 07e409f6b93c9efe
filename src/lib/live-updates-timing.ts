/**
 * The pace of live updates, apart from both the hook (live-updates.ts) and the runtime it loads lazily
 * (live-updates-runtime.ts), so that neither imports the other.
 */

/** Changes arriving within this window are applied together (one render per burst). */
export const BATCH_MS = 100;
/** Polling period while a deployment is in flight. */
export const FAST_POLL_MS = 2_000;
/** Polling period otherwise. */
export const SLOW_POLL_MS = 15_000;
