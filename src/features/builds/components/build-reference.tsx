import { useQuery } from '@tanstack/react-query';

import { TextLink } from '@/components/ui/text-link';
import { paths } from '@/lib/paths';
import { errorsInPlace } from '@/lib/query-client';

import { buildQueries } from '../api/queries';
import { CommitLink } from './commit-link';

/** "#12 · a1b2c3d · main": a build, its commit and branch, for tables of releases and deployments. */
export function BuildReference({ buildId }: { buildId: number }) {
  const query = useQuery(errorsInPlace(buildQueries.detail(buildId)));
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
      <TextLink to={paths.build.getHref(buildId)}>#{buildId}</TextLink>
      {query.data && (
        <>
          <CommitLink commit={query.data.commit} />
          {query.data.branch && (
            <span className="font-mono text-xs text-slate-500 dark:text-slate-400">{query.data.branch}</span>
          )}
        </>
      )}
    </span>
  );
}
