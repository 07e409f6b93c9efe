import { scopeQueries } from '@/features/scopes/api/queries';
import { consoleInfoQuery } from '@/lib/console-info';

import type { PageQueries } from './page-load';

/**
 * Starts the read of a scope's runtime where there is one: on the local platform only. Connected to nullplatform the
 * endpoint answers 404 by design, and the pages do not ask for it (useScopeRuntime); neither does a loader.
 */
export function startScopeRuntime(queries: PageQueries, scopeId: number): void {
  void queries.read(consoleInfoQuery).then((info) => {
    if (info?.mode === 'local') queries.start(scopeQueries.runtime(scopeId));
  });
}
