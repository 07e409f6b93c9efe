import { cn } from '@/lib/cn';

const bar = 'animate-pulse rounded bg-slate-200 dark:bg-slate-700';

/** A grey bar where a name will be, instead of a placeholder label that flashes ("Release #8", "Application 1"). */
export function Skeleton({ className }: { className?: string }) {
  return (
    <span
      aria-hidden="true"
      data-testid="skeleton"
      className={cn('inline-block h-[1em] w-20 align-middle', bar, className)}
    />
  );
}

/** A page's shape while its data loads: a title, a line, and two panels. Screen readers hear `label`. */
export function PageSkeleton({ label }: { label: string }) {
  return (
    <div role="status" className="space-y-4" data-testid="page-skeleton">
      <span className="sr-only">{label}</span>
      <div aria-hidden="true" className={cn('h-8 w-64 max-w-full', bar)} />
      <div aria-hidden="true" className={cn('h-4 w-96 max-w-full', bar)} />
      <div aria-hidden="true" className="grid grid-cols-1 gap-6 pt-2 lg:grid-cols-3">
        <div className={cn('h-48 lg:col-span-2', bar)} />
        <div className={cn('h-48', bar)} />
      </div>
    </div>
  );
}
