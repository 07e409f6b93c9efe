import { type HTMLAttributes, type ReactNode, type TdHTMLAttributes, type ThHTMLAttributes, useRef } from 'react';

import { cn } from '@/lib/cn';

import { useScrollEdges } from './use-scroll-edges';

export type TableProps = { caption: string; children: ReactNode; className?: string; busy?: boolean };

const fade = 'pointer-events-none absolute inset-y-px w-10 from-slate-900/30 to-transparent dark:from-black/70';

/**
 * A data table with an accessible name (the caption, visually hidden) that scrolls sideways on narrow screens. When it
 * does, the hidden side is shaded and a line above it says the table goes on, so a phone's user knows to swipe.
 */
export function Table({ caption, children, className, busy = false }: TableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const edges = useScrollEdges(scroller);
  return (
    <div className={className}>
      {edges.overflows && (
        <p
          aria-hidden="true"
          data-testid="table-scroll-hint"
          className="mb-1 text-right text-xs text-slate-600 dark:text-slate-400"
        >
          {edges.right ? 'Scroll sideways for more columns →' : '← Scroll back for the first columns'}
        </p>
      )}
      <div className="relative">
        {/* relative: the visually hidden caption is positioned absolutely; outside a positioned scroller it would widen the page. */}
        <div
          ref={scroller}
          className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-950"
        >
          <table
            className={cn('w-full border-collapse text-left text-sm transition-opacity', busy && 'opacity-60')}
            aria-busy={busy || undefined}
          >
            <caption className="sr-only">{caption}</caption>
            {children}
          </table>
        </div>
        {edges.left && (
          <span
            aria-hidden="true"
            data-testid="table-more-left"
            className={cn(fade, 'left-px rounded-l-lg bg-linear-to-r')}
          />
        )}
        {edges.right && (
          <span
            aria-hidden="true"
            data-testid="table-more-right"
            className={cn(fade, 'right-px rounded-r-lg bg-linear-to-l')}
          />
        )}
      </div>
    </div>
  );
}

export function THead({ children }: { children: ReactNode }) {
  return (
    <thead className="bg-slate-50 text-xs text-slate-600 uppercase dark:bg-slate-800/60 dark:text-slate-300">
      {children}
    </thead>
  );
}

export function TBody({ children }: { children: ReactNode }) {
  return <tbody className="divide-y divide-slate-200 dark:divide-slate-700">{children}</tbody>;
}

export function TR({ className, ...props }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={cn('hover:bg-slate-50/60 dark:hover:bg-slate-800/40', className)} {...props} />;
}

export function TH({ className, scope = 'col', ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope={scope} className={cn('px-3 py-2 font-semibold', className)} {...props} />;
}

export function TD({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn('px-3 py-2 align-middle text-slate-800 dark:text-slate-200', className)} {...props} />;
}
