import { Link, useSearchParams } from 'react-router-dom';

import { cn } from '@/lib/cn';
import { withChanges } from '@/lib/search-params';

import { buttonClasses } from './button';

export type PaginationProps = {
  /** The list envelope's `paging`. */
  paging: { total: number; offset: number; limit: number };
  /** How many results the current page holds. */
  count: number;
  label?: string;
};

/**
 * Server-side paging: Previous/Next are links that change `offset` in the URL, so every page is a deep link.
 */
export function Pagination({ paging, count, label = 'Pagination' }: PaginationProps) {
  const [params] = useSearchParams();
  const { total, offset, limit } = paging;
  if (total <= limit && offset === 0) return null;
  const first = total === 0 ? 0 : offset + 1;
  const last = offset + count;
  const previous = offset > 0 ? Math.max(0, offset - limit) : undefined;
  const next = offset + limit < total ? offset + limit : undefined;
  const hrefFor = (value: number) => `?${withChanges(params, { offset: value }).toString()}`;
  const disabled = 'pointer-events-none opacity-50';

  return (
    <nav aria-label={label} className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm">
      <p className="text-slate-600 dark:text-slate-400">
        Showing {first}–{last} of {total}
      </p>
      <div className="flex gap-2">
        {previous === undefined ? (
          <span aria-disabled="true" className={cn(buttonClasses('secondary', 'sm'), disabled)}>
            Previous
          </span>
        ) : (
          <Link to={hrefFor(previous)} className={buttonClasses('secondary', 'sm')} rel="prev">
            Previous
          </Link>
        )}
        {next === undefined ? (
          <span aria-disabled="true" className={cn(buttonClasses('secondary', 'sm'), disabled)}>
            Next
          </span>
        ) : (
          <Link to={hrefFor(next)} className={buttonClasses('secondary', 'sm')} rel="next">
            Next
          </Link>
        )}
      </div>
    </nav>
  );
}
