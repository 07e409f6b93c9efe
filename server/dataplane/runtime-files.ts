/**
 * Where a data folder's runtime lives on disk: its socket, `runtime.json` (who it is, so a restarted console can
 * find it and prove it is still the same process), its log, and the instances' logs.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { z } from 'zod';

/**
 * A Unix socket path must fit sun_path: 108 bytes on Linux (104 on macOS) including the terminating NUL. A data
 * folder deeper than that gets its socket in the temporary folder instead, named by the folder's tag.
 */
export const MAX_SOCKET_PATH_BYTES = 100;

/** `logs`: the instances' output, `logs/deployment-<id>/instance-<n>.log` (server/runtime/log-limits.ts). */
export type RuntimeFiles = { socket: string; info: string; log: string; logs: string };

export function runtimeFiles(dataDir: string, instanceTag: string): RuntimeFiles {
  const inFolder = join(dataDir, 'runtime.sock');
  const socket =
    Buffer.byteLength(inFolder) <= MAX_SOCKET_PATH_BYTES ? inFolder : join(tmpdir(), `np-console-${instanceTag}.sock`);
  return {
    socket,
    info: join(dataDir, 'runtime.json'),
    log: join(dataDir, 'runtime.log'),
    logs: join(dataDir, 'logs'),
  };
}

const runtimeInfoSchema = z.looseObject({
  pid: z.number().int().positive(),
  /** Clock ticks since boot when the process started (null without /proc): with the pid, it names the process. */
  processStart: z.number().nullable(),
  socket: z.string().min(1),
  instanceTag: z.string().min(1),
  startedAt: z.string(),
  version: z.string(),
  protocol: z.number().int(),
});
export type RuntimeInfo = z.infer<typeof runtimeInfoSchema>;

/** The runtime.json a runtime wrote, or undefined when there is none or it cannot be read as one. */
export function readRuntimeInfo(file: string): RuntimeInfo | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = runtimeInfoSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Written whole or not at all (temporary file, then rename): a reader never sees half a file. */
export function writeJsonAtomically(file: string, value: unknown): void {
  const temporary = `${file}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  try {
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Removes runtime.json only if it still describes the runtime with this pid (a newer one may have replaced it). */
export function removeRuntimeInfo(file: string, pid: number): void {
  if (readRuntimeInfo(file)?.pid === pid) rmSync(file, { force: true });
}
