import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router-dom';

import { cn } from '@/lib/cn';

import { focusRing } from './focus-ring';

/** `label` may be a skeleton while the name loads. */
export type Crumb = { label: ReactNode; href?: string };

/** The trail of the current page; the last item is the current page. */
export function BreadcrumbTrail({ items }: { items: readonly Crumb[] }) {
  return (
    <ol className="flex flex-wrap items-center gap-1 text-sm text-slate-600 dark:text-slate-400">
      {items.map((item, index) => {
        const last = index === items.length - 1;
        return (
          <Fragment key={index}>
            <li>
              {item.href && !last ? (
                <Link
                  to={item.href}
                  className={cn('rounded hover:text-slate-900 hover:underline dark:hover:text-slate-100', focusRing)}
                >
                  {item.label}
                </Link>
              ) : (
                <span
                  aria-current={last ? 'page' : undefined}
                  className={last ? 'font-medium text-slate-900 dark:text-slate-100' : undefined}
                >
                  {item.label}
                </span>
              )}
            </li>
            {!last && (
              <li aria-hidden="true" className="text-slate-400">
                /
              </li>
            )}
          </Fragment>
        );
      })}
    </ol>
  );
}
