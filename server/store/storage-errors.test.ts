import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

import { openDatabase } from './database';
import { StorageError, storageFailureOf } from './errors';
import { Store } from './store';

const dir = mkdtempSync(join(tmpdir(), 'np-console-storage-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The error `fn` throws (fails the test when it throws nothing). */
function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('opening the database', () => {
  it('refuses a data folder that is a file, in one line naming it', () => {
    const folder = join(dir, 'a-file');
    writeFileSync(folder, 'not a folder');
    const error = thrownBy(() => openDatabase(join(folder, 'np-console.db')));
    expect(error).toBeInstanceOf(StorageError);
    expect((error as Error).message).toBe(
      `the data folder ${folder} is not a folder (a file has that name); move the file away, or set NP_CONSOLE_DATA to another folder`,
    );
  });

  it('refuses a data folder that cannot be created because a part of its path is a file', () => {
    const file = join(dir, 'in-the-way');
    writeFileSync(file, '');
    const folder = join(file, 'data');
    const error = thrownBy(() => openDatabase(join(folder, 'np-console.db')));
    expect(error).toBeInstanceOf(StorageError);
    expect((error as Error).message).toBe(
      `the data folder ${folder} cannot be created (a part of the path is a file, ENOTDIR); make it writable, or set NP_CONSOLE_DATA to another folder`,
    );
  });

  it('refuses a database path that is a folder', () => {
    const folder = join(dir, 'db-is-a-folder');
    mkdirSync(join(folder, 'np-console.db'), { recursive: true });
    const error = thrownBy(() => openDatabase(join(folder, 'np-console.db')));
    expect(error).toBeInstanceOf(StorageError);
    expect((error as Error).message).toMatch(/^the database .*np-console\.db is not a file; /);
  });

  it('refuses a file that is not a database, naming the cause and the path', () => {
    const file = join(dir, 'garbage.db');
    writeFileSync(file, 'this is not SQLite '.repeat(100));
    const error = thrownBy(() => openDatabase(file));
    expect(error).toBeInstanceOf(StorageError);
    expect((error as Error).message).toBe(
      `cannot open the database ${file}: the file is not an SQLite database (SQLITE_NOTADB)`,
    );
  });

  it('creates a missing data folder and leaves no probe file behind', () => {
    const folder = join(dir, 'new', 'nested');
    const db = openDatabase(join(folder, 'np-console.db'));
    db.close();
    expect(new BetterSqlite3(join(folder, 'np-console.db')).pragma('user_version', { simple: true })).toBeGreaterThan(
      0,
    );
    expect(readdirSync(folder).filter((name) => name.includes('write-check'))).toEqual([]);
  });
});

describe('storageFailureOf', () => {
  it('reads real SQLite failures: a read-only connection and a full database', () => {
    const store = Store.open(join(dir, 'real-failures.db'));
    try {
      store.db.pragma('query_only = ON');
      const readOnly = thrownBy(() =>
        store.write((tx) => tx.applications.insert({ name: 'refused', namespace_id: 1 })),
      );
      expect(storageFailureOf(readOnly)).toEqual({ code: 'SQLITE_READONLY', cause: 'the database is read-only' });
      store.db.pragma('query_only = OFF');

      // No page beyond the ones the database has: the next write that needs one fails as on a full disk.
      store.db.pragma(`max_page_count = ${Number(store.db.pragma('page_count', { simple: true }))}`);
      const full = thrownBy(() =>
        store.write((tx) =>
          tx.applications.insert({ name: 'too big', namespace_id: 1, metadata: { blob: 'x'.repeat(200_000) } }),
        ),
      );
      expect(storageFailureOf(full)).toEqual({ code: 'SQLITE_FULL', cause: 'the disk holding the database is full' });
      expect(store.applications.list().total).toBe(0);
      expect(store.inWrite).toBe(false);
    } finally {
      store.close();
    }
  });

  it.each([
    ['SQLITE_IOERR_WRITE', 'the database could not be read or written (I/O error SQLITE_IOERR_WRITE)'],
    ['SQLITE_IOERR', 'the database could not be read or written (I/O error SQLITE_IOERR)'],
    ['SQLITE_READONLY_DBMOVED', 'the database is read-only'],
    ['SQLITE_BUSY', 'the database is locked by another process'],
    ['SQLITE_CORRUPT', 'the database file is damaged'],
    ['SQLITE_CANTOPEN', 'the database file cannot be opened'],
  ])('maps %s by its primary code', (code, cause) => {
    expect(storageFailureOf(new BetterSqlite3.SqliteError('from SQLite', code))).toEqual({ code, cause });
  });

  it('leaves constraints, other SQLite errors and other errors alone', () => {
    expect(
      storageFailureOf(new BetterSqlite3.SqliteError('UNIQUE constraint failed', 'SQLITE_CONSTRAINT_UNIQUE')),
    ).toBeUndefined();
    expect(storageFailureOf(new BetterSqlite3.SqliteError('no such table: x', 'SQLITE_ERROR'))).toBeUndefined();
    // A prefix is not a code: SQLITE_FULLNESS is not SQLITE_FULL.
    expect(storageFailureOf(new BetterSqlite3.SqliteError('made up', 'SQLITE_FULLNESS'))).toBeUndefined();
    expect(storageFailureOf(Object.assign(new Error('look-alike'), { code: 'SQLITE_FULL' }))).toBeUndefined();
  });
});
