import type { ReactNode } from 'react';

import { cn } from '@/lib/cn';

import { focusRing } from './focus-ring';

/** Whether `href` is an absolute http(s) address, parsed as the browser will parse it (case, spaces, tabs and all). */
export function isHttpUrl(href: string): boolean {
  try {
    const { protocol } = new URL(href);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * A link that leaves the console (repository, commit, a scope's address); opens in a new tab and says so. The
 * addresses come from API data (a real nullplatform's, or rows stored before the API checked schemes): anything but
 * http(s) (`javascript:`, `data:`) is shown as plain text, never as a link that would run it.
 */
export function ExternalLink({ href, children, className }: { href: string; children: ReactNode; className?: string }) {
  if (!isHttpUrl(href)) return <span className={className}>{children}</span>;
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
