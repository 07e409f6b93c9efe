import type { ReactNode } from 'react';

import { cn } from '@/lib/cn';

import { focusRing } from './focus-ring';

/** A link that leaves the console (repository, commit, a scope's address); opens in a new tab and says so. */
export function ExternalLink({ href, children, className }: { href: string; children: ReactNode; className?: string }) {
  return (
    <a
      href={href}
      target="_blank"
      rel="noreferrer noopener"
      className={cn('rounded text-sky-700 underline-offset-2 hover:underline dark:text-sky-400', focusRing, className)}
    >
      {children}
      <span className="sr-only"> (opens in a new tab)</span>
      <span aria-hidden="true"> ↗</span>
    </a>
  );
}
