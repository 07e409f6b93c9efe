/**
 * How much of what instances write the data plane keeps, in memory and on disk. Chosen, not taken from nullplatform
 * (which keeps application logs in its own telemetry); each bound holds whatever an app prints:
 *
 * - memory: the last 256 KiB of lines per instance (`ringBytes`), plus at most 1 MiB waiting to be written to its
 *   file (`queueBytes`; past that the instance's output is read more slowly, so a flood is written at the disk's pace
 *   rather than held in memory, as a container runtime's blocking log mode does);
 * - disk: `<data folder>/logs/deployment-<id>/instance-<n>.log`, rotated at 4 MiB with 2 older files kept
 *   (`instance-<n>.log.1`, `.2`): at most 12 MiB per instance, and at most 32 MiB per deployment (with many
 *   instances each gets a smaller share, never under 64 KiB a file);
 * - retention: the folders of the 30 deployments whose instances started most recently are kept; older ones are
 *   deleted when another deployment's instances start, and all of them with the data folder. So at most about
 *   1 GiB, and in practice what the apps printed.
 * - one line: at most 4,096 characters (longer ones are cut, marked with `…`).
 */
export type LogLimits = {
  ringBytes: number;
  queueBytes: number;
  fileBytes: number;
  keptFiles: number;
  deploymentBytes: number;
  minFileBytes: number;
  retainedDeployments: number;
  lineChars: number;
};

export const DEFAULT_LOG_LIMITS: LogLimits = {
  ringBytes: 256 * 1024,
  queueBytes: 1024 * 1024,
  fileBytes: 4 * 1024 * 1024,
  keptFiles: 2,
  deploymentBytes: 32 * 1024 * 1024,
  minFileBytes: 64 * 1024,
  retainedDeployments: 30,
  lineChars: 4096,
};

/** The size at which each instance's file rotates: its share of the deployment's bound, within the file bound. */
export function fileBytesFor(limits: LogLimits, instanceCount: number): number {
  const share = Math.floor(limits.deploymentBytes / (Math.max(1, instanceCount) * (limits.keptFiles + 1)));
  return Math.max(limits.minFileBytes, Math.min(limits.fileBytes, share));
}
