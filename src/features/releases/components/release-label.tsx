import { useQuery } from '@tanstack/react-query';

import { Skeleton } from '@/components/ui/skeleton';
import { describeError } from '@/lib/api-client';
import { cn } from '@/lib/cn';
import { errorsInPlace } from '@/lib/query-client';

import { releaseQueries } from '../api/queries';

export type ReleaseLabelProps = { releaseId: number; className?: string };

/** A release's semver (read by id, cached): a skeleton while it loads, "release #id" when it cannot be read. */
export function ReleaseLabel({ releaseId, className }: ReleaseLabelProps) {
  const query = useQuery(errorsInPlace(releaseQueries.detail(releaseId)));
  if (query.data) return <span className={cn('font-mono font-medium', className)}>{query.data.semver}</span>;
  if (query.isPending) return <Skeleton className="w-12" />;
  return (
    <span
      className={cn('text-slate-500 dark:text-slate-400', className)}
      title={query.isError ? describeError(query.error) : undefined}
    >
      release #{releaseId}
    </span>
  );
}
