import { formatTime } from '@/lib/format';
import { useTrouble } from '@/lib/upstream-trouble';

import { RelativeTime } from './relative-time';

/**
 * When something was last seen, honestly: "just now" while the console hears from the platform; once it does not
 * (console server or API unreachable), the time it was seen and since when the page has been stale.
 */
export function CheckedAt({ value }: { value: string | number | null | undefined }) {
  const trouble = useTrouble();
  if (trouble === null || value === null || value === undefined) return <RelativeTime value={value} />;
  return (
    <span className="text-amber-800 dark:text-amber-300" data-testid="stale">
      at {formatTime(value)} · stale since {formatTime(trouble.since)}
    </span>
  );
}
