import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { NavLink } from 'react-router-dom';

import { StatusBadge } from '@/components/ui/badge';
import { ErrorState } from '@/components/ui/error-state';
import { ExternalLink } from '@/components/ui/external-link';
import { focusRing } from '@/components/ui/focus-ring';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { cn } from '@/lib/cn';
import { paths } from '@/lib/paths';

import { applicationQueries } from '../api/queries';

export type ApplicationSection = 'overview' | 'builds' | 'releases' | 'deployments' | 'scopes';

const sections: { key: ApplicationSection; label: string; href: (id: number) => string }[] = [
  { key: 'overview', label: 'Overview', href: (id) => paths.application.getHref(id) },
  { key: 'builds', label: 'Builds', href: (id) => paths.builds.getHref(id) },
  { key: 'releases', label: 'Releases', href: (id) => paths.releases.getHref(id) },
  { key: 'deployments', label: 'Deployments', href: (id) => paths.deployments.getHref(id) },
  { key: 'scopes', label: 'Scopes', href: (id) => paths.scopes.getHref(id) },
];

export type ApplicationHeaderProps = {
  applicationId: number;
  section: ApplicationSection;
  title?: string;
  /** The section's content: left out when the application cannot be read (no empty list under an error). */
  children?: ReactNode;
};

/** The application's name, status and repository, and the links to its builds, releases, deployments and scopes. */
export function ApplicationHeader({ applicationId, section, title, children }: ApplicationHeaderProps) {
  const query = useQuery(applicationQueries.detail(applicationId));
  const current = sections.find((item) => item.key === section);
  const name = query.data?.name;

  const pageTitle = (
    <title>{`${[section === 'overview' ? undefined : current?.label, name ?? 'Application'].filter(Boolean).join(' · ')} · np-console`}</title>
  );
  if (query.isError && !query.data) {
    return (
      <>
        {pageTitle}
        <ErrorState
          error={query.error}
          title={`Couldn't load application #${applicationId}`}
          className="mb-6"
          onRetry={() => void query.refetch()}
          back={{ href: paths.home.getHref(), label: 'Back to applications' }}
        />
      </>
    );
  }
  return (
    <>
      {pageTitle}
      <PageHeader
        title={title ?? (section === 'overview' ? (name ?? <Skeleton className="h-7 w-48" />) : current?.label)}
        meta={
          query.data && (
            <>
              {section !== 'overview' && (
                <span className="font-medium text-slate-800 dark:text-slate-200">{query.data.name}</span>
              )}
              <StatusBadge status={query.data.status} />
              {query.data.repository_url && (
                <ExternalLink href={query.data.repository_url}>
                  {query.data.repository_url.replace(/^https?:\/\//, '')}
                </ExternalLink>
              )}
            </>
          )
        }
      />
      <nav aria-label="Application" className="-mt-2 mb-6 border-b border-slate-200 dark:border-slate-700">
        <ul className="flex flex-wrap gap-1">
          {sections.map((item) => (
            <li key={item.key}>
              <NavLink
                to={item.href(applicationId)}
                end
                aria-current={item.key === section ? 'page' : undefined}
                className={cn(
                  '-mb-px inline-block rounded-t border-b-2 px-3 py-2 text-sm font-medium',
                  item.key === section
                    ? 'border-sky-600 text-sky-800 dark:border-sky-400 dark:text-sky-300'
                    : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100',
                  focusRing,
                )}
              >
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </>
  );
}
