/**
 * Finds the data folder's runtime and connects to it, or starts one. A runtime is reattached only when it is
 * provably this folder's and alive: runtime.json names it, the process with that pid and start time still runs, its
 * socket answers, and it says the same pid, instance tag and protocol. Otherwise it is replaced; and only once no
 * runtime of this folder is left are the instances it left behind killed (they have no owner any more).
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, renameSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

import { isSameProcessRunning, pidsWithEnvironmentEntry, processStartTime, signal } from '../runtime/linux-processes';
import { killOrphanInstances } from '../runtime/orphans';
import { messageOf } from './error-message';
import { PROTOCOL_VERSION, type Hello } from './protocol';
import { RuntimeConnection } from './runtime-connection';
import { readRuntimeInfo, runtimeFiles, type RuntimeFiles } from './runtime-files';
import { runtimeMarkerVariable, type RuntimeSettings } from './runtime-settings';

export type RuntimeLaunchOptions = {
  dataDir: string;
  instanceTag: string;
  healthIntervalMs: number;
  version: string;
  log: (line: string) => void;
};

export type AttachedRuntime = {
  connection: RuntimeConnection;
  hello: Hello;
  /** With the pid, names the runtime process (see processStartTime). */
  processStart: number | null;
  /** True when it was already running (started by an earlier console), false when this call started it. */
  reattached: boolean;
  files: RuntimeFiles;
};

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const runtimeEntry = fileURLToPath(new URL('./runtime-main.ts', import.meta.url));
/** A runtime starting on a busy machine (tsx compiles on the fly) may take a while before its socket answers. */
const startTimeoutMs = 60_000;
const maxLogBytes = 10 * 1024 * 1024;
/** What a runtime inherits from the console's environment: what node needs, never a secret (NP_API_KEY and the like). */
const inheritedVariables = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TZ', 'TMPDIR', 'SYSTEMROOT'];

export async function attachOrStartRuntime(options: RuntimeLaunchOptions): Promise<AttachedRuntime> {
  const files = runtimeFiles(options.dataDir, options.instanceTag);
  const reattached = await reattach(options, files);
  if (reattached) return reattached;

  const strays = await pidsWithEnvironmentEntry(`${runtimeMarkerVariable}=${options.instanceTag}`);
  if (strays.length > 0) {
    const processes = `${strays.length} runtime process${strays.length === 1 ? '' : 'es'}`;
    options.log(`stopping ${processes} of this data folder that runtime.json does not name (pid ${strays.join(', ')})`);
    await Promise.all(strays.map((pid) => stopProcess(pid, null, 0)));
  }
  // No runtime of this folder is left: whatever instance carries its tag has no owner.
  const orphans = await killOrphanInstances(options.instanceTag);
  if (orphans > 0)
    options.log(`stopped ${orphans} instance process${orphans === 1 ? '' : 'es'} left by a previous run`);
  return start(options, files);
}

async function reattach(options: RuntimeLaunchOptions, files: RuntimeFiles): Promise<AttachedRuntime | undefined> {
  const info = readRuntimeInfo(files.info);
  if (info === undefined || info.instanceTag !== options.instanceTag) return undefined;
  if (!(await isSameProcessRunning(info.pid, info.processStart))) return undefined;
  let reason: string;
  try {
    const connection = await RuntimeConnection.connect(info.socket, options.log, 5_000);
    try {
      const hello = await connection.request('hello', {}, 10_000);
      if (hello.pid === info.pid && hello.instanceTag === options.instanceTag && hello.protocol === PROTOCOL_VERSION) {
        return { connection, hello, processStart: info.processStart, reattached: true, files };
      }
      reason = `answers as pid ${hello.pid}, tag ${hello.instanceTag}, protocol ${hello.protocol} (this console speaks ${PROTOCOL_VERSION})`;
    } catch (error) {
      reason = `does not answer (${messageOf(error)})`;
    }
    await connection.close();
  } catch (error) {
    reason = `cannot be reached on ${info.socket} (${messageOf(error)})`;
  }
  options.log(`the data plane (runtime pid ${info.pid}) ${reason}; replacing it`);
  // SIGTERM first: a runtime that still works stops its instances itself, gracefully.
  await stopProcess(info.pid, info.processStart, 10_000);
  return undefined;
}

