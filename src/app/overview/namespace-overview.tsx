/**
 * The home page's answer to "what is running where, and what needs me": every scope of every application of the
 * namespace with the release it serves, what is in flight, and what needs attention. Loaded lazily (React.lazy from
 * the applications route), so none of it weighs on the first page's budget.
 */
import { useQuery } from '@tanstack/react-query';

import { SectionHeading } from '@/components/ui/page-header';
import { Spinner } from '@/components/ui/spinner';
import { Table, TH, THead, TR } from '@/components/ui/table';
import { applicationQueries } from '@/features/applications/api/queries';
import { useNow } from '@/features/deployments/hooks/use-now';
import { errorsInPlace } from '@/lib/query-client';

import { ApplicationAttention, ApplicationScopeRows } from './application-scope-rows';

/** Each application costs a few reads (its scopes, its deployments): the overview covers the first ones by name. */
export const OVERVIEW_MAX_APPLICATIONS = 25;
/** Countdowns (time left to auto-finalize, time waiting) move at this pace; the data itself is live. */
const CLOCK_MS = 5_000;

export type NamespaceOverviewProps = { namespaceId: number | undefined; enabled: boolean };

export default function NamespaceOverview({ namespaceId, enabled }: NamespaceOverviewProps) {
  const query = useQuery(errorsInPlace({ ...applicationQueries.ofNamespace(namespaceId), enabled }));
  const now = useNow(CLOCK_MS);
  if (!enabled || query.isPending) return <Spinner label="Reading what runs where…" />;
  // The applications list below shows the error with its retry; the overview only has nothing to say.
  if (!query.data) return null;
  const applications = [...query.data.results]
    .filter((application) => application.status !== 'deleted')
    .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '') || a.id - b.id)
    .slice(0, OVERVIEW_MAX_APPLICATIONS);
  if (applications.length === 0) return null;
  return (
    <div className="mb-8 space-y-6">
      <section aria-labelledby="needs-you">
        <SectionHeading id="needs-you">Needs you</SectionHeading>
        <ul className="peer space-y-2" aria-labelledby="needs-you">
          {applications.map((application) => (
            <ApplicationAttention key={application.id} application={application} now={now} />
          ))}
        </ul>
        <p className="hidden text-sm text-slate-600 peer-empty:block dark:text-slate-400">
          Nothing needs you now: no recent failure, nothing stuck, nothing about to expire.
        </p>
      </section>
      <section aria-labelledby="runs-where">
        <SectionHeading id="runs-where">What runs where</SectionHeading>
        <Table caption="What runs where: every scope of every application">
          <THead>
            <TR>
              <TH>Scope</TH>
              <TH>Serving</TH>
              <TH>In flight</TH>
              <TH>Needs attention</TH>
            </TR>
          </THead>
          {applications.map((application) => (
            <ApplicationScopeRows key={application.id} application={application} now={now} />
          ))}
        </Table>
        {query.data.results.length > applications.length && (
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
            Showing the first {applications.length} applications by name; open an application for the others.
          </p>
        )}
      </section>
    </div>
  );
}
