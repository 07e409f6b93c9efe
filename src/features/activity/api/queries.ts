import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { consolePaths } from '@contract/console-paths';

import { apiGet, toSearch } from '@/lib/api-client';
import { activityEntryReader, actorListReader } from '@/lib/read/activity';
import { listOf } from '@/lib/read/list';
import { resourceKeys } from '@/lib/resource-keys';

/** Which feed: one of application, scope or deployment, and the operator's filters. */
export type ActivityFilters = {
  application_id?: number;
  scope_id?: number;
  deployment_id?: number;
  actor?: string;
  action?: string;
  limit: number;
  offset: number;
};

const activityListReader = listOf(activityEntryReader);
const keys = resourceKeys.activity;

/**
 * The local platform's audit trail (GET /console/activity) and its actors (GET /console/actors). Every new entry
 * comes down the event stream as an `activity` change, which refreshes these lists: the feeds are live.
 */
export const activityQueries = {
  all: () => keys.all,
  /** Newest first. */
  list: (filters: ActivityFilters) =>
    queryOptions({
      queryKey: keys.list(filters),
      queryFn: ({ signal }) => apiGet(`${consolePaths.activity}${toSearch(filters)}`, activityListReader, { signal }),
      placeholderData: keepPreviousData,
    }),
  actors: () =>
    queryOptions({
      queryKey: keys.actors(),
      queryFn: ({ signal }) => apiGet(consolePaths.actors, actorListReader, { signal }),
    }),
};
