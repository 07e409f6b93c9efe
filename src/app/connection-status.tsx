import type { ConsoleInfo } from '@contract/console';
import { useQuery } from '@tanstack/react-query';

import { Badge } from '@/components/ui/badge';
import { consoleInfoQuery } from '@/lib/console-info';
import { formatTime } from '@/lib/format';
import { useTrouble } from '@/lib/upstream-trouble';

/** "Connected to api.nullplatform.com · org 42"; the organization is left out when the token did not say it. */
function connectedTo(upstream: ConsoleInfo['upstream']): string {
  if (upstream === null) return 'Connected to nullplatform';
  const org = upstream.organization_id === null ? '' : ` · org ${upstream.organization_id}`;
  return `Connected to ${upstream.host}${org}`;
}

/** Where the console is connected: the embedded local platform, or a nullplatform API host and organization. */
export function ConnectionStatus() {
  const info = useQuery(consoleInfoQuery);
  // Not "Live" while the console server or the API behind it does not answer: what the page shows may be old.
  const trouble = useTrouble();
  if (info.isPending) return <span className="text-sm text-slate-500 dark:text-slate-400">Connecting…</span>;
  if (info.isError) {
    return (
      <Badge tone="danger" dot>
        Console server unreachable
      </Badge>
    );
  }
  const { mode, upstream, live_events: live } = info.data;
  const where = mode === 'local' ? 'Local platform' : connectedTo(upstream);
  return (
    <span className="flex min-w-0 items-center gap-2 text-sm">
      <span
        className="sr-only truncate font-medium text-slate-700 sm:not-sr-only dark:text-slate-200"
        data-testid="connection"
      >
        {where}
      </span>
      {trouble ? (
        <Badge tone="warning" dot>
          <span data-testid="live-state">Stale since {formatTime(trouble.since)}</span>
        </Badge>
      ) : (
        <Badge tone={live ? 'success' : 'neutral'} dot>
          {live ? 'Live' : 'Polling'}
        </Badge>
      )}
    </span>
  );
}
