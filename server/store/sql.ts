/**
 * Small helpers shared by the repositories: JSON columns, slugs, and the paged list query.
 */
import type { SortDirection } from '@contract/common';
import type { ChangeResource } from '@contract/console';
import type { ListMemo, StoreContext } from './context';

export type ListResult<T> = { results: T[]; total: number };

/** The paging part of every repository list call; the HTTP layer fills these from the contract's query schema. */
export type ListPaging<Field extends string> = {
  limit?: number;
  offset?: number;
  sort?: { field: Field; direction: SortDirection } | undefined;
};

/** The repositories' own default page size when called without one (the HTTP layer always passes one). */
export const REPOSITORY_DEFAULT_LIMIT = 30;

export type JsonObject = Record<string, unknown>;

export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}

/** A patch's JSON column: undefined (left as it is) when the patch does not give it. */
export function toJsonIfGiven(value: unknown): string | undefined {
  return value === undefined ? undefined : toJson(value);
}

export function parseObject(text: string | null): JsonObject {
  if (text === null || text === '') return {};
  const value: unknown = JSON.parse(text);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : {};
}

export function parseArray(text: string | null): unknown[] {
  if (text === null || text === '') return [];
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? value : [];
}

export function parseStringMap(text: string | null): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(parseObject(text))) {
    if (typeof value === 'string') result[key] = value;
  }
  return result;
}

/** `My Web App!` → `my-web-app`. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'unnamed' : slug;
}

/** A filter value: a list (from comma-separated ids or enum values) means IN, a single value means equality. */
export type FilterValue = readonly (string | number)[] | string | number | undefined;

export type ListSpec = {
  table: string;
  /** What the table's changes are recorded as: a change of it makes the list's remembered total and anchors stale. */
  resource: ChangeResource;
  /** `[value, column]` pairs; undefined values are ignored. */
  filters: ReadonlyArray<readonly [FilterValue, string]>;
  /** The column to sort by; `id` breaks ties in the same direction so paging is stable. */
  sortColumn: string;
  direction: SortDirection;
  limit: number;
  offset: number;
};

export type ListSql = {
  idsSql: string;
  countSql: string;
  params: (string | number)[];
  pageParams: (string | number)[];
  /** Sorts on a column that is never NULL only: the page and the next anchor, from an anchor on (see runList). */
  seek?: { pageSql: string; firstAnchorSql: string; anchorSql: string; bind: (anchor: Anchor) => (string | number)[] };
};

/** A row of a list, by its sort key and id: where a deep page starts seeking. */
type Anchor = ListMemo['anchors'][number];

/** Every this many rows of a list, its sort key and id are remembered so that a deep page seeks instead of skipping. */
export const ANCHOR_EVERY = 1000;

/**
 * The sort columns that are never NULL. A row-value comparison with NULL is never true, so a seek on a nullable
 * column would drop rows: those lists page with OFFSET alone.
 */
const keysetColumns = new Set(['id', 'created_at', 'updated_at']);

function listSql(spec: ListSpec): ListSql {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  for (const [value, column] of spec.filters) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      const values = value as readonly (string | number)[];
      if (values.length === 1) {
        clauses.push(`${column} = ?`);
      } else {
        clauses.push(`${column} IN (${values.map(() => '?').join(', ')})`);
      }
      params.push(...values);
    } else {
      clauses.push(`${column} = ?`);
      params.push(value as string | number);
    }
  }
  const where = clauses.length > 0 ? ` WHERE ${clauses.join(' AND ')}` : '';
  const direction = spec.direction === 'desc' ? 'DESC' : 'ASC';
  const byId = spec.sortColumn === 'id';
  const order = byId ? `id ${direction}` : `${spec.sortColumn} ${direction}, id ${direction}`;
  // The rows from an anchor on, in list order: `(sort, id) >= (?, ?)` (`<=` descending) compares like ORDER BY, and
  // SQLite answers it with a seek in the index that serves the ORDER BY.
  const fromAnchor = `${where === '' ? ' WHERE' : `${where} AND`} ${byId ? 'id' : `(${spec.sortColumn}, id)`} ${
    spec.direction === 'desc' ? '<=' : '>='
  } ${byId ? '?' : '(?, ?)'}`;
  const anchorColumns = `SELECT ${spec.sortColumn} AS key, id FROM ${spec.table}`;
  return {
    // Paging walks an index that holds the filter and sort columns and the id only; whole rows are read for the
    // page alone, by primary key.
    idsSql: `SELECT id FROM ${spec.table}${where} ORDER BY ${order} LIMIT ? OFFSET ?`,
    countSql: `SELECT COUNT(*) AS total FROM ${spec.table}${where}`,
    params,
    pageParams: [...params, spec.limit, spec.offset],
    seek: keysetColumns.has(spec.sortColumn)
      ? {
          pageSql: `SELECT id FROM ${spec.table}${fromAnchor} ORDER BY ${order} LIMIT ? OFFSET ?`,
          firstAnchorSql: `${anchorColumns}${where} ORDER BY ${order} LIMIT 1`,
          anchorSql: `${anchorColumns}${fromAnchor} ORDER BY ${order} LIMIT 1 OFFSET ?`,
          bind: (anchor) => (byId ? [anchor.id] : [anchor.key, anchor.id]),
        }
      : undefined,
  };
}

