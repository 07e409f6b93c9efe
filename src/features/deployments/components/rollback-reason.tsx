import { RelativeTime } from '@/components/ui/relative-time';

import type { RollbackReason } from '../rule-evidence';

/**
 * At the top of the page of a deployment its rules rolled back: which rule broke and what was measured, so the
 * operator does not have to find it among the messages.
 */
export function RollbackReasonBanner({
  reason,
  status,
  previous,
}: {
  reason: RollbackReason;
  status: string;
  previous: string;
}) {
  return (
    <section
      aria-labelledby="rollback-reason-heading"
      data-testid="rollback-reason"
      className="mb-6 rounded-lg border border-red-300 bg-red-50 p-4 text-red-950 dark:border-red-800 dark:bg-red-950/60 dark:text-red-50"
    >
      <h2 id="rollback-reason-heading" className="text-lg font-semibold">
        {status === 'rolling_back' ? 'Rolling back automatically' : 'Rolled back automatically'}
      </h2>
      <p className="mt-1 text-sm" data-testid="rollback-reason-text">
        {reason.text}
      </p>
      <p className="mt-1 text-sm">
        All traffic {status === 'rolling_back' ? 'is going' : 'went'} back to {previous}
        {reason.at === undefined ? '' : ', '}
        {reason.at !== undefined && <RelativeTime value={reason.at} />}.
      </p>
    </section>
  );
}
