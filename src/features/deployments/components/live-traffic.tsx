import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';

import { ErrorDetails } from '@/components/ui/error-state';
import { SectionHeading } from '@/components/ui/page-header';
import { Spinner } from '@/components/ui/spinner';
import { consoleInfoQuery, readsLocalPlatform } from '@/lib/console-info';

import { isMissingEndpoint, scopeTrafficQuery } from '../api/scope-traffic';
import type { SeriesLabels } from '../traffic-series';

// The chart is its own chunk: the page shows without it and it arrives with the first counters.
const TrafficChart = lazy(() => import('./traffic-chart').then((module) => ({ default: module.TrafficChart })));

export type LiveTrafficProps = {
  scopeId: number;
  /** Deployment id → release semver, for the legend and the summary. */
  labels: SeriesLabels;
  deploymentId: number;
  /** The deployment this one replaces (blue/green). */
  previousDeploymentId: number | undefined;
};

/**
 * Requests per deployment at the scope's address, live (the console proxy's counters, read every second while the
 * tab is visible). Renders nothing where the platform has no such counters (connected mode, or a 404).
 */
export function LiveTraffic({ scopeId, labels, deploymentId, previousDeploymentId }: LiveTrafficProps) {
  const info = useQuery(consoleInfoQuery);
  const query = useQuery({ ...scopeTrafficQuery(scopeId), enabled: readsLocalPlatform(info) });
  // Connected, nullplatform keeps no such counters for the console: nothing is asked, nothing is shown.
  if (info.data?.mode === 'connected' || isMissingEndpoint(query.error)) return null;
  return (
    <section
      aria-labelledby="live-traffic-heading"
      className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
    >
      <SectionHeading id="live-traffic-heading">
        Requests at {query.data?.address ?? 'the scope’s address'}
      </SectionHeading>
      {query.data ? (
        <Suspense fallback={<Spinner label="Loading the chart…" />}>
          <TrafficChart
            traffic={query.data}
            labels={labels}
            newId={String(deploymentId)}
            oldId={previousDeploymentId === undefined ? undefined : String(previousDeploymentId)}
          />
        </Suspense>
      ) : query.isError ? (
        <div className="text-sm text-red-800 dark:text-red-300" role="alert">
          <p className="font-medium">The request counters could not be read.</p>
          <ErrorDetails error={query.error} />
        </div>
      ) : (
        <Spinner label="Reading the request counters…" />
      )}
      {query.data && query.isError && (
        <p className="mt-2 text-xs text-amber-800 dark:text-amber-300">
          The last refresh failed; the chart shows the last counters read.
        </p>
      )}
    </section>
  );
}
