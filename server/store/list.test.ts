/**
 * Lists remember their total and keyset anchors (see runList); whatever they remember, every page must be the one
 * the plain `COUNT(*)` and `LIMIT … OFFSET …` queries give, before and after any write.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { BuildStatus } from '@contract/build';
import type { SortDirection } from '@contract/common';
import type { BuildQuery } from './builds-repository';
import { ANCHOR_EVERY } from './sql';
import { Store } from './store';

const dir = mkdtempSync(join(tmpdir(), 'np-console-list-test-'));
let now = new Date('2026-03-01T10:00:00.000Z');
const store = Store.open(join(dir, 'console.db'), { now: () => now });
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const ROWS = 5000;
const statuses: BuildStatus[] = ['failed', 'successful', 'pending'];
let appId = 0;
let otherId = 0;

beforeAll(() => {
  appId = store.write((tx) => tx.applications.insert({ name: 'many', namespace_id: 1 })).id;
  otherId = store.write((tx) => tx.applications.insert({ name: 'other', namespace_id: 1 })).id;
  const start = Date.parse('2026-01-01T00:00:00.000Z');
  store.write((tx) => {
    for (let index = 0; index < ROWS; index += 1) {
      // Seven builds per second, inserted out of time order: ties in created_at that only the id breaks, and ids
      // that do not follow created_at.
      const second = (index * 7919) % ROWS;
      tx.builds.insert({
        application_id: index % 10 === 9 ? otherId : appId,
        status: statuses[index % 3] ?? 'failed',
        branch: index % 4 === 0 ? null : `b${index % 5}`,
        created_at: new Date(start + Math.floor(second / 7) * 1000).toISOString(),
      });
    }
  });
  // Some updated_at after created_at (and ties among them too).
  store.write((tx) => {
    for (let id = 1; id <= ROWS; id += 13) {
      now = new Date(now.getTime() + (id % 3) * 1000);
      tx.builds.update(id, { description: `touched ${id}` });
    }
  });
});

type Filters = Pick<BuildQuery, 'application_id' | 'status'>;
type SortField = 'id' | 'created_at' | 'updated_at' | 'status' | 'branch';

/** The plain query: a COUNT(*) and an OFFSET page, nothing remembered. */
function plain(filters: Filters, field: SortField, direction: SortDirection, limit: number, offset: number) {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  for (const [column, values] of [
    ['application_id', filters.application_id],
    ['status', filters.status],
  ] as const) {
    if (values === undefined) continue;
    clauses.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  }
  const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
  const dir = direction === 'desc' ? 'DESC' : 'ASC';
  const ids = store.db
    .prepare(`SELECT id FROM builds ${where} ORDER BY ${field} ${dir}, id ${dir} LIMIT ? OFFSET ?`)
    .all(...params, limit, offset) as { id: number }[];
  const { total } = store.db.prepare(`SELECT COUNT(*) AS total FROM builds ${where}`).get(...params) as {
    total: number;
  };
  return { ids: ids.map((row) => row.id), total };
}

function listed(filters: Filters, field: SortField, direction: SortDirection, limit: number, offset: number) {
  const page = store.builds.list({ ...filters, sort: { field, direction }, limit, offset });
  return { ids: page.results.map((build) => build.id), total: page.total };
}

function expectSame(filters: Filters, field: SortField, direction: SortDirection, offset: number, limit = 50) {
  expect(
    listed(filters, field, direction, limit, offset),
    `${JSON.stringify(filters)} ${field} ${direction} @${offset}`,
  ).toEqual(plain(filters, field, direction, limit, offset));
}

/** Deepest first, then from the start, then the middle: anchors are found in every order. */
function offsetsFor(total: number): number[] {
  const around = (at: number) => [at - 1, at, at + 1, at - 50, at - 49];
  return [
    ...[total, total - 1, total - 50, total - 51, total + 10],
    ...[0, 1, 49, ANCHOR_EVERY - 1, ...around(ANCHOR_EVERY), ...around(2 * ANCHOR_EVERY)],
    ...[Math.floor(total / 2), Math.floor(total / 2) + 17, 3 * ANCHOR_EVERY + 999],
  ].filter((offset) => offset >= 0);
}

