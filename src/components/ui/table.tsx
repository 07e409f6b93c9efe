import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';

import { cn } from '@/lib/cn';

export type TableProps = { caption: string; children: ReactNode; className?: string; busy?: boolean };

/** A data table with an accessible name (the caption, visually hidden) that scrolls sideways on narrow screens. */
export function Table({ caption, children, className, busy = false }: TableProps) {
  return (
    // relative: the visually hidden caption is positioned absolutely; outside a positioned scroller it would widen the page.
    <div
      className={cn(
        'scroll-shadows relative overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700',
        className,
      )}
    >
      <table
        className={cn('w-full border-collapse text-left text-sm transition-opacity', busy && 'opacity-60')}
        aria-busy={busy || undefined}
      >
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
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
