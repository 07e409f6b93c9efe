/**
 * One console per data folder: `<data folder>/console.lock` names the console that owns the folder (pid, address,
 * start). It is taken before anything else touches the folder, so a second console on the same folder stops before
 * it opens the database, kills an orphan or spawns anything, and says who owns it.
 *
 * Written by hand: the maintained lock libraries (proper-lockfile, lockfile) judge a lock stale by its age and keep no
 * details of its owner, so they can neither say who holds the folder (the one thing a refused start must print) nor
 * tell a live owner from a dead one without guessing from a clock.
 */
import { randomUUID } from 'node:crypto';
import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { z } from 'zod';

import { writeJsonAtomically } from './dataplane/runtime-files';
import { isSameProcessRunning, processStartTime } from './runtime/linux-processes';

const ownerSchema = z.looseObject({
  pid: z.number().int().positive(),
  /**
   * With the pid, names the owning process for good: a pid alone may since belong to an unrelated process (after a
   * reboot, say), which must not keep the folder locked. Null where there is no /proc.
   */
  processStart: z.number().nullable(),
  host: z.string(),
  /** 0 until the console has bound its port. */
  port: z.number().int().min(0),
  startedAt: z.string(),
  /** Tells two acquisitions by the same process apart (tests start consoles in one process). */
  token: z.string(),
});
export type LockOwner = z.infer<typeof ownerSchema>;

/** Start-up stops on this; its message is the one line to print. */
export class DataFolderBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    const address = owner.port === 0 ? `still starting on ${owner.host}` : `at http://${owner.host}:${owner.port}`;
    super(
      `the data folder ${dataDir} is in use by another np-console (pid ${owner.pid}, ${address}, since ${owner.startedAt}); ` +
        'stop that one first, or set NP_CONSOLE_DATA to another folder',
    );
  }
}

export const lockFileName = 'console.lock';

/** How many times a lock that changes hands while being taken is looked at again before giving up. */
const attempts = 10;

export class DataFolderLock {
  private constructor(
    private readonly file: string,
    private owner: LockOwner,
  ) {}

  /** Takes the folder's lock, or throws DataFolderBusyError naming the live owner. The folder must exist. */
  static async acquire(dataDir: string, address: { host: string; port: number }): Promise<DataFolderLock> {
    const file = join(dataDir, lockFileName);
    const owner: LockOwner = {
      pid: process.pid,
      processStart: await processStartTime(process.pid),
      host: address.host,
      port: address.port,
      startedAt: new Date().toISOString(),
      token: randomUUID(),
    };
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      if (createExclusively(file, owner)) return new DataFolderLock(file, owner);
      const holder = readOwner(file);
      if (holder === 'missing') continue; // Released meanwhile: try to create it again.
      if (holder !== 'unreadable' && (await isSameProcessRunning(holder.pid, holder.processStart))) {
        throw new DataFolderBusyError(dataDir, holder);
      }
      // The owner is gone (killed, crashed) or the file is no lock at all: take it over, whole, in one rename. If
      // another console took it over at the same moment, the re-read says which of the two got it.
      const current = readOwner(file);
      if (holder !== 'unreadable' && (typeof current !== 'object' || current.token !== holder.token)) continue;
      writeJsonAtomically(file, owner);
      const confirmed = readOwner(file);
      if (typeof confirmed === 'object' && confirmed.token === owner.token) return new DataFolderLock(file, owner);
    }
    throw new Error(
      `could not take ${file}: it keeps changing hands; is another np-console starting on the same folder?`,
    );
  }

  /** Records the port once the console has bound it (it may have been 0 when the lock was taken). */
  setPort(port: number): void {
    if (!this.isOurs()) return;
    this.owner = { ...this.owner, port };
    writeJsonAtomically(this.file, this.owner);
  }

  /** Removes the lock, if it is still this console's. */
  release(): void {
    if (this.isOurs()) rmSync(this.file, { force: true });
  }

  private isOurs(): boolean {
    const current = readOwner(this.file);
    return typeof current === 'object' && current.token === this.owner.token;
  }
}

/**
 * Creates the lock with its whole content or not at all: written to a private file first, then hard-linked to the
 * lock's name, which fails if that name exists. (An `wx` open would let a reader see the file empty, mid-write.)
 */
function createExclusively(file: string, owner: LockOwner): boolean {
  const temporary = `${file}.${owner.token}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(owner, null, 2)}\n`, { mode: 0o600 });
  try {
    linkSync(temporary, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
}

function readOwner(file: string): LockOwner | 'missing' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  try {
    const parsed = ownerSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : 'unreadable';
  } catch {
    return 'unreadable';
  }
}
