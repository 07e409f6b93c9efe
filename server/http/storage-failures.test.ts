/**
 * A database that cannot take a write (read-only, full) answers 503 with a `{message}` naming the cause and the file,
 * and nothing of the refused request is stored. Every failure here is SQLite's own, on a real database file.
 */
import { chmodSync } from 'node:fs';
import { join } from 'node:path';

import BetterSqlite3 from 'better-sqlite3';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';

import { Store } from '../store/store';
import { type Harness, messageOf, startHarness } from '../testing/http-harness';
import { createApp } from './create-app';
import { errorHandler } from './errors';
import { emptyRuntimeView } from './runtime-view';

const asRoot = process.getuid?.() === 0;

let h: Harness | undefined;
const closers: Array<() => void> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) close();
  await h?.close();
  h = undefined;
});

const silent = { error: () => undefined, warn: () => undefined };

/**
 * The harness's database, seeded, then made read-only by `how`: a connection opened read-only, the file's mode
 * (not for root, who writes through it), or `PRAGMA query_only` on a live connection (for root instead).
 */
async function readOnlyConsole(how: 'read-only connection' | 'chmod 0444' | 'query_only') {
  h = await startHarness({ app: { logger: silent } });
  const application = h.seed.application();
  const file = join(h.dir, 'console.db');
  let store: Store;
  if (how === 'query_only') {
    store = h.store;
    store.db.pragma('query_only = ON');
    closers.push(() => store.db.pragma('query_only = OFF'));
  } else {
    if (how === 'chmod 0444') chmodSync(file, 0o444);
    store = new Store(new BetterSqlite3(file, { readonly: how === 'read-only connection' }));
    closers.push(() => store.close());
  }
  const host = 'console.test';
  const logged: string[] = [];
  const app = createApp({
    store,
    runtimeView: emptyRuntimeView,
    allowedHosts: [host],
    checkAssetRunnable: () => undefined,
    consoleInfo: { mode: 'local', upstream: null, live_events: true, version: '0.0.0-test' },
    logger: { error: (message) => logged.push(message), warn: () => undefined },
  });
  const request = async (method: string, path: string, json?: unknown) => {
    const response = await app.request(path, {
      method,
      headers: { host, ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };
  return { harness: h, application, file, request, logged };
}

const mechanisms = asRoot
  ? (['read-only connection', 'query_only'] as const)
  : (['read-only connection', 'chmod 0444'] as const);

describe('a read-only database', () => {
  it.each(mechanisms)(
    'answers 503 naming the cause and the file, changes nothing, and still reads (%s)',
    async (how) => {
      const { harness, application, file, request, logged } = await readOnlyConsole(how);
      const before = harness.count('applications');

      const created = await request('POST', '/api/application', { name: 'refused', namespace_id: 1 });
      expect(created.status).toBe(503);
      expect(created.body).toEqual({ message: `the database is read-only (${file}): nothing was changed` });
      const patched = await request('PATCH', `/api/application/${application.id}`, { name: 'renamed' });
      expect(patched.status).toBe(503);
      expect(patched.body).toEqual({ message: `the database is read-only (${file}): nothing was changed` });

      expect(harness.count('applications')).toBe(before);
      const read = await request('GET', `/api/application/${application.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ name: application.name });
      // The operator sees it in the log too, with the request it failed.
      expect(
        logged.some((line) => line.includes('the database is read-only') && line.includes('POST /api/application')),
      ).toBe(true);
    },
  );
});

describe('a full disk', () => {
  it('answers 503 naming the cause, rolls the write back, and takes writes again once there is room', async () => {
    h = await startHarness({ app: { logger: silent } });
    const application = h.seed.application();
    const file = join(h.dir, 'console.db');
    const before = h.count('builds');
    // SQLite may not grow the database past max_page_count: a write that needs a new page fails with SQLITE_FULL,
    // exactly as when the disk has no room left.
    const pages = Number(h.store.db.pragma('page_count', { simple: true }));
    h.store.db.pragma(`max_page_count = ${pages}`);
    const build = {
      application_id: application.id,
      status: 'successful',
      branch: 'main',
      commit: { id: 'c0ffee' },
      metadata: { notes: 'x'.repeat(300_000) },
    };

    const refused = await h.request('POST', '/api/build', { json: build });
    expect(refused.status).toBe(503);
    expect(messageOf(refused)).toBe(`the disk holding the database is full (${file}): nothing was changed`);
    expect(h.count('builds')).toBe(before);
    expect((await h.request('GET', `/api/application/${application.id}`)).status).toBe(200);

    h.store.db.pragma('max_page_count = 1073741823');
    const accepted = await h.request('POST', '/api/build', { json: build });
    expect(accepted.status).toBe(200);
    expect(h.count('builds')).toBe(before + 1);
  });
});

describe('other storage failures', () => {
  it.each([
    [
      'POST',
      'SQLITE_IOERR_WRITE',
      'the database could not be read or written (I/O error SQLITE_IOERR_WRITE) (/data/np-console.db): nothing was changed',
    ],
    [
      'GET',
      'SQLITE_IOERR_READ',
      'the database could not be read or written (I/O error SQLITE_IOERR_READ) (/data/np-console.db)',
    ],
    ['PATCH', 'SQLITE_BUSY', 'the database is locked by another process (/data/np-console.db): nothing was changed'],
  ])('%s failing with %s answers 503', async (method, code, message) => {
    const app = new Hono();
    app.onError(errorHandler(silent, { databaseFile: '/data/np-console.db' }));
    app.all('/x', () => {
      throw new BetterSqlite3.SqliteError('from SQLite', code);
    });
    const response = await app.request('/x', { method });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ message });
  });

  it('keeps a constraint a 409 and anything else a 500', async () => {
    const app = new Hono();
    app.onError(errorHandler(silent, { databaseFile: '/data/np-console.db' }));
    app.get('/constraint', () => {
      throw new BetterSqlite3.SqliteError('UNIQUE constraint failed: x.y', 'SQLITE_CONSTRAINT_UNIQUE');
    });
    app.get('/bug', () => {
      throw new BetterSqlite3.SqliteError('no such column: z', 'SQLITE_ERROR');
    });
    expect((await app.request('/constraint')).status).toBe(409);
    const bug = await app.request('/bug');
    expect(bug.status).toBe(500);
    expect(await bug.json()).toEqual({ message: 'internal error' });
  });
});
