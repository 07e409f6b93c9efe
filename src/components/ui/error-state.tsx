import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

import { ApiError, NetworkError, SchemaError } from '@/lib/api-client';
import { cn } from '@/lib/cn';

import { Button } from './button';
import { focusRing } from './focus-ring';

export type ErrorStateProps = {
  error: unknown;
  /** What failed, e.g. "Couldn't load the builds". */
  title?: ReactNode;
  onRetry?: () => void;
  back?: { href: string; label: string };
  className?: string;
};

export function errorTitle(error: unknown): string {
  if (error instanceof SchemaError) return 'The server sent data this console does not understand';
  if (error instanceof ApiError) {
    if (error.status === 404) return 'Not found';
    if (error.status === 403 || error.status === 401) return 'No permission';
    if (error.status >= 500) return `Server error (${error.status})`;
    return `Request refused (${error.status})`;
  }
  if (error instanceof NetworkError) return 'The console server is unreachable';
  return 'Something went wrong';
}

/** What failed and why: an ApiError's own message, or the field a SchemaError failed on. */
export function ErrorDetails({ error }: { error: unknown }) {
  if (error instanceof SchemaError) {
    return (
      <div className="space-y-1">
        <p>
          Field <code className="rounded bg-red-100 px-1 font-mono dark:bg-red-900/60">{error.field}</code>:{' '}
          {error.issues[0]?.message}
        </p>
        {error.issues.length > 1 && (
          <p className="text-xs">
            and {error.issues.length - 1} more:{' '}
            {error.issues
              .slice(1, 4)
              .map((issue) => issue.path)
              .join(', ')}
          </p>
        )}
        <p className="text-xs opacity-80">
          {error.method} {error.url}
        </p>
      </div>
    );
  }
  if (error instanceof ApiError) {
    return (
      <div className="space-y-1">
        <p>{error.message}</p>
        <p className="text-xs opacity-80">
          {error.method} {error.url} answered {error.status}
        </p>
      </div>
    );
  }
  if (error instanceof Error) return <p>{error.message}</p>;
  return <p>{String(error)}</p>;
}

export function ErrorState({ error, title, onRetry, back, className }: ErrorStateProps) {
  // Asking again for something that does not exist gives the same answer: a 404 offers only the way back.
  const retry = error instanceof ApiError && error.isNotFound ? undefined : onRetry;
  return (
    <div
      role="alert"
      className={cn(
        'rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/60 dark:text-red-100',
        className,
      )}
    >
      <p className="font-semibold">{title ?? errorTitle(error)}</p>
      {title && <p className="mt-1 font-medium">{errorTitle(error)}</p>}
      <div className="mt-2">
        <ErrorDetails error={error} />
      </div>
      {(retry || back) && (
        <div className="mt-3 flex flex-wrap items-center gap-3">
          {retry && (
            <Button size="sm" variant="secondary" onClick={retry}>
              Try again
            </Button>
          )}
          {back && (
            <Link to={back.href} className={cn('underline', focusRing)}>
              {back.label}
            </Link>
          )}
        </div>
      )}
    </div>
  );
}
