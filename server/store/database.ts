/**
 * Opens the console's SQLite database (better-sqlite3, synchronous) and brings its schema up to date.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

import BetterSqlite3 from 'better-sqlite3';

import { migrate } from './migrations';

export type Database = BetterSqlite3.Database;

/** How long a connection waits for another process's write lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5_000;

/** Opens (creating it and its folder when missing) and migrates the database at `file`; `:memory:` is allowed. */
export function openDatabase(file: string): Database {
  const inMemory = file === ':memory:' || file === '';
  if (!inMemory) mkdirSync(dirname(file), { recursive: true });
  const db = new BetterSqlite3(file);
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
    throw error;
  }
  return db;
}
