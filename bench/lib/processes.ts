/**
 * Every process the bench starts is registered here, so that the runner can stop all of them at the end, on error,
 * and on Ctrl-C. Processes are stopped by their own pid only: SIGTERM, then SIGKILL after a grace period.
 * Instance processes that a console server spawned (in their own process groups) are registered by pid too, as a
 * backstop in case a console server dies without stopping them.
 */
import { type ChildProcess, spawn, type SpawnOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';

const children = new Set<ChildProcess>();
const strayPids = new Set<number>();

export type Spawned = {
  child: ChildProcess;
  pid: number;
  /** The last lines the process wrote (stdout and stderr), for error messages. */
  tail(): string;
  /** Resolves with the first stdout line matching `pattern`; rejects if the process exits first or on timeout. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  stop(graceMs?: number): Promise<void>;
};

export function spawnTracked(command: string, args: string[], options: SpawnOptions & { label: string }): Spawned {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`${options.label}: could not start ${command}`);
  children.add(child);
  const pid = child.pid;
  const lines: string[] = [];
  const lineListeners = new Set<(line: string) => void>();
  const remember = (chunk: Buffer, stream: 'stdout' | 'stderr') => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line === '') continue;
      lines.push(line);
      if (lines.length > 40) lines.shift();
      if (stream === 'stdout') for (const listener of lineListeners) listener(line);
    }
  };
  child.stdout?.on('data', (chunk: Buffer) => remember(chunk, 'stdout'));
  child.stderr?.on('data', (chunk: Buffer) => remember(chunk, 'stderr'));
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      children.delete(child);
      resolve();
    });
  });
  const tail = () => lines.join('\n');
  return {
    child,
    pid,
    tail,
    waitForLine(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => finish(new Error(`${options.label}: no line matching ${pattern} after ${timeoutMs} ms\n${tail()}`)),
          timeoutMs,
        );
        const onLine = (line: string) => {
          const match = pattern.exec(line);
          if (match) finish(undefined, match);
        };
        const onExit = (code: number | null, signal: string | null) =>
          finish(new Error(`${options.label} exited (code ${code}, signal ${signal}) before it was ready:\n${tail()}`));
        const finish = (error: Error | undefined, match?: RegExpMatchArray) => {
          clearTimeout(timer);
          lineListeners.delete(onLine);
          child.off('exit', onExit);
          if (error) reject(error);
          else if (match) resolve(match);
        };
        lineListeners.add(onLine);
        child.once('exit', onExit);
      });
    },
    async stop(graceMs = 20_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // A console a figure stopped (SIGSTOP) and did not get to continue would not see SIGTERM.
      child.kill('SIGCONT');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Remembers a process some console server started (an instance), to be sure it is gone at the end. */
export function trackStrayPid(pid: number): void {
  strayPids.add(pid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops every registered child (SIGTERM, SIGKILL after the grace period), then any registered instance still alive. */
export async function stopAll(graceMs = 20_000): Promise<void> {
  await Promise.allSettled(
    [...children].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGCONT');
          child.kill('SIGTERM');
        }),
    ),
  );
  killStrays();
}

/** Last resort on process exit: synchronous SIGKILL of everything still registered. */
export function killAllNow(): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  killStrays();
}

function killStrays(): void {
  for (const pid of strayPids) {
    if (isAlive(pid) && isStillAnInstance(pid)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // It ended meanwhile.
      }
    }
    strayPids.delete(pid);
  }
}

/** Guards against pid reuse: only a node process is killed. */
function isStillAnInstance(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('node');
  } catch {
    return false;
  }
}

/** Resident memory of a process in bytes (VmRSS in /proc/<pid>/status). */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!match?.[1]) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(match[1]) * 1024;
}

/** CPU time a process has used so far (user + system), in milliseconds; Linux reports it in clock ticks (100/s). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may contain spaces; fields after it are counted from the closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks * 10;
}
