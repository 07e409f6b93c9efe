import { setTimeout as sleep } from 'node:timers/promises';

import { instanceMarkerVariable } from './instance-env';
import { isRunning, listPids, readEnvironment, signal } from './linux-processes';

const termGraceMs = 2000;
const pollMs = 50;

/**
 * Kills the instances a dead runtime (data plane) left behind: it was SIGKILLed, or crashed, so it could not stop
 * them. Call it only once their owner is provably gone (server/dataplane/runtime-launcher.ts), before starting a new
 * runtime. They are recognised by the NP_CONSOLE_INSTANCE variable in their environment; the tag is derived from the
 * data folder, so a console with another data folder keeps its instances. Resolves to the number of processes killed.
 * Linux only (reads /proc); elsewhere it finds nothing.
 */
export async function killOrphanInstances(instanceTag: string): Promise<number> {
  const prefix = `${instanceMarkerVariable}=${instanceTag}:`;
  const tagged: number[] = [];
  for (const pid of await listPids()) {
    if (pid === process.pid) continue;
    const environment = await readEnvironment(pid);
    if (environment?.some((entry) => entry.startsWith(prefix))) tagged.push(pid);
  }
  // Processes that exited between the scan and now are not counted: there was nothing left to kill.
  const orphans = tagged.filter((pid) => signal(pid, 'SIGTERM'));
  // Bounded wait: a process gets termGraceMs to finish its requests, then it is killed.
  for (let waited = 0; waited < termGraceMs; waited += pollMs) {
    if (!(await anyRunning(orphans))) break;
    await sleep(pollMs);
  }
  for (const pid of orphans) if (await isRunning(pid)) signal(pid, 'SIGKILL');
  // SIGKILL is delivered asynchronously: wait (bounded) until they are gone, so their ports are free again.
  for (let waited = 0; waited < termGraceMs; waited += pollMs) {
    if (!(await anyRunning(orphans))) break;
    await sleep(pollMs);
  }
  return orphans.length;
}

async function anyRunning(pids: number[]): Promise<boolean> {
  for (const pid of pids) if (await isRunning(pid)) return true;
  return false;
}
