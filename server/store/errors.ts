/** Errors the store raises on its own, and what a failure of the database itself means. */
import BetterSqlite3 from 'better-sqlite3';

/** A row that is not there; the HTTP layer answers 404. */
export class StoreNotFoundError extends Error {
  constructor(
    readonly resource: string,
    readonly id: number,
  ) {
    super(`${resource} ${id} not found`);
    this.name = 'StoreNotFoundError';
  }
}

/**
 * The data folder or the database cannot be used (read-only, full, missing, damaged). At start-up its message is the
 * one line the console prints before it stops, so it names the cause and the path, and says what to do.
 */
export class StorageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageError';
  }
}

/** Why the database failed, as the store's own error codes say it; the HTTP layer answers these 503. */
export type StorageFailure = { code: string; cause: string };

/**
 * The one place that reads better-sqlite3's `SqliteError.code` for failures of the storage itself (extended codes
 * such as SQLITE_READONLY_DBMOVED or SQLITE_IOERR_WRITE are matched by their primary code). Undefined for anything
 * else: a constraint, a bug in a statement, or not an SQLite error at all.
 */
export function storageFailureOf(error: unknown): StorageFailure | undefined {
  if (!(error instanceof BetterSqlite3.SqliteError)) return undefined;
  const { code } = error;
  const cause = causes.find(([prefix]) => code === prefix || code.startsWith(`${prefix}_`))?.[1];
  return cause === undefined ? undefined : { code, cause: cause(code) };
}

const causes: ReadonlyArray<readonly [string, (code: string) => string]> = [
  ['SQLITE_READONLY', () => 'the database is read-only'],
  ['SQLITE_FULL', () => 'the disk holding the database is full'],
  ['SQLITE_IOERR', (code) => `the database could not be read or written (I/O error ${code})`],
  ['SQLITE_CANTOPEN', () => 'the database file cannot be opened'],
  // After the connection's busy timeout: another process holds the write lock.
  ['SQLITE_BUSY', () => 'the database is locked by another process'],
  ['SQLITE_CORRUPT', () => 'the database file is damaged'],
  ['SQLITE_NOTADB', () => 'the file is not an SQLite database'],
];
