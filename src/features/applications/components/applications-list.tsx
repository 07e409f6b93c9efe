import { applicationStatuses } from '@contract/application-status';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';

import { StatusBadge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { ExternalLink } from '@/components/ui/external-link';
import { FieldValue } from '@/components/ui/field-value';
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
import { displayName } from '@/lib/read/display';
import { readEnum, readPaging, readText, withChanges } from '@/lib/search-params';

import { applicationPage, applicationQueries } from '../api/queries';

const statusOptions = [
  { value: '', label: 'All statuses' },
  ...applicationStatuses.map((status) => ({ value: status, label: humanize(status) })),
];

export type ApplicationsListProps = {
  /** Only the applications of this namespace (all of them when undefined). */
  namespaceId?: number | undefined;
  /** False while the namespace is still being chosen: nothing is listed yet. */
  enabled?: boolean;
  /** Rendered first in the filter bar: the namespace picker. */
  namespaceFilter?: ReactNode;
  /** The namespace is where the user works rather than a filter: "Clear filters" keeps it. */
  keepNamespace?: boolean;
};

/** Applications with a name search and a status filter, both in the URL; optionally those of one namespace. */
export function ApplicationsList({
  namespaceId,
  enabled = true,
  namespaceFilter,
  keepNamespace = false,
}: ApplicationsListProps) {
  const [params, setParams] = useSearchParams();
  const name = readText(params, 'name');
  const status = readEnum(params, 'status', applicationStatuses);
  const paging = readPaging(params);
  const query = useQuery({
    ...applicationQueries.ofNamespace(namespaceId),
    select: (all) => applicationPage(all, { name, status, ...paging }),
    placeholderData: keepPreviousData,
    enabled,
  });
  const filtered = Boolean(name || status || (!keepNamespace && namespaceId !== undefined));
  const clearHref = paths.home.getHref(
    keepNamespace ? { account_id: params.get('account_id'), namespace_id: namespaceId } : undefined,
  );

  const update = (changes: Record<string, string | undefined>) => setParams(withChanges(params, changes));

  return (
    <>
      <FilterBar active={filtered} clearHref={clearHref}>
        {namespaceFilter}
        <SearchField
          label="Search by name"
          value={name ?? ''}
          onCommit={(value) => update({ name: value })}
          slashShortcut
        />
        <SelectField
          label="Status"
          options={statusOptions}
          value={status ?? ''}
          onChange={(event) => update({ status: event.target.value })}
        />
      </FilterBar>
      {query.isPending ? (
        <PageSpinner label="Loading applications…" />
      ) : query.data === undefined ? (
        <ErrorState error={query.error} title="Couldn't load the applications" onRetry={() => void query.refetch()} />
      ) : query.data.results.length === 0 ? (
        filtered ? (
          <EmptyState title="No applications match these filters">Try another name or status.</EmptyState>
        ) : (
          <EmptyState title="No applications yet">
            Create one with <code className="font-mono">np application create</code> or the API.
          </EmptyState>
        )
      ) : (
        <>
          <Table caption="Applications" busy={query.isPlaceholderData}>
            <THead>
              <TR>
                <TH>Name</TH>
                <TH>Status</TH>
                <TH>Repository</TH>
                <TH>Created</TH>
              </TR>
            </THead>
            <TBody>
              {query.data.results.map((application) => (
                <TR key={application.id}>
                  <TD>
                    <TextLink to={paths.application.getHref(application.id)}>
                      {displayName(application, 'Application')}
                    </TextLink>
                    <div className="text-xs text-slate-500 dark:text-slate-400">{application.slug}</div>
                  </TD>
                  <TD>
                    <StatusBadge status={application.status} />
                  </TD>
                  <TD className="max-w-xs truncate">
                    <FieldValue entity={application} field="repository_url">
                      {application.repository_url && (
                        <ExternalLink href={application.repository_url}>
                          {application.repository_url.replace(/^https?:\/\//, '')}
                        </ExternalLink>
                      )}
                    </FieldValue>
                  </TD>
                  <TD>
                    <FieldValue entity={application} field="created_at">
                      {application.created_at !== undefined && <RelativeTime value={application.created_at} />}
                    </FieldValue>
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
          <Pagination paging={query.data.paging} count={query.data.results.length} label="Applications pages" />
        </>
      )}
    </>
  );
}
