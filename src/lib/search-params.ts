/**
 * Filters and paging live in the URL so that every view is a deep link. These helpers read them defensively (a
 * hand-edited URL never crashes a page) and write them back.
 */
import { MAX_REQUEST_LIMIT } from './api-queries';

/**
 * The page size a list shows unless the URL says: the platform's default page (contract/common.ts
 * DEFAULT_PAGE_LIMIT, checked equal in helpers.test.ts). Not imported from there, because that module builds zod
 * schemas as it loads and would bring them all into the first page.
 */
export const DEFAULT_PAGE_LIMIT = 30;

export type Paging = { limit: number; offset: number };

function readInt(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  return Number(value);
}

export function readPaging(params: URLSearchParams, defaultLimit: number = DEFAULT_PAGE_LIMIT): Paging {
  const limit = readInt(params.get('limit'));
  const offset = readInt(params.get('offset'));
  return {
    limit: limit !== undefined && limit >= 1 ? Math.min(limit, MAX_REQUEST_LIMIT) : defaultLimit,
    offset: offset ?? 0,
  };
}

/** The value of `key` when it is one of `values`, else undefined. */
export function readEnum<const Value extends string>(
  params: URLSearchParams,
  key: string,
  values: readonly Value[],
): Value | undefined {
  const raw = params.get(key);
  return raw !== null && (values as readonly string[]).includes(raw) ? (raw as Value) : undefined;
}

/** A positive integer id (e.g. `namespace_id`), else undefined. */
export function readId(params: URLSearchParams, key: string): number | undefined {
  const raw = params.get(key);
  return raw !== null && /^[1-9]\d*$/.test(raw) ? Number(raw) : undefined;
}

export function readText(params: URLSearchParams, key: string): string | undefined {
  const raw = params.get(key)?.trim();
  return raw ? raw : undefined;
}

/**
 * A copy of `params` with `changes` applied: empty values are removed. Changing any filter other than the paging
 * goes back to the first page.
 */
export function withChanges(
  params: URLSearchParams,
  changes: Record<string, string | number | undefined>,
): URLSearchParams {
  const next = new URLSearchParams(params);
  let filterChanged = false;
  for (const [key, value] of Object.entries(changes)) {
    if (key !== 'offset' && key !== 'limit') filterChanged = true;
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, String(value));
  }
  if (filterChanged && !('offset' in changes)) next.delete('offset');
  if (next.get('offset') === '0') next.delete('offset');
  return next;
}