/**
 * Runs a list: the page's ids and the total from indexes, then the page's rows by primary key, in page order.
 *
 * COUNT(*) walks the list's whole index range and OFFSET n walks n entries, so on a long list every page would cost
 * as much as the list is long. Instead the total is counted once per change of the table, and a page at offset
 * ≥ ANCHOR_EVERY starts from the remembered anchor before it and skips fewer than ANCHOR_EVERY rows.
 */
export function runList<Row extends { id: number }>(ctx: StoreContext, spec: ListSpec): { rows: Row[]; total: number } {
  const sql = listSql(spec);
  const memo = ctx.listMemo(
    spec.resource,
    `${sql.countSql} ORDER BY ${spec.sortColumn} ${spec.direction} ${JSON.stringify(sql.params)}`,
  );
  memo.total ??= (ctx.statement(sql.countSql).get(...sql.params) as { total: number }).total;
  const ids = spec.offset >= memo.total ? [] : pageIds(ctx, spec, sql, memo);
  return { rows: rowsByIds<Row>(ctx, spec.table, ids), total: memo.total };
}

function pageIds(ctx: StoreContext, spec: ListSpec, sql: ListSql, memo: ListMemo): number[] {
  const at = Math.floor(spec.offset / ANCHOR_EVERY);
  const toIds = (rows: unknown[]) => (rows as { id: number }[]).map((row) => row.id);
  if (at === 0 || sql.seek === undefined) return toIds(ctx.statement(sql.idsSql).all(...sql.pageParams));
  const { seek } = sql;
  // anchors[k] is the row at position k × ANCHOR_EVERY, each found from the one before: building them all walks the
  // list once, no more than one deep OFFSET does.
  while (memo.anchors.length <= at) {
    const previous = memo.anchors.at(-1);
    const next = (
      previous === undefined
        ? ctx.statement(seek.firstAnchorSql).get(...sql.params)
        : ctx.statement(seek.anchorSql).get(...sql.params, ...seek.bind(previous), ANCHOR_EVERY)
    ) as Anchor | undefined;
    if (next === undefined) return []; // past the end (the offset is below the total, so this is only a guard)
    memo.anchors.push(next);
  }
  const anchor = memo.anchors[at];
  if (anchor === undefined) return [];
  return toIds(
    ctx.statement(seek.pageSql).all(...sql.params, ...seek.bind(anchor), spec.limit, spec.offset - at * ANCHOR_EVERY),
  );
}

function rowsByIds<Row extends { id: number }>(ctx: StoreContext, table: string, ids: readonly number[]): Row[] {
  if (ids.length === 0) return [];
  const rows = ctx
    .statement(`SELECT * FROM ${table} WHERE id IN (${ids.map(() => '?').join(', ')})`)
    .all(...ids) as Row[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row === undefined ? [] : [row];
  });
}

/**
 * The query plan SQLite picks for a list, one detail line per step (used by tests to prove lists use indexes). The
 * page's plan is that of the query runList runs at that offset: from an anchor at ANCHOR_EVERY and beyond.
 */
export function explainList(ctx: StoreContext, spec: ListSpec): { page: string[]; count: string[] } {
  const sql = listSql(spec);
  const plan = (query: string, params: (string | number)[]) =>
    (ctx.db.prepare(`EXPLAIN QUERY PLAN ${query}`).all(...params) as { detail: string }[]).map((row) => row.detail);
  const page =
    spec.offset >= ANCHOR_EVERY && sql.seek !== undefined
      ? plan(sql.seek.pageSql, [...sql.params, ...sql.seek.bind({ key: '', id: 0 }), spec.limit, 0])
      : plan(sql.idsSql, sql.pageParams);
  return { page, count: plan(sql.countSql, sql.params) };
}

/** The SET part of an UPDATE from the columns that really change; undefined when nothing changes. */
export function changedColumns(
  current: Record<string, unknown>,
  next: Record<string, unknown>,
): Record<string, unknown> | undefined {
  const changed: Record<string, unknown> = {};
  let hasChanges = false;
  for (const [column, value] of Object.entries(next)) {
    if (value === undefined) continue;
    if (current[column] !== value) {
      changed[column] = value;
      hasChanges = true;
    }
  }
  return hasChanges ? changed : undefined;
}

export function updateRow(ctx: StoreContext, table: string, id: number, columns: Record<string, unknown>): void {
  const names = Object.keys(columns);
  const sql = `UPDATE ${table} SET ${names.map((name) => `${name} = ?`).join(', ')} WHERE id = ?`;
  ctx.statement(sql).run(...names.map((name) => columns[name]), id);
}

export function insertRow(ctx: StoreContext, table: string, columns: Record<string, unknown>): number {
  const names = Object.keys(columns).filter((name) => columns[name] !== undefined);
  const sql = `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`;
  const result = ctx.statement(sql).run(...names.map((name) => columns[name]));
  return Number(result.lastInsertRowid);
}
