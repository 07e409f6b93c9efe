import { useQuery } from '@tanstack/react-query';

import { consoleInfoQuery } from '@/lib/console-info';

import { scopeQueries } from '../api/queries';

/**
 * A scope's instances and their last health check, read only on the local platform: connected to nullplatform the
 * console has no runtime of its own (GET /console/scope/:id/runtime answers 404 there by design), so it does not ask.
 * `mode` is undefined until /console/info is in (the runtime is not read meanwhile).
 */
export function useScopeRuntime(scopeId: number) {
  const info = useQuery(consoleInfoQuery);
  const mode = info.data?.mode;
  const runtime = useQuery({ ...scopeQueries.runtime(scopeId), enabled: mode === 'local' });
  return { mode, runtime };
}
