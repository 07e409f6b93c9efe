import type { ScopeRuntime, ScopeTraffic } from '@contract/console';
import type { LogRead, LogReadQuery } from '../runtime/log-read';

/**
 * What the HTTP layer may ask the deployment engine about the world as it really is (processes and proxy), as
 * opposed to the database's intent. Implemented by the engine; both answer undefined for a scope it does not run.
 * The answers may come later (a promise): the engine asks its runtime process, which holds the counters.
 */
export interface RuntimeView {
  /** `windowSeconds`: how far back the samples go (default a minute; the proxy keeps five). */
  traffic(scopeId: number, windowSeconds?: number): ScopeTraffic | undefined | Promise<ScopeTraffic | undefined>;
  scopeRuntime(scopeId: number): ScopeRuntime | undefined | Promise<ScopeRuntime | undefined>;
  /** A page of a deployment's instance logs, kept by the data plane; absent where no data plane runs (tests). */
  logs?(deploymentId: number, query: LogReadQuery): Promise<LogRead>;
}

/** A view of nothing running (tests, or before the engine starts). */
export const emptyRuntimeView: RuntimeView = {
  traffic: () => undefined,
  scopeRuntime: () => undefined,
};
