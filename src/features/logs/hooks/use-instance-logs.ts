import { useEffect, useRef, useState } from 'react';

import { ApiError } from '@/lib/api-client';
import type { LogLine, LogPage } from '@/lib/read/logs';

import { fetchLogPage, PAGE_LINES, TAIL_LINES } from '../api/instance-logs';

/** How often a followed log asks for new lines. */
export const FOLLOW_INTERVAL_MS = 1_000;
/** How long after a failed read the next try comes. */
const RETRY_MS = 3_000;
/** Lines the browser keeps per log; older ones go (the data plane keeps more, in its files). */
export const KEPT_LINES = 5_000;

export type InstanceLogs = {
  lines: LogLine[];
  /** Every instance the platform has lines of, or runs. */
  instances: number[];
  /** Whether the first page came. */
  loaded: boolean;
  /** The last read's failure, until a read succeeds. */
  error: unknown;
  /** Lines dropped from the start to keep KEPT_LINES. */
  dropped: number;
};

const empty: InstanceLogs = { lines: [], instances: [], loaded: false, error: undefined, dropped: 0 };

function appended(state: InstanceLogs, page: LogPage): InstanceLogs {
  const lastSeq = state.lines.at(-1)?.seq ?? 0;
  const all = [...state.lines, ...page.results.filter((line) => line.seq > lastSeq)];
  const over = Math.max(0, all.length - KEPT_LINES);
  return {
    lines: over > 0 ? all.slice(over) : all,
    instances: page.instances,
    loaded: true,
    error: undefined,
    dropped: state.dropped + over,
  };
}

/**
 * One instance's log (or every instance's, `instance` undefined): its last lines first, then, while `following`,
 * whatever comes after them, by cursor. Paused, it asks for nothing; following again catches up from where it paused,
 * so no line is missed while the data plane still has it.
 */
export function useInstanceLogs(
  deploymentId: number,
  instance: number | undefined,
  following: boolean,
  enabled: boolean,
): InstanceLogs {
  const [state, setState] = useState<InstanceLogs>(empty);
  const cursor = useRef<number | undefined>(undefined);

  // Another log: start again from its end.
  useEffect(() => {
    cursor.current = undefined;
    setState(empty);
  }, [deploymentId, instance]);

  useEffect(() => {
    if (!enabled || (!following && cursor.current !== undefined)) return undefined;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = async () => {
      const since = cursor.current;
      // A tab in the background asks for nothing; it catches up when it is shown again.
      if (since !== undefined && document.visibilityState === 'hidden') {
        timer = setTimeout(() => void read(), FOLLOW_INTERVAL_MS);
        return;
      }
      try {
        const page = await fetchLogPage(
          deploymentId,
          since === undefined ? { instance, limit: TAIL_LINES } : { instance, since, limit: PAGE_LINES },
          controller.signal,
        );
        if (controller.signal.aborted) return;
        cursor.current = page.next;
        setState((current) => appended(current, page));
        if (following) timer = setTimeout(() => void read(), page.hasMore ? 0 : FOLLOW_INTERVAL_MS);
      } catch (error) {
        if (controller.signal.aborted) return;
        setState((current) => ({ ...current, error }));
        // A 4xx says this log cannot be read here (connected mode, an instance that does not exist): no retry.
        const refused = error instanceof ApiError && error.status < 500;
        if (!refused && (following || since === undefined)) timer = setTimeout(() => void read(), RETRY_MS);
      }
    };
    void read();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [deploymentId, instance, following, enabled]);

  return state;
}
