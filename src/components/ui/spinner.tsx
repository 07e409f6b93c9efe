import { cn } from '@/lib/cn';

export type SpinnerProps = { label?: string; className?: string; size?: 'sm' | 'md' };

/** An accessible busy indicator: a live status with a visible or screen-reader-only label. */
export function Spinner({ label = 'Loading…', className, size = 'md' }: SpinnerProps) {
  return (
    <span
      role="status"
      className={cn('inline-flex items-center gap-2 text-sm text-slate-600 dark:text-slate-300', className)}
    >
      <span
        aria-hidden="true"
        className={cn(
          'inline-block animate-spin rounded-full border-2 border-current border-r-transparent',
          size === 'sm' ? 'size-3.5' : 'size-5',
        )}
      />
      <span className={size === 'sm' ? 'sr-only' : undefined}>{label}</span>
    </span>
  );
}

/** A centred spinner for a whole section or page. */
export function PageSpinner({ label }: { label?: string }) {
  return (
    <div className="flex justify-center py-12">
      <Spinner label={label} />
    </div>
  );
}
