import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { consoleInfoQuery } from '@/lib/console-info';
import { useTrouble } from '@/lib/upstream-trouble';

/**
 * The one place that says the API is unreachable (502/503/504 or no answer), above every page. The pages keep showing
 * their last good data; polling keeps retrying with a backoff, and the banner goes away with the first success.
 */
export function UpstreamBanner() {
  const trouble = useTrouble();
  const queryClient = useQueryClient();
  const info = useQuery(consoleInfoQuery);
  const [retrying, setRetrying] = useState(false);
  if (trouble === null) return null;

  const what =
    trouble.kind === 'network'
      ? 'Console server unreachable'
      : info.data?.mode === 'local'
        ? 'Platform API unreachable'
        : 'nullplatform API unreachable';
  const retry = () => {
    setRetrying(true);
    void queryClient.refetchQueries({ type: 'active' }).finally(() => setRetrying(false));
  };

  return (
    <div
      role="alert"
      data-testid="upstream-banner"
      className="sticky top-0 z-40 border-b border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-2 text-sm">
        <p>
          <strong className="font-semibold">{what}:</strong> {trouble.message} — retrying…
        </p>
        <Button size="sm" variant="secondary" onClick={retry} isLoading={retrying}>
          Retry now
        </Button>
      </div>
    </div>
  );
}
