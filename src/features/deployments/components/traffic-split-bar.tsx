import { cn } from '@/lib/cn';

export type TrafficSplitBarProps = {
  /** Percentage of the traffic on the new deployment now. */
  current: number;
  /** Percentage asked for, when different from `current`. */
  desired?: number;
  oldLabel?: string;
  newLabel?: string;
  size?: 'sm' | 'md';
  /** What the bar shows, first in its accessible name: "Traffic" by default, "Requested split" for a target. */
  title?: string;
};

/**
 * The split between the release serving before (old) and the deployment's release (new) as a two-colour bar, with
 * the numbers in text (colour is never the only signal) and the requested split when one is pending.
 */
export function TrafficSplitBar({
  current,
  desired,
  oldLabel = 'old',
  newLabel = 'new',
  size = 'md',
  title = 'Traffic',
}: TrafficSplitBarProps) {
  const pending = desired !== undefined && desired !== current;
  return (
    <div className="w-full">
      <div
        role="img"
        aria-label={`${title}: ${oldLabel} ${100 - current}%, ${newLabel} ${current}%${pending ? `; ${desired}% requested for ${newLabel}` : ''}`}
        className={cn(
          'relative flex w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700',
          size === 'sm' ? 'h-2' : 'h-3',
        )}
      >
        <div className="h-full bg-slate-500 transition-all dark:bg-slate-400" style={{ width: `${100 - current}%` }} />
        <div className="h-full bg-emerald-500 transition-all" style={{ width: `${current}%` }} />
        {pending && (
          <div
            aria-hidden="true"
            className="absolute top-0 h-full w-0.5 bg-amber-500"
            style={{ left: `calc(${100 - desired}% - 1px)` }}
          />
        )}
      </div>
      <p className="mt-1 flex justify-between gap-2 text-xs text-slate-600 dark:text-slate-400">
        <span>
          {oldLabel} {100 - current}%
        </span>
        {pending && <span className="text-amber-700 dark:text-amber-400">→ {desired}% requested</span>}
        <span>
          {newLabel} {current}%
        </span>
      </p>
    </div>
  );
}
