import type { ReactNode } from 'react';

import { TextLink } from './text-link';

export type FilterBarProps = { children: ReactNode; active: boolean; clearHref: string; label?: string };

/** A row of filters with a "Clear filters" link when any is set. */
export function FilterBar({ children, active, clearHref, label = 'Filters' }: FilterBarProps) {
  return (
    <div role="search" aria-label={label} className="mb-4 flex flex-wrap items-end gap-4">
      {children}
      {active && (
        <TextLink to={clearHref} className="pb-2 text-sm">
          Clear filters
        </TextLink>
      )}
    </div>
  );
}
