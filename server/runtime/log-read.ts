/**
 * A page of a deployment's log, from its rings or its files: the lines after `since` (oldest first, at most `limit`),
 * or without `since` the last `limit` lines; `next` is the cursor that continues after the page.
 */
import { instanceFiles, lastSeqIn, readEntriesAfter, readLastEntries } from './log-file-read';
import type { LogEntry } from './log-ring';

export type LogReadQuery = { instance?: number | undefined; since?: number | undefined; limit: number };

export type LogRead = {
  /** The instances the source has lines of (or runs). */
  instances: number[];
  results: LogEntry[];
  next: number;
  hasMore: boolean;
};

/**
 * `entries`: every candidate, sorted by seq, already filtered by instance. `latest`: the highest seq of the whole
 * deployment when they were read, so that a reader following one instance skips the others' lines for good.
 */
export function pageOf(
  entries: readonly LogEntry[],
  query: LogReadQuery,
  latest: number,
  instances: number[],
): LogRead {
  const { since, limit } = query;
  const after = since === undefined ? entries : entries.filter((entry) => entry.seq > since);
  const hasMore = since !== undefined && after.length > limit;
  const results = since === undefined ? after.slice(-limit) : after.slice(0, limit);
  const last = results.at(-1)?.seq ?? 0;
  const next = hasMore ? last : Math.max(last, since ?? 0, latest);
  return { instances, results, next, hasMore };
}

/** A page read from a deployment's folder alone: a deployment that no longer runs, or lines older than the rings. */
export async function readLogFiles(dir: string, query: LogReadQuery): Promise<LogRead> {
  // Taken first: every line up to here is in the files now, so `next` may skip to it.
  const latest = lastSeqIn(dir);
  const files = instanceFiles(dir);
  const indexes = query.instance === undefined ? [...files.keys()] : [query.instance];
  const perInstance = await Promise.all(
    indexes.map((index) => {
      const list = files.get(index) ?? [];
      return query.since === undefined
        ? readLastEntries(list, index, query.limit)
        : readEntriesAfter(list, index, query.since, query.limit + 1);
    }),
  );
  const bySeq = new Map<number, LogEntry>();
  for (const entry of perInstance.flat()) bySeq.set(entry.seq, entry);
  const entries = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  return pageOf(
    entries,
    query,
    latest,
    [...files.keys()].sort((a, b) => a - b),
  );
}
