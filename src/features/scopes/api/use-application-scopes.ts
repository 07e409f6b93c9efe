import type { Scope } from '@/lib/read/scope';
import { errorsInPlace } from '@/lib/query-client';
import { useQueries, useQuery } from '@tanstack/react-query';

import { scopeQueries } from './queries';

/**
 * The scopes of an application (but deleted ones) with `active_deployment` and `in_progress_deployment` filled in.
 * The local platform returns them on lists; nullplatform only on GET /scope/:id (reference §1.3), so scopes that lack
 * them are read one by one.
 */
export function useApplicationScopes(applicationId: number) {
  const list = useQuery(scopeQueries.ofApplication(applicationId));
  // A deleted scope serves nothing and takes no deployment: the pages that list scopes leave it out.
  const live = list.data?.results.filter((scope) => scope.status !== 'deleted');
  const partial = (live ?? []).filter((scope) => scope.active_deployment === undefined);
  const details = useQueries({
    queries: partial.map((scope) => errorsInPlace(scopeQueries.detail(scope.id))),
  });
  const detailById = new Map<number, Scope>();
  for (const detail of details) if (detail.data) detailById.set(detail.data.id, detail.data);
  const scopes = live?.map((scope) => detailById.get(scope.id) ?? scope);
  return {
    list,
    scopes,
    /** True while the list or any scope detail it depends on is still loading. */
    isPending: list.isPending || details.some((detail) => detail.isPending),
  };
}
