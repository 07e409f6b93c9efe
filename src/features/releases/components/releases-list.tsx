import type { Release } from '@/lib/read/release';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';

import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Pagination } from '@/components/ui/pagination';
import { PageSpinner } from '@/components/ui/spinner';

import { releaseListFilters, releaseQueries } from '../api/queries';
import { ReleasesTable } from './releases-table';

export type ReleasesListProps = {
  applicationId: number;
  /** Only the releases of this build. */
  buildId?: number;
  /** Read the page from the URL (the releases page) or show the first page only (a section of another page). */
  paged?: boolean;
  renderBuild?: (release: Release) => ReactNode;
  renderActions?: (release: Release) => ReactNode;
  renderPlacement?: (release: Release) => ReactNode;
  emptyText?: ReactNode;
};

/** An application's releases, newest first. */
export function ReleasesList({
  applicationId,
  buildId,
  paged = true,
  renderBuild,
  renderActions,
  renderPlacement,
  emptyText,
}: ReleasesListProps) {
  const [params] = useSearchParams();
  const query = useQuery(releaseQueries.list(releaseListFilters(applicationId, buildId, paged ? params : undefined)));

  if (query.isPending) return <PageSpinner label="Loading releases…" />;
  if (query.data === undefined)
    return <ErrorState error={query.error} title="Couldn't load the releases" onRetry={() => void query.refetch()} />;
  if (query.data.results.length === 0) {
    return <EmptyState title="No releases yet">{emptyText ?? 'Create a release from a successful build.'}</EmptyState>;
  }
  return (
    <>
      <ReleasesTable
        releases={query.data.results}
        busy={query.isPlaceholderData}
        renderBuild={renderBuild}
        renderActions={renderActions}
        renderPlacement={renderPlacement}
      />
      {paged && <Pagination paging={query.data.paging} count={query.data.results.length} label="Releases pages" />}
    </>
  );
}
