import type { Deployment } from '@/lib/read/deployment';
import { useEffect, useRef } from 'react';

import { RelativeTime } from '@/components/ui/relative-time';
import { cn } from '@/lib/cn';
import { formatDuration } from '@/lib/format';

import { summarize, type SummaryNames } from '../summary';

export type DeploymentSummaryProps = {
  deployment: Deployment;
  names: SummaryNames;
  /** The deployment finished while the page was open: the controls it replaces may have had focus. */
  replacesControls?: boolean;
};

const toneClasses = {
  success: 'border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/50',
  neutral: 'border-slate-300 bg-white dark:border-slate-700 dark:bg-slate-900',
  danger: 'border-red-300 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950/60 dark:text-red-50',
};

/**
 * A finished deployment at the top of its page: what it did, how long it took, the split it ended on and, when it
 * failed, the platform's reason. Replaces the controls, which can no longer do anything.
 */
export function DeploymentSummary({ deployment, names, replacesControls = false }: DeploymentSummaryProps) {
  const summary = summarize(deployment, names);
  const ref = useRef<HTMLElement>(null);
  // When the controls that had focus go away, focus lands here rather than on the document's body.
  useEffect(() => {
    if (replacesControls && document.activeElement === document.body) ref.current?.focus();
  }, [replacesControls]);
  return (
    <section
      ref={ref}
      aria-labelledby="summary-heading"
      data-testid="deployment-summary"
      tabIndex={-1}
      className={cn('mb-6 rounded-lg border p-4 outline-none', toneClasses[summary.tone])}
    >
      <h2 id="summary-heading" className="text-lg font-semibold">
        {summary.tone === 'danger' ? 'This deployment failed' : 'Summary'}
      </h2>
      <p className="mt-1 text-sm font-medium" data-testid="summary-outcome">
        {summary.outcome}
      </p>
      {summary.reason && (
        <p className="mt-2 text-sm" data-testid="failure-reason">
          <span className="font-semibold">Why: </span>
          {summary.reason}
        </p>
      )}
      <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-xs font-medium uppercase opacity-75">Took</dt>
          <dd>{summary.durationMs === undefined ? 'unknown' : formatDuration(summary.durationMs)}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium uppercase opacity-75">Ended</dt>
          <dd>{summary.endedAt === undefined ? 'unknown' : <RelativeTime value={summary.endedAt} />}</dd>
        </div>
        {summary.finalSplit && (
          <div>
            <dt className="text-xs font-medium uppercase opacity-75">Final split</dt>
            <dd className="font-mono" data-testid="final-split">
              {summary.finalSplit}
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}
