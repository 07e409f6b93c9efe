import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { SelectField } from '@/components/ui/field';
import { SectionHeading } from '@/components/ui/page-header';
import { Spinner } from '@/components/ui/spinner';
import { consoleInfoQuery } from '@/lib/console-info';

import { type ActivityFilters, activityQueries } from '../api/queries';
import { actionChoices, actionLabels } from '../describe';
import { ActivityList } from './activity-list';

/** Whose feed: one application, scope or deployment. */
export type ActivityScope = Pick<ActivityFilters, 'application_id' | 'scope_id' | 'deployment_id'>;

export type ActivityFeedProps = { of: ActivityScope; pageSize?: number };

/**
 * The local platform's audit trail of one application, scope or deployment: filter by actor and action, page newer
 * and older, and follow new entries live (the event stream refreshes the feed). In connected mode there is no feed
 * to read: nullplatform keeps its own audit, and the feed says so without asking the API.
 */
export function ActivityFeed({ of, pageSize = 10 }: ActivityFeedProps) {
  const info = useQuery(consoleInfoQuery);
  if (info.isPending) return <Spinner label="Loading activity…" />;
  if (info.data?.mode !== 'local') {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="activity-local-only">
        The activity feed is the local platform's own audit trail. Connected to nullplatform, who changed what is kept
        by nullplatform: deployments show its created_by and updated_by.
      </p>
    );
  }
  return <LocalActivityFeed of={of} pageSize={pageSize} />;
}

function LocalActivityFeed({ of, pageSize }: { of: ActivityScope; pageSize: number }) {
  const [actor, setActor] = useState('');
  const [action, setAction] = useState('');
  const [offset, setOffset] = useState(0);
  const filters: ActivityFilters = {
    ...of,
    limit: pageSize,
    offset,
    ...(actor ? { actor } : {}),
    ...(action ? { action } : {}),
  };
  const feed = useQuery(activityQueries.list(filters));
  const actors = useQuery({ ...activityQueries.actors(), throwOnError: false });

  const actorOptions = [
    { value: '', label: 'Everyone' },
    ...(actors.data?.results ?? [])
      .map((item) => ({ value: item.name ?? '', label: item.name ?? `#${item.id}` }))
      .filter((item) => item.value !== ''),
  ];
  const actionOptions = [
    { value: '', label: 'All actions' },
    ...actionChoices.map((value) => ({ value, label: actionLabels[value] })),
  ];
  const filtered = actor !== '' || action !== '';

  const paging = feed.data?.paging;
  const results = feed.data?.results ?? [];
  const first = paging && paging.total > 0 ? paging.offset + 1 : 0;
  const last = paging ? paging.offset + results.length : 0;

  return (
    <div className="space-y-3">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:max-w-2xl">
        <SelectField
          label="Who"
          options={actorOptions}
          value={actor}
          onChange={(event) => {
            setActor(event.target.value);
            setOffset(0);
          }}
        />
        <SelectField
          label="What"
          options={actionOptions}
          value={action}
          onChange={(event) => {
            setAction(event.target.value);
            setOffset(0);
          }}
        />
      </div>
      {feed.isPending ? (
        <Spinner label="Loading activity…" />
      ) : feed.data === undefined ? (
        <ErrorState error={feed.error} title="Couldn't load the activity" onRetry={() => void feed.refetch()} />
      ) : results.length === 0 ? (
        <EmptyState title={filtered ? 'Nothing matches these filters' : 'Nothing recorded yet'}>
          {filtered
            ? 'Choose everyone and all actions to see every entry.'
            : 'Every change made here is listed, newest first, as it happens.'}
        </EmptyState>
      ) : (
        <div
          aria-busy={feed.isPlaceholderData || undefined}
          className={feed.isPlaceholderData ? 'opacity-60' : undefined}
        >
          <ActivityList entries={results} />
        </div>
      )}
      {paging && paging.total > paging.limit && (
        <nav aria-label="Activity pages" className="flex flex-wrap items-center justify-between gap-2 text-sm">
          <p className="text-slate-600 dark:text-slate-400">
            Showing {first}–{last} of {paging.total}
          </p>
          {/* At either end a button stays focusable (aria-disabled, does nothing): disabled, it would drop the focus. */}
          <div className="flex gap-2">
            <Button
              variant="secondary"
              size="sm"
              aria-disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - pageSize))}
            >
              Newer
            </Button>
            <Button
              variant="secondary"
              size="sm"
              aria-disabled={offset + pageSize >= paging.total}
              onClick={() => setOffset(offset + pageSize)}
            >
              Older
            </Button>
          </div>
        </nav>
      )}
    </div>
  );
}

/** The feed as a page section, with its heading. */
export function ActivitySection({ of, title = 'Activity' }: ActivityFeedProps & { title?: string }) {
  return (
    <section aria-labelledby="activity-heading" className="mt-8">
      <SectionHeading id="activity-heading">{title}</SectionHeading>
      <ActivityFeed of={of} />
    </section>
  );
}
