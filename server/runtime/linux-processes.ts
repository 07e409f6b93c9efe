import { readdir, readFile } from 'node:fs/promises';

/** Pids of the processes visible in /proc. Empty where there is no /proc (not Linux). */
export async function listPids(): Promise<number[]> {
  let entries: string[];
  try {
    entries = await readdir('/proc');
  } catch {
    return [];
  }
  return entries.filter((name) => /^\d+$/.test(name)).map(Number);
}

/**
 * The environment a process was started with, or null when it cannot be read: the process vanished mid-scan, or it
 * belongs to another user (those can never be ours anyway).
 */
export async function readEnvironment(pid: number): Promise<string[] | null> {
  try {
    return (await readFile(`/proc/${pid}/environ`, 'latin1')).split('\0');
  } catch {
    return null;
  }
}

/**
 * Whether the process still runs. A zombie (exited, not yet reaped by its parent) counts as gone: `kill(pid, 0)`
 * would still succeed on it, but it holds no port and runs no code.
 */
export async function isRunning(pid: number): Promise<boolean> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'latin1');
    // The state letter follows the command name, which is in parentheses and may itself contain ')'.
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

/** Sends a signal; false when the process is already gone (ESRCH) or not ours to signal (EPERM). */
export function signal(pid: number, name: NodeJS.Signals): boolean {
  try {
    process.kill(pid, name);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ESRCH' || code === 'EPERM') return false;
    throw error;
  }
}

/**
 * When the process started, in clock ticks since boot (field 22 of /proc/<pid>/stat), or null when it is gone or
 * there is no /proc. A pid alone can be reused by an unrelated process; a pid with its start time names one process
 * for good, which is how a lock or runtime.json proves that its owner is still the process that wrote it.
 */
export async function processStartTime(pid: number): Promise<number | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'latin1');
    // Fields after the parenthesized command name, which may itself contain spaces or ')'; starttime is field 22.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const state = fields[0];
    const start = Number(fields[19]);
    if (state === 'Z' || state === 'X' || !Number.isFinite(start)) return null;
    return start;
  } catch {
    return null;
  }
}

/**
 * Whether the process that had `pid` and started at `startTime` still runs. Without /proc (startTime null) only the
 * pid can be checked.
 */
export async function isSameProcessRunning(pid: number, startTime: number | null): Promise<boolean> {
  if (startTime !== null) return (await processStartTime(pid)) === startTime;
  return (await hasProc()) ? isRunning(pid) : pidExists(pid);
}

async function hasProc(): Promise<boolean> {
  try {
    await readFile('/proc/self/stat', 'latin1');
    return true;
  } catch {
    return false;
  }
}

/** Pids of the processes whose environment holds exactly `entry` (e.g. `NP_CONSOLE_RUNTIME=<tag>`), this one excepted. */
export async function pidsWithEnvironmentEntry(entry: string): Promise<number[]> {
  const found: number[] = [];
  for (const pid of await listPids()) {
    if (pid === process.pid) continue;
    const environment = await readEnvironment(pid);
    if (environment?.includes(entry) && (await isRunning(pid))) found.push(pid);
  }
  return found;
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
