import { queryOptions } from '@tanstack/react-query';
import { consolePaths } from '@contract/console-paths';

import { apiGet, toSearch } from '@/lib/api-client';
import { releaseDiffReader } from '@/lib/read/release-diff';

/**
 * GET /console/release-diff (local platform): the commits between two releases. Keyed under `release`, so that a
 * change of a release (or a new one) reads it again; git's answer for two fixed commits does not change otherwise.
 */
export const releaseDiffQueries = {
  between: (fromReleaseId: number, toReleaseId: number) =>
    queryOptions({
      queryKey: ['release', 'diff', fromReleaseId, toReleaseId] as const,
      queryFn: ({ signal }) =>
        apiGet(
          `${consolePaths.releaseDiff}${toSearch({ from_release_id: fromReleaseId, to_release_id: toReleaseId })}`,
          releaseDiffReader,
          { signal },
        ),
      staleTime: 5 * 60_000,
    }),
};
