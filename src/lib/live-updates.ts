/**
 * Live updates: the react-query cache follows the platform, from the console server's event stream (local mode) or
 * by polling (connected mode). The machinery is in live-updates-runtime.ts, loaded after the first page.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

import { consoleInfoQuery } from './console-info';

export type LiveMode = 'events' | 'polling';

/**
 * Mount once, inside the QueryClientProvider. Uses the event stream when /console/info says it carries live changes,
 * polling otherwise (including when /console/info itself cannot be read).
 */
export function useLiveUpdates(): LiveMode | undefined {
  const queryClient = useQueryClient();
  const info = useQuery(consoleInfoQuery);
  const mode: LiveMode | undefined = info.data
    ? info.data.live_events
      ? 'events'
      : 'polling'
    : info.isError
      ? 'polling'
      : undefined;

  useEffect(() => {
    if (!mode) return undefined;
    let stop: (() => void) | undefined;
    let cancelled = false;
    void import('./live-updates-runtime').then((runtime) => {
      if (cancelled) return;
      stop = mode === 'events' ? runtime.startEventStream(queryClient) : runtime.startPolling(queryClient);
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [mode, queryClient]);

  return mode;
}
