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
