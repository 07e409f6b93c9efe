/**
 * Every list the SPA asks the API for, and the only query parameters it sends: the ones nullplatform documents for
 * that resource. In connected mode an undocumented filter is a risk (nullplatform's agent docs report 403
 * "Insufficient permissions" for unsupported filters), so whatever else a page needs — a name search, a sort by
 * name — it does on what came back. The local platform accepts a superset; the SPA asks both the same way.
 *
 * Sources (reference = ../shared/reference/nullplatform-api.md):
 * - paging `limit`/`offset`, `sort=<field>:asc|desc` with `created_at:desc` as the example: reference §1.3 (docs
 *   "API getting started"). Only `created_at` is sorted on by the SPA: no other sort field is documented.
 * - page size ≤ 100: nullplatform's own workflows say the API "typically caps at 100" (reference §1.3, §11.8); the
 *   CLI says 200. The lower one is used.
 * - account: `organization_id` (terraform provider nrn.go `GetAccountBySlug`; ai-plugins np-api discovery chain).
 * - namespace: `account_id` (terraform provider nrn.go `GetNamespaceBySlug`; reference §8b).
 * - application: `namespace_id`, `status` (reference §2).
 * - build: `application_id`, `status`, `branch` (reference §3, CLI flags).
 * - release: `application_id`, `build_id` (reference §5).
 * - scope: `application_id`, `status`, `type` (reference §6.6).
 * - deployment: `scope_id`, `application_id`, `status`, `status_in_scope`, `include_messages` (reference §7.4, §7.7).
 */
import { apiGet, apiPath, type QueryValue } from './api-client';
import { listOf, type List } from './read/list';
import type { z } from 'zod/mini';

/** The largest page the SPA asks for. */
export const MAX_REQUEST_LIMIT = 100;

/** Paging and sorting, which every list takes. */
type PagingParam = 'limit' | 'offset' | 'sort';

export const documentedListParams = {
  account: ['organization_id'],
  namespace: ['account_id'],
  application: ['namespace_id', 'status'],
  build: ['application_id', 'status', 'branch'],
  release: ['application_id', 'build_id'],
  scope: ['application_id', 'status', 'type'],
  deployment: ['scope_id', 'application_id', 'status', 'status_in_scope', 'include_messages'],
} as const;

export type ListResource = keyof typeof documentedListParams;
type ParamName<R extends ListResource> = (typeof documentedListParams)[R][number] | PagingParam;
export type ListParams<R extends ListResource> = Partial<Record<ParamName<R>, QueryValue>>;

/** The one sort the SPA asks the API for: newest first. */
export const NEWEST_FIRST = 'created_at:desc';

/** `/api/<resource>?…` with only documented parameters (the type says which) and a page no larger than the cap. */
export function listPath<R extends ListResource>(resource: R, params: ListParams<R>): string {
  const limit = typeof params.limit === 'number' ? Math.min(params.limit, MAX_REQUEST_LIMIT) : params.limit;
  return apiPath(`/${resource}`, { ...params, limit });
}

/** How many items `listAll` reads at most: beyond this a page says it shows the first ones only. */
export const LIST_ALL_CAP = 1_000;

/**
 * Every item of a list, page by page at the largest page size, up to `LIST_ALL_CAP`: for the lists a page filters or
 * sorts itself (applications of a namespace, scopes of an application, releases of an application).
 */
export async function listAll<R extends ListResource, Item extends z.ZodMiniType>(
  resource: R,
  params: ListParams<R>,
  item: Item,
  signal?: AbortSignal,
): Promise<List<z.output<Item>> & { truncated: boolean }> {
  const schema = listOf(item);
  const results: z.output<Item>[] = [];
  let total = 0;
  for (let offset = 0; offset < LIST_ALL_CAP; offset += MAX_REQUEST_LIMIT) {
    const page = await apiGet(listPath(resource, { ...params, limit: MAX_REQUEST_LIMIT, offset }), schema, { signal });
    results.push(...page.results);
    total = Math.max(page.paging.total, results.length);
    // An API that ignores `offset` would hand the same page again: a short page or a reached total ends it.
    if (page.results.length < MAX_REQUEST_LIMIT || results.length >= total) break;
  }
  return { results, paging: { total, offset: 0, limit: results.length }, truncated: total > results.length };
}