async function start(options: RuntimeLaunchOptions, files: RuntimeFiles): Promise<AttachedRuntime> {
  const settings: RuntimeSettings = {
    instanceTag: options.instanceTag,
    socketPath: files.socket,
    infoPath: files.info,
    logsDir: files.logs,
    healthIntervalMs: options.healthIntervalMs,
    version: options.version,
  };
  const env: Record<string, string> = {};
  for (const name of inheritedVariables) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  env[runtimeMarkerVariable] = options.instanceTag;

  rotateLog(files.log);
  const output = openSync(files.log, 'a');
  const child = (() => {
    try {
      return spawn(process.execPath, ['--import', 'tsx', runtimeEntry, JSON.stringify(settings)], {
        cwd: projectRoot,
        env,
        // Its own process group and session: a Ctrl-C aimed at the console's terminal never reaches it, and it
        // outlives the console. It writes to its log file, never to a pipe the console would have to drain.
        detached: true,
        stdio: ['ignore', output, output],
      });
    } finally {
      closeSync(output);
    }
  })();
  let exited: string | undefined;
  const onExit = (code: number | null, signalName: NodeJS.Signals | null) =>
    (exited = `exited (${signalName ?? `code ${code}`})`);
  child.once('exit', onExit);
  child.once('error', (error) => (exited = `could not be started (${error.message})`));
  try {
    const connection = await connectWhileAlive(files.socket, options.log, () => exited);
    const hello = await connection.request('hello', {}, 10_000);
    if (hello.pid !== child.pid || hello.instanceTag !== options.instanceTag) {
      await connection.close();
      throw new Error(`another process answers on ${files.socket} (pid ${hello.pid}, tag ${hello.instanceTag})`);
    }
    // The next console finds it by runtime.json, which it writes before it answers anyone.
    if (readRuntimeInfo(files.info)?.pid !== hello.pid) {
      await connection.close();
      throw new Error(`it answers but ${files.info} does not name it`);
    }
    options.log(`started the data plane: runtime pid ${hello.pid}, socket ${files.socket}, log ${files.log}`);
    return { connection, hello, processStart: await processStartTime(hello.pid), reattached: false, files };
  } catch (error) {
    if (child.pid !== undefined) await stopProcess(child.pid, null, 5_000);
    throw new Error(`the data plane (runtime) did not start: ${messageOf(error)}; see ${files.log}`, { cause: error });
  } finally {
    child.off('exit', onExit);
    child.unref();
  }
}

async function connectWhileAlive(
  socket: string,
  log: (line: string) => void,
  exited: () => string | undefined,
): Promise<RuntimeConnection> {
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    const reason = exited();
    if (reason !== undefined) throw new Error(`it ${reason}`);
    try {
      return await RuntimeConnection.connect(socket, log);
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`its socket ${socket} did not answer within ${startTimeoutMs / 1000} s`, { cause: error });
      // Short: every console start waits here, and a try costs one failed connect.
      await sleep(15);
    }
  }
}

/**
 * Ends a process: SIGTERM and up to `graceMs` to finish, then SIGKILL; resolves once it is gone (bounded). With a
 * start time, a pid that now names another process is left alone.
 */
export async function stopProcess(pid: number, processStart: number | null, graceMs: number): Promise<void> {
  const alive = () => isSameProcessRunning(pid, processStart);
  if (!(await alive())) return;
  if (graceMs > 0 && signal(pid, 'SIGTERM')) {
    for (const deadline = Date.now() + graceMs; Date.now() < deadline; await sleep(25)) if (!(await alive())) return;
  }
  if (await alive()) signal(pid, 'SIGKILL');
  for (const deadline = Date.now() + 5_000; Date.now() < deadline; await sleep(25)) if (!(await alive())) return;
}

/** One previous log is kept beside the current one: a runtime that runs for months must not fill the disk. */
function rotateLog(file: string): void {
  try {
    if (statSync(file).size > maxLogBytes) renameSync(file, `${file}.1`);
  } catch {
    // No log yet.
  }
}
