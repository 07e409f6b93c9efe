import type { ConsoleInfo } from '@contract/console';
import { useQuery } from '@tanstack/react-query';

import { Badge } from '@/components/ui/badge';
import { consoleInfoQuery } from '@/lib/console-info';

/** "Connected to api.nullplatform.com · org 42"; the organization is left out when the token did not say it. */
function connectedTo(upstream: ConsoleInfo['upstream']): string {
  if (upstream === null) return 'Connected to nullplatform';
  const org = upstream.organization_id === null ? '' : ` · org ${upstream.organization_id}`;
  return `Connected to ${upstream.host}${org}`;
}

/** Where the console is connected: the embedded local platform, or a nullplatform API host and organization. */
export function ConnectionStatus() {
  const info = useQuery(consoleInfoQuery);
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
    <span className="flex flex-wrap items-center gap-2 text-sm">
      <span className="font-medium text-slate-700 dark:text-slate-200" data-testid="connection">
        {where}
      </span>
      <Badge tone={live ? 'success' : 'neutral'} dot>
        {live ? 'Live' : 'Polling'}
      </Badge>
    </span>
  );
}
