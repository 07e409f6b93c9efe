/**
 * Opens the console's SQLite database (better-sqlite3, synchronous) and brings its schema up to date.
 */
import { chmodSync, existsSync } from 'node:fs';

import BetterSqlite3 from 'better-sqlite3';

import { checkDataFolder } from './data-folder-check';
import { StorageError, storageFailureOf } from './errors';
import { migrate } from './migrations';

export type Database = BetterSqlite3.Database;

/** How long a connection waits for another process's write lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens (creating it and its folder when missing) and migrates the database at `file`; `:memory:` is allowed. A data
 * folder or database the console cannot write, or a database SQLite cannot use, throws a StorageError whose message
 * is one line naming the cause and the path.
 */
export function openDatabase(file: string): Database {
  const inMemory = file === ':memory:' || file === '';
  const isNew = !inMemory && !existsSync(file);
  if (!inMemory) checkDataFolder(file);
  let db: Database;
  try {
    db = new BetterSqlite3(file);
    // The database holds assets' environment variables: readable by the console's user only, like the lock and the
    // data plane's socket. SQLite gives its -wal and -shm files the database's mode, so this covers them too.
    if (isNew) chmodSync(file, 0o600);
  } catch (error) {
    throw cannotOpen(error, file);
  }
  try {
    // WAL lets readers proceed while the engine writes; NORMAL sync is durable across process crashes in WAL mode.
    if (!inMemory) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('synchronous = NORMAL');
    // Savepoints (nested writes) and sorts use temporary storage: keep it off the disk. A 16 MB page cache holds the
    // hot indexes of a large data set.
    db.pragma('temp_store = MEMORY');
    db.pragma('cache_size = -16000');
    migrate(db);
  } catch (error) {
    db.close();
    throw cannotOpen(error, file);
  }
  return db;
}

/** A failure of the storage becomes one clear line; anything else (a bug in a migration) stays as it is. */
function cannotOpen(error: unknown, file: string): unknown {
  const failure = storageFailureOf(error);
  if (failure === undefined) return error;
  return new StorageError(`cannot open the database ${file}: ${failure.cause} (${failure.code})`, { cause: error });
}
