import type { Deployment } from '@/lib/read/deployment';

import { strategyLabel } from '../utils';

/**
 * A deployment of a strategy the console has no rules for (canary), shown as the platform reports it: its strategy and
 * the whole `strategy_data`, so nothing the operator may need is hidden behind the missing controls.
 */
export function StrategyData({ deployment }: { deployment: Deployment }) {
  const json = JSON.stringify(deployment.strategy_data, null, 2);
  return (
    <div className="space-y-2 text-sm">
      <p>
        Strategy: <span className="font-medium">{strategyLabel(deployment.strategy)}</span>
      </p>
      <pre
        className="max-h-80 overflow-auto rounded-md bg-slate-100 p-3 font-mono text-xs text-slate-800 dark:bg-slate-800 dark:text-slate-100"
        aria-label="Strategy data as the platform sent it"
        tabIndex={0}
      >
        {json === '{}' ? '{} (no strategy data)' : json}
      </pre>
    </div>
  );
}
