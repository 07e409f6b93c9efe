/**
 * What the engine needs from whatever serves the scopes and runs the instances (the data plane, in a runtime process
 * of its own: server/dataplane/). The engine decides from the database; the data plane does and reports.
 *
 * Reads are synchronous (the engine checks counts in the middle of a reconcile): they answer from the console's own
 * mirror of the data plane, kept up to date by its events. Commands take effect in the order they are given.
 */
import type { InstanceGroupListener, InstanceGroupSpec, InstanceSnapshot } from '../runtime/instance-types';
import type { LogRead, LogReadQuery } from '../runtime/log-read';
import type { ScopeTrafficReport } from '../runtime/scope-proxy';

/** `weight` is a percent; a scope's weights sum to 100, or it has none. */
export type RouteWeight = { deploymentId: number; weight: number };

/** A scope's address: its weighted proxy. */
export interface ScopeAddress {
  readonly scopeId: number;
  /** The address it is bound to, and its port. */
  readonly host: string;
  readonly port: number;
  setRoutes(routes: RouteWeight[]): void;
  /** Resolves once no request to the deployment is in flight there (or after `timeoutMs`). */
  drain(deploymentId: number, timeoutMs: number): Promise<void>;
  traffic(windowSeconds: number): Promise<ScopeTrafficReport | undefined>;
}

/** The instances of one deployment. */
export interface RunningGroup {
  readonly deploymentId: number;
  readonly scopeId: number;
  /** Epoch ms when its instances were started. */
  readonly startedAt: number;
  launched(): number;
  healthy(): number;
  /** The last health checks in a few words ("HTTP 503"). */
  healthSummary(): string;
  /** The last lines of an instance that is not healthy ("instance #0 stderr: …"); empty when all are. */
  lastOutput(): string[];
  /** Hears what happens to the instances from now on (one listener). */
  listen(listener: InstanceGroupListener): void;
  /** SIGTERM, wait, SIGKILL after the grace period; the listener hears nothing more. */
  stop(): Promise<void>;
}

export interface DataPlane {
  /** What already ran when the console attached (after a restart of the console): to be adopted, not restarted. */
  runningProxies(): ScopeAddress[];
  runningGroups(): RunningGroup[];
  /** Opens a scope's address on `port` (0: any free port); rejects when that port cannot be had. */
  openProxy(scopeId: number, host: string, port: number): Promise<ScopeAddress>;
  closeProxy(scopeId: number): Promise<void>;
  startGroup(spec: InstanceGroupSpec): RunningGroup;
  instances(scopeId: number): Promise<InstanceSnapshot[]>;
  /** A page of what a deployment's instances wrote, whether they still run or not (kept in the data folder). */
  logs(deploymentId: number, query: LogReadQuery): Promise<LogRead>;
}
