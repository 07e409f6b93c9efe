import { isAbsolute } from 'node:path';

import { SupervisedGroup, type GroupSettings } from './instance-group';
import type { LogStore } from './log-store';
import type { InstanceGroup, InstanceGroupListener, InstanceGroupSpec } from './instance-types';

export type { InstanceGroup, InstanceGroupListener, InstanceGroupSpec, InstanceSnapshot } from './instance-types';

export type InstanceSupervisorOptions = {
  /** Marks every process this supervisor spawns; see orphans.ts. Derived from the data folder by the caller. */
  instanceTag: string;
  healthIntervalMs?: number;
  /** How long a health check may take before it counts as failed. */
  healthTimeoutMs?: number;
  stopGraceMs?: number;
  /** First restart delay after a crash; doubles with every consecutive crash up to maxRestartBackoffMs. */
  restartBackoffMs?: number;
  maxRestartBackoffMs?: number;
  logger?: (line: string) => void;
  /** Where every instance's stdout and stderr go (memory and rotated files); default: memory only. */
  logs?: LogStore;
};

/**
 * Runs the instances of every deployment of the local platform as child processes of the runtime process (the data
 * plane, server/dataplane/): one group per deployment. It spawns, health-checks, restarts after crashes and stops; it
 * reports, the engine (in the console process) decides.
 */
export class InstanceSupervisor {
  private readonly groups = new Map<number, SupervisedGroup>();
  private readonly settings: GroupSettings;

  constructor(options: InstanceSupervisorOptions) {
    if (!/^[\w.-]+$/.test(options.instanceTag)) {
      throw new TypeError(`instanceTag must be letters, digits, '.', '_' or '-', got "${options.instanceTag}"`);
    }
    this.settings = {
      instanceTag: options.instanceTag,
      healthIntervalMs: positive('healthIntervalMs', options.healthIntervalMs ?? 1000),
      healthTimeoutMs: positive('healthTimeoutMs', options.healthTimeoutMs ?? 2000),
      stopGraceMs: positive('stopGraceMs', options.stopGraceMs ?? 5000),
      restartBackoffMs: positive('restartBackoffMs', options.restartBackoffMs ?? 500),
      maxRestartBackoffMs: positive('maxRestartBackoffMs', options.maxRestartBackoffMs ?? 10_000),
      logger: options.logger ?? (() => {}),
      logs: options.logs,
    };
  }

  startGroup(spec: InstanceGroupSpec, listener: InstanceGroupListener): InstanceGroup {
    validateSpec(spec);
    if (this.groups.has(spec.deploymentId)) {
      throw new Error(
        `deployment ${spec.deploymentId} already has running instances; stop them before starting new ones`,
      );
    }
    const group: SupervisedGroup = new SupervisedGroup(spec, listener, this.settings, () => {
      if (this.groups.get(spec.deploymentId) === group) this.groups.delete(spec.deploymentId);
    });
    this.groups.set(spec.deploymentId, group);
    return group;
  }

  group(deploymentId: number): InstanceGroup | undefined {
    return this.groups.get(deploymentId);
  }

  groupList(): InstanceGroup[] {
    return [...this.groups.values()];
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.groups.values()].map((group) => group.stop()));
  }
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0)
    throw new TypeError(`${name} must be a positive number of milliseconds, got ${value}`);
  return value;
}

function validateSpec(spec: InstanceGroupSpec): void {
  if (!Number.isInteger(spec.count) || spec.count < 1) {
    throw new TypeError(`deployment ${spec.deploymentId}: count must be a positive integer, got ${spec.count}`);
  }
  if (!isAbsolute(spec.entry))
    throw new TypeError(`deployment ${spec.deploymentId}: entry must be an absolute path, got "${spec.entry}"`);
  if (!spec.healthPath.startsWith('/')) {
    throw new TypeError(`deployment ${spec.deploymentId}: healthPath must start with '/', got "${spec.healthPath}"`);
  }
}
