/**
 * Start-up check of where the database lives: the folder exists (created when missing) and is a folder, the console
 * can create files in it (SQLite's WAL mode keeps `-wal` and `-shm` files beside the database), and the database
 * file, when there is one, is a file the console can write. Each failure is a StorageError whose message is one line
 * naming the cause and the path, instead of SQLite's "unable to open database file" or a first write failing later.
 *
 * The checks do what SQLite will do (create a file, open the database for writing) rather than compare permission
 * bits: that way ACLs, read-only mounts and a console running as root all get the answer the database will get.
 */
import { closeSync, mkdirSync, openSync, statSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { StorageError } from './errors';

const fixFolder = 'make it writable, or set NP_CONSOLE_DATA to another folder';

export function checkDataFolder(databaseFile: string): void {
  const folder = dirname(databaseFile);
  ensureFolder(folder);
  probeFolderWritable(folder);
  for (const file of [databaseFile, `${databaseFile}-wal`, `${databaseFile}-shm`]) probeFileWritable(file);
}

function ensureFolder(folder: string): void {
  const existing = statOrUndefined(folder);
  if (existing !== undefined) {
    if (!existing.isDirectory()) {
      throw new StorageError(
        `the data folder ${folder} is not a folder (a file has that name); move the file away, or set NP_CONSOLE_DATA to another folder`,
      );
    }
    return;
  }
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new StorageError(`the data folder ${folder} cannot be created (${reason(error)}); ${fixFolder}`, {
      cause: error,
    });
  }
}

function probeFolderWritable(folder: string): void {
  const probe = join(folder, `.np-console-write-check-${process.pid}`);
  try {
    closeSync(openSync(probe, 'w'));
    unlinkSync(probe);
  } catch (error) {
    throw new StorageError(`the data folder ${folder} is not writable (${reason(error)}); ${fixFolder}`, {
      cause: error,
    });
  }
}

function probeFileWritable(file: string): void {
  const existing = statOrUndefined(file);
  if (existing === undefined) return;
  if (!existing.isFile())
    throw new StorageError(
      `the database ${file} is not a file; move it away, or set NP_CONSOLE_DATA to another folder`,
    );
  try {
    // Opened for writing and closed at once: nothing is written.
    closeSync(openSync(file, 'r+'));
  } catch (error) {
    throw new StorageError(
      `the database ${file} is read-only (${reason(error)}); make it writable, or set NP_CONSOLE_DATA to another folder`,
      {
        cause: error,
      },
    );
  }
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch (error) {
    // ENOTDIR: a part of the path is a file; creating the folder then says so.
    if (codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR') return undefined;
    throw new StorageError(`${path} cannot be read (${reason(error)}); ${fixFolder}`, { cause: error });
  }
}

const reasons: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'the disk is full',
  ENOTDIR: 'a part of the path is a file',
  EEXIST: 'a file has that name',
  EISDIR: 'it is a folder',
};

function reason(error: unknown): string {
  const code = codeOf(error);
  if (code === undefined) return error instanceof Error ? error.message : String(error);
  return reasons[code] === undefined ? code : `${reasons[code]}, ${code}`;
}

function codeOf(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
