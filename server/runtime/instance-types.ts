/**
 * The shapes the deployment engine codes against. The supervisor runs instances and reports counts; deciding that a
 * deployment failed (e.g. never healthy within a timeout) is the engine's job, not the supervisor's.
 */
import type { instanceStates } from '@contract/console';

export type InstanceState = (typeof instanceStates)[number];

export type InstanceGroupSpec = {
  deploymentId: number;
  scopeId: number;
  /** Number of instances (processes). */
  count: number;
  /** Absolute path of the JS file each instance runs with process.execPath. */
  entry: string;
  cwd: string;
  /** Extra env (NP_RELEASE_SEMVER etc.); PORT and HOST are assigned per instance by the supervisor. */
  env: Record<string, string>;
  /** e.g. '/health' */
  healthPath: string;
};

export type InstanceGroupListener = {
  /** Processes spawned and alive right now; called whenever that number changes. */
  onLaunched(launched: number): void;
  /** Instances currently passing health; called whenever that number changes. */
  onHealthy(healthy: number): void;
  /** An instance exited without being asked to; `detail` is like "exited with code 1". */
  onInstanceExit(index: number, detail: string, restarting: boolean): void;
  onInstanceRestarted(index: number): void;
};

export type HealthObservation = { at: number; status_code: number | null; error: string | null };

/** One instance as the console shows it; the same shape as the contract's `instanceSchema`. */
export type InstanceSnapshot = {
  deployment_id: number;
  index: number;
  pid: number | null;
  port: number | null;
  state: InstanceState;
  restarts: number;
  last_health: HealthObservation | null;
};

export type Endpoint = { index: number; port: number };

export interface InstanceGroup {
  readonly deploymentId: number;
  readonly scopeId: number;
  healthyEndpoints(): Endpoint[];
  snapshot(): InstanceSnapshot[];
  /** The last lines (about 200) an instance wrote to stdout/stderr, for debugging; empty for an unknown index. */
  recentOutput(index: number): string[];
  /** SIGTERM each instance, wait for it to exit, SIGKILL after the grace period. The listener hears nothing more. */
  stop(): Promise<void>;
}
