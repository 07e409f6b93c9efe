import { REASON_MAX_LENGTH } from '@contract/activity-values';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';

import { TextAreaField } from '@/components/ui/textarea-field';
import { ApiError } from '@/lib/api-client';
import { consoleInfoQuery } from '@/lib/console-info';

export type Reason = {
  value: string;
  set: (value: string) => void;
  /** Only the local platform keeps a reason (nullplatform documents no such field, so none is sent to it). */
  shown: boolean;
  tooLong: boolean;
  /** What the PATCH body gets: `{reason}` when one was written (local platform), nothing otherwise. */
  body: { reason?: string };
};

/** The optional "why" of a finalize, cancel/roll back or traffic move. */
export function useReason(): Reason {
  const info = useQuery(consoleInfoQuery);
  const shown = info.data?.mode === 'local';
  const [value, set] = useState('');
  const trimmed = value.trim();
  return {
    value,
    set,
    shown,
    tooLong: trimmed.length > REASON_MAX_LENGTH,
    body: shown && trimmed !== '' ? { reason: trimmed } : {},
  };
}

/** Whether the platform refused the request because of its reason: that is said under the field, not as the action's failure. */
export function isReasonError(error: unknown): boolean {
  return error instanceof ApiError && error.status === 400 && /^reason\b/.test(error.message);
}

export type ReasonFieldProps = { reason: Reason; error?: unknown };

/** A reason box with its limit, counting as one types, and the error (too long, or the platform's) right under it. */
export function ReasonField({ reason, error }: ReasonFieldProps) {
  if (!reason.shown) return null;
  const length = reason.value.trim().length;
  const message = reason.tooLong
    ? `The reason has ${length} characters; at most ${REASON_MAX_LENGTH} are kept. Shorten it to continue.`
    : isReasonError(error) && error instanceof ApiError
      ? error.message
      : undefined;
  return (
    <TextAreaField
      label="Reason (optional)"
      hint={`${length}/${REASON_MAX_LENGTH} · shown in the activity feed and the deployment's messages`}
      error={message}
      value={reason.value}
      rows={2}
      onChange={(event) => reason.set(event.target.value)}
    />
  );
}
