import type { DeploymentMessage } from '@/lib/read/deployment';

import { cn } from '@/lib/cn';
import { formatDateTime } from '@/lib/format';

const levelClasses: Record<string, string> = {
  ERROR: 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950/60 dark:text-red-100',
  WARNING: 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100',
};

const levelBadgeClasses: Record<string, string> = {
  ERROR: 'bg-red-700 text-white dark:bg-red-500 dark:text-red-950',
  WARNING: 'bg-amber-500 text-amber-950',
};

export type DeploymentMessagesProps = { messages: readonly DeploymentMessage[] | undefined };

/** Epoch ms of a message's time (ISO or epoch ms); messages without one sort first, in the order they came. */
function instant(timestamp: string | number | undefined): number {
  if (timestamp === undefined) return 0;
  return typeof timestamp === 'number' ? timestamp : Date.parse(timestamp);
}

/** The deployment's story as the platform tells it, oldest first (the newest at the bottom, as in a log). */
export function DeploymentMessages({ messages }: DeploymentMessagesProps) {
  if (messages === undefined) {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        The platform did not send this deployment's messages.
      </p>
    );
  }
  if (messages.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No messages yet.</p>;
  const ordered = messages
    .map((message, order) => ({ message, order }))
    .sort((a, b) => instant(a.message.timestamp) - instant(b.message.timestamp) || a.order - b.order)
    .map(({ message }) => message);
  return (
    // A log region: screen readers announce messages as the platform adds them.
    <div role="log" aria-label="Deployment messages">
      <ol className="space-y-1.5">
        {ordered.map((message, index) => {
          const level = (message.level ?? 'info').toUpperCase();
          return (
            <li
              key={`${message.timestamp}-${index}`}
              className={cn(
                'flex flex-wrap items-baseline gap-x-3 gap-y-1 rounded-md border px-3 py-1.5 text-sm',
                levelClasses[level] ?? 'border-slate-200 dark:border-slate-700',
              )}
            >
              <span
                className={cn(
                  'rounded px-1.5 text-xs font-semibold',
                  levelBadgeClasses[level] ?? 'bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100',
                )}
              >
                {level}
              </span>
              {message.timestamp !== undefined && (
                <time
                  className="text-xs text-slate-600 tabular-nums dark:text-slate-400"
                  dateTime={new Date(message.timestamp).toISOString()}
                >
                  {formatDateTime(message.timestamp)}
                </time>
              )}
              {/* Where less than 12rem is left beside the level and the time (a phone), the text takes a line of its own. */}
              <span className="min-w-48 flex-1 break-words" data-testid="message-text">
                {message.message}
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
