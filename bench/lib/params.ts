/**
 * How much load each figure applies, in the full run and in `--quick` (which CI runs so the bench cannot rot: it
 * must stay well under two minutes). Every load is bounded in time or count.
 */
export type Params = {
  /** autocannon connections for throughput runs. */
  connections: number;
  warmupSeconds: number;
  /** Per measured run; each side runs `rounds` times, interleaved with its baseline. */
  loadSeconds: number;
  rounds: number;
  /** Sequential (one connection) requests for latency percentiles. */
  latencyRequests: number;
  listBuildsLarge: number;
  listBuildsSmall: number;
  listRequests: number;
  splitRequests: number;
  liveUpdateTries: number;
  memorySettleMs: number;
  memoryBuilds: number;
  pageDeploymentsLarge: number;
  pageDeploymentsSmall: number;
  pageTries: number;
};

export function params(quick: boolean): Params {
  return quick
    ? {
        connections: 10,
        warmupSeconds: 1,
        loadSeconds: 2,
        rounds: 1,
        latencyRequests: 300,
        listBuildsLarge: 100_000,
        listBuildsSmall: 1_000,
        listRequests: 100,
        splitRequests: 2_000,
        liveUpdateTries: 10,
        memorySettleMs: 2_000,
        memoryBuilds: 100_000,
        pageDeploymentsLarge: 10_000,
        pageDeploymentsSmall: 10,
        pageTries: 2,
      }
    : {
        connections: 10,
        warmupSeconds: 2,
        loadSeconds: 8,
        rounds: 2,
        latencyRequests: 2_000,
        listBuildsLarge: 100_000,
        listBuildsSmall: 1_000,
        listRequests: 1_000,
        splitRequests: 2_000,
        liveUpdateTries: 50,
        memorySettleMs: 5_000,
        memoryBuilds: 100_000,
        pageDeploymentsLarge: 10_000,
        pageDeploymentsSmall: 10,
        pageTries: 10,
      };
}
