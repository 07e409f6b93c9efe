import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

import { openDatabase } from './database';
import { migrate, migrations, schemaVersion } from './migrations';
import { Store } from './store';

const dir = mkdtempSync(join(tmpdir(), 'np-console-db-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openDatabase', () => {
  it('sets WAL, foreign keys, busy timeout and NORMAL sync, and migrates to the latest version', () => {
    const db = openDatabase(join(dir, 'pragmas', 'console.db'));
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(Number(db.pragma('busy_timeout', { simple: true }))).toBeGreaterThan(0);
      expect(db.pragma('synchronous', { simple: true })).toBe(1);
      expect(schemaVersion(db)).toBe(migrations.at(-1)?.version);
      const tables = (
        db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
      ).map((row) => row.name);
      expect(tables).toEqual(
        expect.arrayContaining([
          'applications',
          'assets',
          'builds',
          'deployment_messages',
          'deployments',
          'releases',
          'scopes',
        ]),
      );
    } finally {
      db.close();
    }
  });

  it("creates the database, its -wal and -shm readable by their owner only (they hold assets' environment)", () => {
    const file = join(dir, 'private', 'console.db');
    const db = openDatabase(file);
    try {
      db.prepare('CREATE TABLE IF NOT EXISTS probe (x)').run();
      for (const path of [file, `${file}-wal`, `${file}-shm`]) expect(statSync(path).mode & 0o777, path).toBe(0o600);
    } finally {
      db.close();
    }
  });

  it('accepts :memory:', () => {
    const db = openDatabase(':memory:');
    expect(schemaVersion(db)).toBe(migrations.at(-1)?.version);
    db.close();
  });

  it('keeps the data and applies nothing twice when reopened', () => {
    const file = join(dir, 'reopen.db');
    const first = Store.open(file);
    first.write((tx) => tx.applications.insert({ name: 'kept', namespace_id: 1 }));
    first.close();
    const second = Store.open(file);
    expect(second.applications.list().results.map((application) => application.name)).toEqual(['kept']);
    second.close();
  });

  it('turns application tags stored as a list (schema 1) into objects, so an older data folder keeps working', () => {
    const file = join(dir, 'tags-v1.db');
    const old = new BetterSqlite3(file);
    migrate(old, migrations.slice(0, 1));
    expect(schemaVersion(old)).toBe(1);
    const insert = old.prepare(
      "INSERT INTO applications (name, slug, status, namespace_id, tags, created_at, updated_at) VALUES (?, ?, 'active', 1, ?, ?, ?)",
    );
    const stored: [string, string][] = [
      [
        'pairs',
        JSON.stringify([
          { key: 'team', value: 'payments' },
          { key: 'tier', value: 2 },
          { key: 'x', value: { deep: true } },
          'loose',
        ]),
      ],
      ['empty', '[]'],
      ['strings', JSON.stringify(['legacy', 'tags'])],
      ['broken', 'not json'],
      ['already', JSON.stringify({ team: 'search' })],
    ];
    stored.forEach(([name, tags], index) =>
      insert.run(name, name, tags, `2025-0${index + 1}-01T00:00:00.000Z`, '2025-06-01T00:00:00.000Z'),
    );
    old.close();

    const store = Store.open(file);
    try {
      const tagsOf = Object.fromEntries(
        store.applications.list().results.map((application) => [application.name, application.tags]),
      );
      expect(tagsOf).toEqual({
        pairs: { team: 'payments', tier: '2' },
        empty: {},
        strings: {},
        broken: {},
        already: { team: 'search' },
      });
      expect(schemaVersion(store.db)).toBe(migrations.at(-1)?.version);
      // The account added by a later migration is as old as the oldest application.
      expect(store.accounts.get(1)?.created_at).toBe('2025-01-01T00:00:00.000Z');
    } finally {
      store.close();
    }
  });

  it('names an older data folder\'s demo namespace "Demo" and leaves any other namespace\'s derived name', () => {
    const file = join(dir, 'namespaces-v7.db');
    const old = new BetterSqlite3(file);
    migrate(
      old,
      migrations.filter((migration) => migration.version <= 7),
    );
    const insert = old.prepare(
      "INSERT INTO applications (name, slug, status, namespace_id, repository_url, tags, created_at, updated_at) VALUES (?, ?, 'active', ?, ?, '{}', ?, ?)",
    );
    const at = '2025-01-01T00:00:00.000Z';
    insert.run('greeter', 'greeter', 1, 'https://github.com/np-console-demo/greeter', at, at);
    insert.run('mine', 'mine', 7, 'https://git.example/mine', at, at);
    old.close();

    const store = Store.open(file);
    try {
      expect(store.namespaces.all().map(({ id, name, slug }) => ({ id, name, slug }))).toEqual([
        { id: 1, name: 'Demo', slug: 'demo' },
        { id: 7, name: 'Namespace 7', slug: 'namespace-7' },
      ]);
      // A name the folder already has is kept (the seed names only a namespace without one).
      store.write(() => store.namespaces.nameIfUnnamed(1, 'Other', 'other'));
      expect(store.namespaces.get(1)?.name).toBe('Demo');
    } finally {
      store.close();
    }
  });

  it('keeps "Namespace 1" for an older data folder the demo was never seeded into', () => {
    const file = join(dir, 'namespaces-v7-no-demo.db');
    const old = new BetterSqlite3(file);
    migrate(
      old,
      migrations.filter((migration) => migration.version <= 7),
    );
    old
      .prepare(
        "INSERT INTO applications (name, slug, status, namespace_id, tags, created_at, updated_at) VALUES ('mine', 'mine', 'active', 1, '{}', ?, ?)",
      )
      .run('2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z');
    old.close();
    const store = Store.open(file);
    try {
      expect(store.namespaces.get(1)).toMatchObject({ id: 1, name: 'Namespace 1', slug: 'namespace-1' });
    } finally {
      store.close();
    }
  });

  it('refuses a database written by a newer console', () => {
    const file = join(dir, 'newer.db');
    const raw = new BetterSqlite3(file);
    raw.pragma('user_version = 999');
    raw.close();
    expect(() => openDatabase(file)).toThrow(/schema version 999/);
  });

  it('applies each migration in a transaction: a failing one leaves the previous version', () => {
    const db = new BetterSqlite3(':memory:');
    const failing = [
      ...migrations,
      {
        version: 1000,
        name: 'broken',
        up: (target: BetterSqlite3.Database) => {
          target.exec('CREATE TABLE half_done (id INTEGER)');
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, failing)).toThrow('boom');
    expect(schemaVersion(db)).toBe(migrations.at(-1)?.version);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    db.close();
  });

  it('enforces foreign keys', () => {
    const store = Store.open(':memory:');
    expect(() => store.write((tx) => tx.builds.insert({ application_id: 12345, status: 'pending' }))).toThrow(
      /FOREIGN KEY/,
    );
    store.close();
  });
});

describe('list queries use indexes', () => {
  const store = Store.open(join(dir, 'plans.db'));
  afterAll(() => store.close());

  /** No full-table scan and no sort in a temporary b-tree, for the page and for the count. */
  function expectIndexed(plan: { page: string[]; count: string[] }) {
    for (const detail of [...plan.page, ...plan.count]) {
      expect(detail).not.toMatch(/^SCAN \w+$/);
      expect(detail).not.toMatch(/TEMP B-TREE/);
    }
  }

  it.each([
    ['builds by application, newest first (the default)', { application_id: [1] }],
    ['builds by application and status', { application_id: [1], status: ['successful' as const] }],
    [
      'builds by application sorted by id',
      { application_id: [1], sort: { field: 'id' as const, direction: 'asc' as const } },
    ],
    [
      'builds by application and status sorted by id',
      { application_id: [1], status: ['failed' as const], sort: { field: 'id' as const, direction: 'desc' as const } },
    ],
    ['builds by application and branch', { application_id: [1], branch: 'main' }],
    ['all builds, newest first', {}],
    ['builds by status', { status: ['successful' as const] }],
  ])('%s', (_name, query) => {
    expectIndexed(store.builds.explainList({ limit: 50, offset: 1000, ...query }));
  });

  it.each([
    ['deployments by scope, newest first', { scope_id: [1] }],
    ['deployments by scope sorted by id', { scope_id: [1], sort: { field: 'id' as const, direction: 'asc' as const } }],
    ['deployments by application', { application_id: [1] }],
    ['all deployments', {}],
    ['deployments by status', { status: ['running' as const] }],
  ])('%s', (_name, query) => {
    expectIndexed(store.deployments.explainList({ limit: 50, offset: 0, ...query }));
  });

  it('releases, scopes, applications and assets by their parent', () => {
    expectIndexed(store.releases.explainList({ application_id: [1] }));
    expectIndexed(store.releases.explainList({ application_id: [1], sort: { field: 'semver', direction: 'desc' } }));
    expectIndexed(store.scopes.explainList({ application_id: [1] }));
    expectIndexed(store.applications.explainList({ namespace_id: [1] }));
    expectIndexed(store.assets.explainList({ build_id: [1] }));
  });

  it('pages through 5,000 builds in order with a total from the index', () => {
    const application = store.write((tx) => tx.applications.insert({ name: 'many', namespace_id: 1 }));
    const start = Date.parse('2026-01-01T00:00:00.000Z');
    store.write((tx) => {
      for (let index = 0; index < 5000; index += 1) {
        tx.builds.insert({
          application_id: application.id,
          status: index % 3 === 0 ? 'failed' : 'successful',
          branch: 'main',
          created_at: new Date(start + index * 1000).toISOString(),
        });
      }
    });
    const page = store.builds.list({ application_id: [application.id], limit: 50, offset: 4990 });
    expect(page.total).toBe(5000);
    expect(page.results).toHaveLength(10);
    const times = page.results.map((build) => build.created_at ?? '');
    expect([...times].sort().reverse()).toEqual(times);
    expect(page.results.at(-1)?.created_at).toBe(new Date(start).toISOString());
    const failed = store.builds.list({ application_id: [application.id], status: ['failed'], limit: 5 });
    expect(failed.total).toBe(1667);
    expect(failed.results.every((build) => build.status === 'failed')).toBe(true);
  });
});
