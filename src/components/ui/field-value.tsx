import type { ReactNode } from 'react';

import { compactJson, unreadableValue, type Unreadable } from '@/lib/read/tolerant';

/** A value the console could not read, shown plainly as one line of JSON (the whole of it in the tooltip). */
export function UnreadableValue({ value }: { value: unknown }) {
  return (
    <code
      className="rounded bg-amber-50 px-1 font-mono text-xs break-all text-amber-900 dark:bg-amber-950 dark:text-amber-200"
      title={`Not in a shape this console reads: ${compactJson(value, 2_000)}`}
      data-testid="unreadable-value"
    >
      {compactJson(value, 80)}
    </code>
  );
}

export type FieldValueProps = {
  /** The entity the field belongs to, as its reader left it. */
  entity: Unreadable | undefined;
  field: string;
  /** How the field is shown when it was read; null or undefined when it has no value. */
  children?: ReactNode;
};

/** A field of an answer: as the page shows it, its raw JSON when the reader could not read it, or "—" when absent. */
export function FieldValue({ entity, field, children }: FieldValueProps) {
  if (children !== undefined && children !== null && children !== false && children !== '') return <>{children}</>;
  const raw = unreadableValue(entity, field);
  if (raw !== undefined) return <UnreadableValue value={raw} />;
  return <span className="text-slate-500 dark:text-slate-400">—</span>;
}
