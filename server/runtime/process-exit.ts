import type { ChildProcess } from 'node:child_process';

/** "exited with code 1" / "killed by signal SIGKILL": the words the engine puts in a deployment's messages. */
export function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal) return `killed by signal ${signal}`;
  return `exited with code ${code ?? 'unknown'}`;
}

/** Resolves true when the child exits within `timeoutMs`, false otherwise (it keeps running). */
function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(false);
    }, timeoutMs);
    const onExit = () => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
  });
}

/**
 * Sends `signal` to the child's whole process group. Instances are spawned `detached`, so each leads its own group,
 * and whatever an app starts itself (a worker, `npm start`'s node) is in that group: signalling only the child's pid
 * would leave those running after stop. Falls back to the pid alone when the group cannot be signalled (no such
 * group, or a platform without process groups).
 */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid !== undefined) {
    try {
      process.kill(-child.pid, signal);
      return;
    } catch {
      // Fall through to the child alone.
    }
  }
  child.kill(signal);
}

/**
 * SIGTERM, then SIGKILL if the process is still there after `graceMs`, each to the child's whole process group.
 * Resolves once the child has exited.
 */
export async function terminate(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  signalGroup(child, 'SIGTERM');
  if (await waitForExit(child, graceMs)) return;
  signalGroup(child, 'SIGKILL');
  await waitForExit(child, 5000);
}
