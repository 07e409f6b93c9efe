import { displayName } from '@/lib/read/display';
import { FieldValue } from '@/components/ui/field-value';
import type { Scope } from '@/lib/read/scope';
import type { ReactNode } from 'react';

import { StatusBadge } from '@/components/ui/badge';
import { TextLink } from '@/components/ui/text-link';
import { paths } from '@/lib/paths';

import { Dimensions } from './dimensions';
import { ScopeAddress } from './scope-address';

export type ScopeCardProps = {
  scope: Scope;
  /** What serves now (the active deployment's release). */
  activeRelease: ReactNode;
  /** The deployment in flight, if any: status and traffic split. */
  inFlight?: ReactNode;
};

/** A scope at a glance: type, dimensions, the release it serves, its address and any deployment in flight. */
export function ScopeCard({ scope, activeRelease, inFlight }: ScopeCardProps) {
  const headingId = `scope-${scope.id}-name`;
  return (
    <article
      aria-labelledby={headingId}
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <header className="flex items-start justify-between gap-2">
        <div>
          <h3 id={headingId} className="text-base font-semibold">
            <TextLink to={paths.scope.getHref(scope.id)}>{displayName(scope, 'Scope')}</TextLink>
          </h3>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            <FieldValue entity={scope} field="type">
              {scope.type}
            </FieldValue>
          </p>
        </div>
        <StatusBadge status={scope.status} />
      </header>
      <FieldValue entity={scope} field="dimensions">
        <Dimensions dimensions={scope.dimensions} />
      </FieldValue>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-500 dark:text-slate-400">Serving</dt>
        <dd>{activeRelease}</dd>
        <dt className="text-slate-500 dark:text-slate-400">Address</dt>
        <dd className="truncate">
          <ScopeAddress scope={scope} />
        </dd>
      </dl>
      {inFlight && <div className="border-t border-slate-200 pt-3 dark:border-slate-700">{inFlight}</div>}
    </article>
  );
}
