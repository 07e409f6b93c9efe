import { buildStatuses } from '@contract/build-status';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';

import { StatusBadge } from '@/components/ui/badge';
import { FieldValue } from '@/components/ui/field-value';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { SelectField } from '@/components/ui/field';
import { FilterBar } from '@/components/ui/filter-bar';
import { Pagination } from '@/components/ui/pagination';
import { RelativeTime } from '@/components/ui/relative-time';
import { SearchField } from '@/components/ui/search-field';
import { PageSpinner } from '@/components/ui/spinner';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { TextLink } from '@/components/ui/text-link';
import { humanize } from '@/lib/format';
import { paths } from '@/lib/paths';
import type { Build } from '@/lib/read/build';
import { withChanges } from '@/lib/search-params';

import { buildListFilters, buildQueries } from '../api/queries';
import { CommitLink } from './commit-link';

const statusOptions = [
  { value: '', label: 'All statuses' },
  ...buildStatuses.map((status) => ({ value: status, label: humanize(status) })),
];

export type BuildsListProps = {
  applicationId: number;
  /** The build's releases, or the way to create one (releases are another feature's: the page composes them). */
  renderReleases?: (build: Build) => ReactNode;
};

/** An application's builds, newest first, paged on the server; branch, status and page are in the URL. */
export function BuildsList({ applicationId, renderReleases }: BuildsListProps) {
  const [params, setParams] = useSearchParams();
  const filters = buildListFilters(applicationId, params);
  const { branch, status } = filters;
  const query = useQuery(buildQueries.list(filters));
  const filtered = Boolean(branch || status);
  const update = (changes: Record<string, string | undefined>) => setParams(withChanges(params, changes));

  return (
    <>
      <FilterBar active={filtered} clearHref={paths.builds.getHref(applicationId)}>
        <SearchField
          label="Branch"
          value={branch ?? ''}
          onCommit={(value) => update({ branch: value })}
          placeholder="main"
        />
        <SelectField
          label="Status"
          options={statusOptions}
          value={status ?? ''}
          onChange={(event) => update({ status: event.target.value })}
        />
      </FilterBar>
      {query.isPending ? (
        <PageSpinner label="Loading builds…" />
      ) : query.data === undefined ? (
        <ErrorState error={query.error} title="Couldn't load the builds" onRetry={() => void query.refetch()} />
      ) : query.data.results.length === 0 ? (
        <EmptyState title={filtered ? 'No builds match these filters' : 'No builds yet'}>
          {filtered ? 'Try another branch or status.' : 'Builds are reported by CI (np build start / np build update).'}
        </EmptyState>
      ) : (
        <>
          <Table caption="Builds" busy={query.isPlaceholderData}>
            <THead>
              <TR>
                <TH>Build</TH>
                <TH>Status</TH>
                <TH>Branch</TH>
                <TH>Commit</TH>
                <TH>Description</TH>
                <TH>Age</TH>
                {renderReleases && <TH>Releases</TH>}
              </TR>
            </THead>
            <TBody>
              {query.data.results.map((build) => (
                <TR key={build.id}>
                  <TD>
                    <TextLink to={paths.build.getHref(build.id)}>#{build.id}</TextLink>
                  </TD>
                  <TD>
                    <StatusBadge status={build.status} />
                  </TD>
                  <TD className="font-mono text-xs">
                    <FieldValue entity={build} field="branch">
                      {build.branch}
                    </FieldValue>
                  </TD>
                  <TD>
                    <FieldValue entity={build} field="commit">
                      {build.commit !== undefined && <CommitLink commit={build.commit} />}
                    </FieldValue>
                  </TD>
                  <TD className="max-w-sm truncate" title={build.description ?? undefined}>
                    <FieldValue entity={build} field="description">
                      {build.description}
                    </FieldValue>
                  </TD>
                  <TD>
                    <RelativeTime value={build.created_at} />
                  </TD>
                  {renderReleases && <TD>{renderReleases(build)}</TD>}
                </TR>
              ))}
            </TBody>
          </Table>
          <Pagination paging={query.data.paging} count={query.data.results.length} label="Builds pages" />
        </>
      )}
    </>
  );
}
