import type { ReactNode } from 'react';

import { cn } from '@/lib/cn';
import { humanize } from '@/lib/format';

export type Tone = 'neutral' | 'info' | 'progress' | 'success' | 'warning' | 'danger' | 'approval';

const tones: Record<Tone, string> = {
  neutral: 'bg-slate-100 text-slate-700 ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600',
  info: 'bg-sky-50 text-sky-800 ring-sky-300 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-800',
  progress: 'bg-blue-50 text-blue-800 ring-blue-300 dark:bg-blue-950 dark:text-blue-200 dark:ring-blue-800',
  success:
    'bg-emerald-50 text-emerald-800 ring-emerald-300 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-800',
  warning: 'bg-amber-50 text-amber-900 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800',
  danger: 'bg-red-50 text-red-800 ring-red-300 dark:bg-red-950 dark:text-red-200 dark:ring-red-800',
  approval: 'bg-violet-50 text-violet-800 ring-violet-300 dark:bg-violet-950 dark:text-violet-200 dark:ring-violet-800',
};

const dots: Record<Tone, string> = {
  neutral: 'bg-slate-400',
  info: 'bg-sky-500',
  progress: 'bg-blue-500 animate-pulse',
  success: 'bg-emerald-500',
  warning: 'bg-amber-500 animate-pulse',
  danger: 'bg-red-500',
  approval: 'bg-violet-500',
};

export type BadgeProps = { tone?: Tone; children: ReactNode; className?: string; dot?: boolean };

export function Badge({ tone = 'neutral', children, className, dot = false }: BadgeProps) {
  return (
    <span
      className={cn(
        'inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset',
        tones[tone],
        className,
      )}
    >
      {dot && <span aria-hidden="true" className={cn('size-1.5 rounded-full', dots[tone])} />}
      {children}
    </span>
  );
}

/**
 * One colour per status of every entity (deployment, build, scope, application). The text always says the status,
 * so colour is never the only signal.
 */
const statusTones: Record<string, Tone> = {
  // deployments
  creating_approval: 'approval',
  creating_approval_denied: 'danger',
  creating: 'progress',
  waiting_for_instances: 'progress',
  running: 'info',
  finalizing: 'progress',
  finalized: 'success',
  cancelling: 'warning',
  cancelled: 'neutral',
  failed: 'danger',
  rolling_back: 'warning',
  rolled_back: 'neutral',
  deleting: 'warning',
  deleted: 'neutral',
  // builds
  pending: 'neutral',
  in_progress: 'progress',
  successful: 'success',
  // scopes and applications
  active: 'success',
  updating: 'progress',
  stopping: 'warning',
  stopped: 'neutral',
  unhealthy: 'danger',
  inactive: 'neutral',
  archived: 'neutral',
  // instances
  starting: 'progress',
  healthy: 'success',
  draining: 'warning',
  crashed: 'danger',
};

export function statusTone(status: string): Tone {
  return statusTones[status] ?? 'neutral';
}

/** `status` is undefined when the answer had none the console could read: the badge says so rather than guess. */
export type StatusBadgeProps = { status: string | undefined; className?: string };

export function StatusBadge({ status, className }: StatusBadgeProps) {
  if (status === undefined) {
    return (
      <Badge tone="neutral" className={className}>
        unknown
      </Badge>
    );
  }
  return (
    <Badge tone={statusTone(status)} dot className={className}>
      {humanize(status)}
    </Badge>
  );
}
