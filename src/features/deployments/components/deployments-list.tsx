import { deploymentStatuses } from '@contract/deployment-lifecycle';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';

import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { SelectField } from '@/components/ui/field';
import { FilterBar } from '@/components/ui/filter-bar';
import { Pagination } from '@/components/ui/pagination';
import { PageSpinner } from '@/components/ui/spinner';
import { humanize } from '@/lib/format';
import { withChanges } from '@/lib/search-params';

import { deploymentListFilters, deploymentQueries } from '../api/queries';
import { DeploymentsTable } from './deployments-table';

const statusOptions = [
  { value: '', label: 'All statuses' },
  ...deploymentStatuses.map((status) => ({ value: status, label: humanize(status) })),
];

export type DeploymentsListProps = {
  /** Whose deployments: an application's or a scope's. */
  filter: { application_id: number } | { scope_id: number };
  /** The same page without filters, for "Clear filters". */
  clearHref: string;
  renderRelease: (releaseId: number) => ReactNode;
  renderScope?: (scopeId: number) => ReactNode;
  caption?: string;
};

/** Deployments, newest first, paged on the server; the status filter and the page are in the URL. */
export function DeploymentsList({ filter, clearHref, renderRelease, renderScope, caption }: DeploymentsListProps) {
  const [params, setParams] = useSearchParams();
  const filters = deploymentListFilters(filter, params);
  const status = filters.status;
  const query = useQuery(deploymentQueries.list(filters));

  return (
    <>
      <FilterBar active={Boolean(status)} clearHref={clearHref}>
        <SelectField
          label="Status"
          options={statusOptions}
          value={status ?? ''}
          onChange={(event) => setParams(withChanges(params, { status: event.target.value }))}
        />
      </FilterBar>
      {query.isPending ? (
        <PageSpinner label="Loading deployments…" />
      ) : query.data === undefined ? (
        <ErrorState error={query.error} title="Couldn't load the deployments" onRetry={() => void query.refetch()} />
      ) : query.data.results.length === 0 ? (
        <EmptyState title={status ? `No ${humanize(status)} deployments` : 'No deployments yet'}>
          {status ? 'Try another status.' : 'Deploy a release from the Releases page.'}
        </EmptyState>
      ) : (
        <>
          <DeploymentsTable
            deployments={query.data.results}
            busy={query.isPlaceholderData}
            renderRelease={renderRelease}
            renderScope={renderScope}
            caption={caption}
          />
          <Pagination paging={query.data.paging} count={query.data.results.length} label="Deployments pages" />
        </>
      )}
    </>
  );
}
