import type { Deployment } from '@/lib/read/deployment';
import { isTerminal } from '@contract/deployment-lifecycle';

import { cn } from '@/lib/cn';
import { formatDateTime, formatDuration, humanize } from '@/lib/format';

import { useNow } from '../hooks/use-now';
import { timelineSteps, type TimelineTone } from '../timeline';

const dotClasses: Record<TimelineTone, string> = {
  done: 'bg-slate-400 dark:bg-slate-500',
  current: 'bg-sky-600 ring-4 ring-sky-200 animate-pulse dark:bg-sky-400 dark:ring-sky-900',
  success: 'bg-emerald-600 ring-4 ring-emerald-200 dark:bg-emerald-400 dark:ring-emerald-900',
  danger: 'bg-red-600 ring-4 ring-red-200 dark:bg-red-400 dark:ring-red-900',
  warning: 'bg-amber-500 ring-4 ring-amber-200 dark:bg-amber-400 dark:ring-amber-900',
};

const labelClasses: Record<TimelineTone, string> = {
  done: 'text-slate-700 dark:text-slate-300',
  current: 'font-semibold text-sky-800 dark:text-sky-300',
  success: 'font-semibold text-emerald-800 dark:text-emerald-300',
  danger: 'font-semibold text-red-800 dark:text-red-300',
  warning: 'font-semibold text-amber-900 dark:text-amber-300',
};

export type StatusTimelineProps = { deployment: Pick<Deployment, 'status' | 'status_started_at'> };

/** The statuses the deployment went through, oldest first, with when each began and how long it lasted. */
export function StatusTimeline({ deployment }: StatusTimelineProps) {
  // The current step's duration grows while the deployment is in it.
  const now = useNow(1_000, !isTerminal(deployment.status));
  const steps = timelineSteps(deployment, now);
  return (
    <ol aria-label="Status timeline" className="space-y-0">
      {steps.map((step, index) => (
        <li
          key={step.status}
          aria-current={step.current ? 'step' : undefined}
          className="relative flex gap-3 pb-4 last:pb-0"
          data-testid="timeline-step"
        >
          {index < steps.length - 1 && (
            <span
              aria-hidden="true"
              className="absolute top-4 left-[5px] h-full w-0.5 bg-slate-200 dark:bg-slate-700"
            />
          )}
          <span
            aria-hidden="true"
            className={cn('relative mt-1.5 size-3 shrink-0 rounded-full', dotClasses[step.tone])}
          />
          <div className="min-w-0 text-sm">
            <p className={labelClasses[step.tone]}>
              {humanize(step.status)}
              {step.current && <span className="sr-only"> (current status)</span>}
            </p>
            <p className="text-xs text-slate-600 tabular-nums dark:text-slate-400">
              {Number.isNaN(step.startedAt) ? (
                'time not reported'
              ) : (
                <time dateTime={new Date(step.startedAt).toISOString()}>{formatDateTime(step.startedAt)}</time>
              )}
              {step.durationMs !== undefined && (
                <>
                  {' · '}
                  {step.current ? 'for ' : 'took '}
                  {formatDuration(step.durationMs)}
                </>
              )}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