describe('list pages equal the plain OFFSET query', () => {
  const filterCases: Array<[string, () => Filters]> = [
    ['one application', () => ({ application_id: [appId] })],
    ['one application and one status', () => ({ application_id: [appId], status: ['failed'] })],
    ['two statuses', () => ({ status: ['failed', 'pending'] })],
    ['two applications', () => ({ application_id: [appId, otherId] })],
    ['everything', () => ({})],
  ];
  const sorts: Array<[SortField, SortDirection]> = [
    ['created_at', 'desc'],
    ['created_at', 'asc'],
    ['id', 'asc'],
    ['id', 'desc'],
    ['updated_at', 'asc'],
    ['updated_at', 'desc'],
    ['branch', 'asc'], // nullable: OFFSET only
    ['status', 'desc'],
  ];

  it.each(filterCases)('%s, every sort, from both ends and the middle', (_name, filters) => {
    for (const [field, direction] of sorts) {
      const { total } = plain(filters(), field, direction, 1, 0);
      for (const offset of offsetsFor(total)) expectSame(filters(), field, direction, offset);
      // A page bigger than the gap between anchors, straddling two of them.
      expectSame(filters(), field, direction, ANCHOR_EVERY + 900, 250);
    }
  });
});

describe('list memos follow every change', () => {
  const app = (): Filters => ({ application_id: [appId] });

  it('reflects an insert and an update between two list calls, in the total and the page', () => {
    const deep = 2 * ANCHOR_EVERY + 10;
    expectSame(app(), 'created_at', 'desc', deep);
    expectSame(app(), 'updated_at', 'asc', deep);
    expectSame({ application_id: [appId], status: ['failed'] }, 'created_at', 'desc', ANCHOR_EVERY + 5);

    // A build in the middle of the list moves every page after it by one.
    const inserted = store.builds.insert({
      application_id: appId,
      status: 'failed',
      created_at: '2026-01-01T00:05:00.000Z',
    });
    expectSame(app(), 'created_at', 'desc', deep);
    expectSame({ application_id: [appId], status: ['failed'] }, 'created_at', 'desc', ANCHOR_EVERY + 5);

    // An update moves the build to the end of updated_at, and out of one status and into another.
    now = new Date(now.getTime() + 60_000);
    const early = listed(app(), 'updated_at', 'asc', 1, 0).ids[0] ?? 0;
    store.builds.update(early, { status: 'in_progress' });
    expectSame(app(), 'updated_at', 'asc', deep);
    expectSame(app(), 'updated_at', 'asc', plain(app(), 'updated_at', 'asc', 1, 0).total - 1);
    expectSame({ application_id: [appId], status: ['in_progress'] }, 'created_at', 'desc', 0);
    store.builds.update(inserted.id, { status: 'successful' });
    expectSame({ application_id: [appId], status: ['failed'] }, 'created_at', 'desc', ANCHOR_EVERY + 5);
  });

  it('reflects changes inside a write transaction, and forgets them when it rolls back', () => {
    const deep = 3 * ANCHOR_EVERY + 1;
    const before = plain(app(), 'created_at', 'asc', 50, deep);
    store.write((tx) => {
      expectSame(app(), 'created_at', 'asc', deep);
      tx.builds.insert({ application_id: appId, status: 'pending', created_at: '2025-12-31T00:00:00.000Z' });
      expectSame(app(), 'created_at', 'asc', deep);
      now = new Date(now.getTime() + 60_000);
      tx.builds.update(before.ids[0] ?? 0, { status: 'failed' });
      expectSame({ application_id: [appId], status: ['failed'] }, 'created_at', 'asc', ANCHOR_EVERY + 1);
    });
    expectSame(app(), 'created_at', 'asc', deep);

    const committed = plain(app(), 'created_at', 'asc', 50, deep);
    expect(() =>
      store.write((tx) => {
        tx.builds.insert({ application_id: appId, status: 'pending', created_at: '2025-12-30T00:00:00.000Z' });
        expect(listed(app(), 'created_at', 'asc', 50, deep).total).toBe(committed.total + 1);
        throw new Error('roll back');
      }),
    ).toThrow('roll back');
    expect(listed(app(), 'created_at', 'asc', 50, deep)).toEqual(committed);

    // A nested write that fails is undone alone: what it showed must go with it.
    store.write((tx) => {
      try {
        tx.write((inner) => {
          inner.builds.insert({ application_id: appId, status: 'pending', created_at: '2025-12-29T00:00:00.000Z' });
          expect(listed(app(), 'created_at', 'asc', 50, deep).total).toBe(committed.total + 1);
          throw new Error('undo the inner part');
        });
      } catch {
        // the outer write goes on
      }
      expect(listed(app(), 'created_at', 'asc', 50, deep)).toEqual(committed);
    });
    expect(listed(app(), 'created_at', 'asc', 50, deep)).toEqual(committed);
  });
});
