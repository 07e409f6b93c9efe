/**
 * The runtime of live updates, loaded after the first page (it brings every entity schema with it).
 *
 * Keeps the react-query cache in step with the platform.
 *
 * - Live events (local mode): the console server's /console/events stream sends one `change` event per entity change
 *   with the entity as GET /:resource/:id returns it. Each change patches the resource's detail query (when one is in
 *   the cache) and invalidates that resource's lists. Bursts are coalesced: changes arriving within BATCH_MS are
 *   applied together, the latest per entity, in one react-query batch (one render).
 * - Polling (connected mode, `live_events: false`): active queries are refetched every FAST_POLL_MS while any
 *   deployment in the cache is in flight and every SLOW_POLL_MS otherwise; while the API is unreachable (the trouble
 *   banner) it keeps retrying with a backoff (2 s, 4 s, … 30 s) and returns to its pace on the first success.
 * - Either way nothing runs while the tab is hidden; when it becomes visible again every active query is resynced.
 */
import type { ChangeEvent } from '@contract/console';
import { consolePaths, type ChangeResource } from '@contract/console-paths';
import { isInFlight } from '@contract/deployment-lifecycle';
import { notifyManager, type Query, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod/mini';

import { ApiError } from './api-client';
import { activityEntryReader } from './read/activity';
import { applicationReader } from './read/application';
import { assetReader } from './read/asset';
import { buildReader } from './read/build';
import { changeEventReader } from './read/console';
import { deploymentReader } from './read/deployment';
import { releaseReader } from './read/release';
import { scopeReader } from './read/scope';
import { changeResourceKeys, resourceKeys } from './resource-keys';
import { getTrouble, reportStreamDown, reportSuccess, subscribeTrouble } from './upstream-trouble';

import { BATCH_MS, FAST_POLL_MS, SLOW_POLL_MS } from './live-updates-timing';

/** Each entity is read as the pages read it, so a patched cache holds what a refetch would. */
const entitySchemas: Record<ChangeResource, z.ZodMiniType<Record<string, unknown>>> = {
  application: applicationReader,
  build: buildReader,
  asset: assetReader,
  release: releaseReader,
  scope: scopeReader,
  deployment: deploymentReader,
  activity: activityEntryReader,
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withoutMessages(entity: Record<string, unknown>): Record<string, unknown> {
  const { messages: _messages, ...rest } = entity;
  return rest;
}

function numberField(entity: Record<string, unknown> | null, field: string): number | undefined {
  const value = entity?.[field];
  return typeof value === 'number' ? value : undefined;
}

/** Applies a batch of changes (the latest per entity) to the cache. Exported for tests. */
export function applyChanges(queryClient: QueryClient, changes: readonly ChangeEvent[]): void {
  notifyManager.batch(() => {
    const listsToInvalidate = new Set<ChangeResource>();
    const extraKeys: (readonly unknown[])[] = [];
    for (const change of changes) {
      const keys = changeResourceKeys(change.resource);
      const detailKey = keys.detail(change.id);
      listsToInvalidate.add(change.resource);
      if (change.action === 'deleted') {
        queryClient.removeQueries({ queryKey: detailKey, exact: true });
      } else if (queryClient.getQueryState(detailKey)) {
        const parsed = change.entity ? entitySchemas[change.resource].safeParse(change.entity) : undefined;
        if (parsed?.success) {
          // Merge rather than replace: a detail query may hold fields the event leaves out (e.g. a deployment's
          // messages, which GET /deployment/:id returns only with include_messages=true).
          const patch = change.resource === 'deployment' ? withoutMessages(parsed.data) : parsed.data;
          queryClient.setQueryData<unknown>(detailKey, (old: unknown) =>
            isRecord(old) ? { ...old, ...patch } : patch,
          );
          // The event's deployment is read without its messages (the local platform sends `messages: []`), and most
          // changes add one: the detail is read again for them.
          if (change.resource === 'deployment')
            void queryClient.invalidateQueries({ queryKey: detailKey, exact: true });
        } else {
          // No entity, or one that fails its schema: let the query fetch (and report) it itself.
          void queryClient.invalidateQueries({ queryKey: detailKey, exact: true });
        }
      }
      // Entities that show up inside others: a build's assets, a scope's active/in-progress deployment and runtime.
      if (change.resource === 'asset') {
        const buildId = numberField(change.entity, 'build_id');
        extraKeys.push(buildId === undefined ? resourceKeys.build.details() : resourceKeys.build.detail(buildId));
      }
      if (change.resource === 'deployment') {
        const scopeId = numberField(change.entity, 'scope_id');
        if (scopeId !== undefined) {
          extraKeys.push(resourceKeys.scope.detail(scopeId), resourceKeys.scope.runtime(scopeId));
        }
        listsToInvalidate.add('scope');
      }
    }
    for (const resource of listsToInvalidate) {
      void queryClient.invalidateQueries({ queryKey: changeResourceKeys(resource).lists() });
    }
    for (const key of extraKeys) void queryClient.invalidateQueries({ queryKey: key });
  });
}

/** Whether the cache holds a deployment in flight (or a scope with one), to poll fast. */
export function hasDeploymentInFlight(queryClient: QueryClient): boolean {
  const statuses: unknown[] = [];
  for (const query of queryClient.getQueryCache().findAll({ queryKey: resourceKeys.deployment.all })) {
    const data = query.state.data;
    if (isRecord(data) && Array.isArray(data.results)) {
      for (const item of data.results) if (isRecord(item)) statuses.push(item.status);
    } else if (isRecord(data)) {
      statuses.push(data.status);
    }
  }
  if (statuses.some((status) => typeof status === 'string' && isInFlight(status))) return true;
  for (const query of queryClient.getQueryCache().findAll({ queryKey: resourceKeys.scope.details() })) {
    const data = query.state.data;
    if (isRecord(data) && typeof data.in_progress_deployment === 'number') return true;
  }
  return false;
}

function resyncActive(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ refetchType: 'active' });
}

