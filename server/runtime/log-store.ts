/**
 * The data plane's instance logs: `<data folder>/logs/deployment-<id>/`, one DeploymentLog per deployment whose
 * instances run here, the files alone for those that stopped (or ran under a data plane since replaced). Retention
 * (log-limits.ts): the folders of the most recently started deployments are kept, older ones deleted.
 */
import { readdirSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';

import { DeploymentLog } from './deployment-log';
import { DEFAULT_LOG_LIMITS, type LogLimits } from './log-limits';
import { readLogFiles, type LogRead, type LogReadQuery } from './log-read';

const folderPattern = /^deployment-(\d+)$/;

export class LogStore {
  private readonly live = new Map<number, DeploymentLog>();
  private pruning: Promise<void> | undefined;

  constructor(
    /** `<data folder>/logs`; undefined keeps logs in memory only. */
    private readonly dir: string | undefined,
    private readonly report: (line: string) => void,
    private readonly limits: LogLimits = DEFAULT_LOG_LIMITS,
  ) {}

  /** The log of a deployment whose instances start now; its numbering goes on after what its folder holds. */
  open(deploymentId: number, instanceCount: number): DeploymentLog {
    const folder = this.dir === undefined ? undefined : this.folderOf(deploymentId);
    let log: DeploymentLog;
    try {
      log = new DeploymentLog(deploymentId, folder, instanceCount, this.limits, this.report);
    } catch (error) {
      // A folder that cannot be made must not keep the instances from starting: their lines stay in memory.
      this.report(
        `deployment ${deploymentId}: instance logs kept in memory only, ${folder ?? ''} cannot be written (${error instanceof Error ? error.message : String(error)})`,
      );
      log = new DeploymentLog(deploymentId, undefined, instanceCount, this.limits, this.report);
    }
    this.live.set(deploymentId, log);
    this.prune();
    return log;
  }

  /** Called once the deployment's instances stopped and its log was closed: reads go to its files from now on. */
  release(log: DeploymentLog): void {
    if (this.live.get(log.deploymentId) === log) this.live.delete(log.deploymentId);
  }

  /** The running deployment's log (tests measure its memory). */
  liveLog(deploymentId: number): DeploymentLog | undefined {
    return this.live.get(deploymentId);
  }

  async read(deploymentId: number, query: LogReadQuery): Promise<LogRead> {
    const live = this.live.get(deploymentId);
    if (live !== undefined) return live.read(query);
    if (this.dir === undefined) return { instances: [], results: [], next: query.since ?? 0, hasMore: false };
    return readLogFiles(this.folderOf(deploymentId), query);
  }

  private folderOf(deploymentId: number): string {
    return join(this.dir ?? '', `deployment-${deploymentId}`);
  }

  /** Deletes the folders past the retention bound, oldest first, never one of a deployment running here. */
  private prune(): void {
    if (this.dir === undefined || this.pruning !== undefined) return;
    const dir = this.dir;
    this.pruning = (async () => {
      const folders: Array<{ id: number; time: number }> = [];
      for (const name of safeReaddir(dir)) {
        const match = folderPattern.exec(name);
        if (match === null) continue;
        try {
          folders.push({ id: Number(match[1]), time: statSync(join(dir, name)).mtimeMs });
        } catch {
          // Gone meanwhile.
        }
      }
      const old = folders
        .filter((folder) => !this.live.has(folder.id))
        .sort((a, b) => b.time - a.time)
        .slice(Math.max(0, this.limits.retainedDeployments - this.live.size));
      for (const folder of old) await rm(this.folderOf(folder.id), { recursive: true, force: true });
    })()
      .catch((error: unknown) => this.report(`instance logs: could not delete old deployments' logs: ${String(error)}`))
      .finally(() => {
        this.pruning = undefined;
      });
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
