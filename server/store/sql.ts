/**
 * Small helpers shared by the repositories: JSON columns, slugs, and the paged list query.
 */
import type { SortDirection } from '../../contract/common';
import type { StoreContext } from './context';

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
  /** `[value, column]` pairs; undefined values are ignored. */
  filters: ReadonlyArray<readonly [FilterValue, string]>;
  /** The column to sort by; `id` breaks ties in the same direction so paging is stable. */
  sortColumn: string;
  direction: SortDirection;
  limit: number;
  offset: number;
};

export type ListSql = { idsSql: string; countSql: string; params: (string | number)[]; pageParams: (string | number)[] };

export function listSql(spec: ListSpec): ListSql {
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
  const order = spec.sortColumn === 'id' ? `id ${direction}` : `${spec.sortColumn} ${direction}, id ${direction}`;
  return {
    // Paging walks an index that holds the filter and sort columns and the id only; whole rows are read for the
    // page alone, by primary key.
    idsSql: `SELECT id FROM ${spec.table}${where} ORDER BY ${order} LIMIT ? OFFSET ?`,
    countSql: `SELECT COUNT(*) AS total FROM ${spec.table}${where}`,
    params,
    pageParams: [...params, spec.limit, spec.offset],
  };
}

/** Runs a list: the page's ids and the total from indexes, then the page's rows by primary key, in page order. */
export function runList<Row extends { id: number }>(ctx: StoreContext, spec: ListSpec): { rows: Row[]; total: number } {
  const sql = listSql(spec);
  const ids = (ctx.statement(sql.idsSql).all(...sql.pageParams) as { id: number }[]).map((row) => row.id);
  const { total } = ctx.statement(sql.countSql).get(...sql.params) as { total: number };
  return { rows: rowsByIds<Row>(ctx, spec.table, ids), total };
}

export function rowsByIds<Row extends { id: number }>(ctx: StoreContext, table: string, ids: readonly number[]): Row[] {
  if (ids.length === 0) return [];
  const rows = ctx.statement(`SELECT * FROM ${table} WHERE id IN (${ids.map(() => '?').join(', ')})`).all(...ids) as Row[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row === undefined ? [] : [row];
  });
}

/** The query plan SQLite picks for a list, one detail line per step (used by tests to prove lists use indexes). */
export function explainList(ctx: StoreContext, spec: ListSpec): { page: string[]; count: string[] } {
  const sql = listSql(spec);
  const plan = (query: string, params: (string | number)[]) =>
    (ctx.db.prepare(`EXPLAIN QUERY PLAN ${query}`).all(...params) as { detail: string }[]).map((row) => row.detail);
  return { page: plan(sql.idsSql, sql.pageParams), count: plan(sql.countSql, sql.params) };
}

/** The SET part of an UPDATE from the columns that really change; undefined when nothing changes. */
export function changedColumns(current: Record<string, unknown>, next: Record<string, unknown>): Record<string, unknown> | undefined {
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