function isHidden(): boolean {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden';
}

/** Subscribes to /console/events. Returns the function that stops everything. */
export function startEventStream(queryClient: QueryClient, url: string = consolePaths.events): () => void {
  if (typeof EventSource === 'undefined') return () => undefined;
  let source: EventSource | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const pending = new Map<string, ChangeEvent>();

  const flush = () => {
    timer = undefined;
    const changes = [...pending.values()];
    pending.clear();
    if (changes.length > 0) applyChanges(queryClient, changes);
  };

  const onChange = (event: MessageEvent<string>) => {
    let data: unknown;
    try {
      data = JSON.parse(event.data);
    } catch {
      return;
    }
    const parsed = changeEventReader.safeParse(data);
    if (!parsed.success) return;
    const change = parsed.data;
    const key = `${change.resource}:${change.id}`;
    // Keep the latest state of each entity; re-insert so the batch keeps arrival order.
    pending.delete(key);
    pending.set(key, change);
    timer ??= setTimeout(flush, BATCH_MS);
  };

  const open = () => {
    if (source) return;
    source = new EventSource(url);
    source.addEventListener('change', onChange);
    source.addEventListener('open', () => {
      // Whatever changed before the stream was open was missed: between a page's first reads and the first open (a
      // deployment can go from waiting to running in half a second), or while a dropped connection came back.
      resyncActive(queryClient);
      // The console server answers again; whether the API behind it does, the next request says.
      reportSuccess('console');
    });
    source.addEventListener('error', () => {
      // Without the stream nothing on the page updates: say so (the badge and every "just now" turn stale).
      reportStreamDown();
    });
  };

  const close = () => {
    source?.close();
    source = undefined;
    if (timer !== undefined) clearTimeout(timer);
    flush();
  };

  const onVisibility = () => {
    if (isHidden()) {
      close();
    } else {
      open();
      resyncActive(queryClient);
    }
  };

  if (!isHidden()) open();
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    document.removeEventListener('visibilitychange', onVisibility);
    close();
  };
}

/** Longest wait between two polls while the API is in trouble. */
export const MAX_TROUBLE_BACKOFF_MS = 30_000;

/** The wait before the next poll once `failedRounds` polls in a row met an unreachable API: 2 s, 4 s, 8 s, … 30 s. */
export function troubleBackoff(failedRounds: number): number {
  return Math.min(MAX_TROUBLE_BACKOFF_MS, FAST_POLL_MS * 2 ** Math.max(0, failedRounds));
}

/** A query that answered 404 (an endpoint the upstream does not have, a deleted entity) is not polled again. */
function isWorthPolling(query: Query): boolean {
  return !(query.state.error instanceof ApiError && query.state.error.isNotFound);
}

/**
 * Refetches active queries on a timer, fast while a deployment is in flight. While the API is in trouble (the
 * banner), it keeps polling with a backoff instead, and goes back to its pace as soon as a request succeeds.
 * Returns the stop function.
 */
export function startPolling(queryClient: QueryClient): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let polling = false;
  let stopped = false;
  let failedRounds = 0;

  const nextDelay = () => {
    if (getTrouble() !== null) return troubleBackoff(failedRounds);
    return hasDeploymentInFlight(queryClient) ? FAST_POLL_MS : SLOW_POLL_MS;
  };

  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (stopped || polling || isHidden()) return;
    timer = setTimeout(poll, nextDelay());
  };

  const poll = () => {
    timer = undefined;
    if (isHidden()) return;
    polling = true;
    const troubledBefore = getTrouble() !== null;
    void queryClient.refetchQueries({ type: 'active', predicate: isWorthPolling }).finally(() => {
      polling = false;
      // Back off only while it stays down: the round that first met the trouble retries after the shortest wait.
      failedRounds = getTrouble() !== null && troubledBefore ? failedRounds + 1 : 0;
      schedule();
    });
  };

  const onVisibility = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!isHidden()) {
      resyncActive(queryClient);
      schedule();
    }
  };

  // Trouble raised or cleared between two polls (by a page, a mutation or "Retry now"): change pace at once.
  let inTrouble = getTrouble() !== null;
  const unsubscribe = subscribeTrouble(() => {
    if (inTrouble === (getTrouble() !== null)) return;
    inTrouble = !inTrouble;
    failedRounds = 0;
    if (timer !== undefined) schedule();
  });

  schedule();
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    unsubscribe();
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
