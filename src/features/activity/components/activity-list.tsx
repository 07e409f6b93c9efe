import type { ReactNode } from 'react';

import { Badge } from '@/components/ui/badge';
import { RelativeTime } from '@/components/ui/relative-time';
import { TextLink } from '@/components/ui/text-link';
import { paths } from '@/lib/paths';
import type { ActivityChange, ActivityEntry } from '@/lib/read/activity';

import { actionVerb, entityLabel, fieldLabel, formatValue } from '../describe';

const entityHref: Record<string, (id: number) => string> = {
  application: (id) => paths.application.getHref(id),
  build: (id) => paths.build.getHref(id),
  release: (id) => paths.release.getHref(id),
  scope: (id) => paths.scope.getHref(id),
  deployment: (id) => paths.deployment.getHref(id),
};

function EntityName({ entity }: { entity: ActivityEntry['entity'] }): ReactNode {
  const label = entityLabel(entity);
  if (label === '') return null;
  const href =
    entity?.kind === undefined || typeof entity.id !== 'number' ? undefined : entityHref[entity.kind]?.(entity.id);
  return href === undefined ? <span className="font-medium">{label}</span> : <TextLink to={href}>{label}</TextLink>;
}

function Actor({ actor }: { actor: ActivityEntry['actor'] }) {
  const name = actor?.name ?? (actor ? `actor #${actor.id}` : 'someone');
  return (
    <span className="inline-flex items-center gap-1.5">
      <span className="font-semibold text-slate-900 dark:text-slate-100" data-testid="activity-actor">
        {name}
      </span>
      {actor?.kind === 'engine' && (
        <>
          {' '}
          <Badge tone="info">automatic</Badge>
        </>
      )}
    </span>
  );
}

function Change({ change, created }: { change: ActivityChange; created: boolean }) {
  const label = fieldLabel(change.field);
  // A field without a name of its own is shown as the API calls it (code); a named one reads as words.
  const raw = label === change.field;
  return (
    <li className="break-words">
      <span
        className={raw ? 'font-mono text-xs text-slate-600 dark:text-slate-400' : 'text-slate-600 dark:text-slate-400'}
      >
        {label}
      </span>
      :{' '}
      {created ? (
        <span className="font-medium">{formatValue(change.field, change.to)}</span>
      ) : (
        <>
          <span className="text-slate-600 line-through decoration-slate-400 dark:text-slate-400">
            {formatValue(change.field, change.from)}
          </span>
          <span aria-label="changed to"> → </span>
          <span className="font-medium">{formatValue(change.field, change.to)}</span>
        </>
      )}
    </li>
  );
}

/**
 * The platform's own decisions carry "automatic: " before their cause; the entry already says so (the badge beside
 * the actor), so the reason starts with the cause.
 */
function shownReason(entry: ActivityEntry): string {
  const reason = entry.reason ?? '';
  return entry.actor?.kind === 'engine' ? reason.replace(/^automatic: /, '') : reason;
}

export type ActivityListProps = { entries: readonly ActivityEntry[] };

/** Who did what to which entity, when, from → to, and why; newest first as the feed answers. */
export function ActivityList({ entries }: ActivityListProps) {
  return (
    <ol className="divide-y divide-slate-200 dark:divide-slate-700" aria-label="Activity entries">
      {entries.map((entry) => {
        const changes = entry.changes ?? [];
        const created = entry.action === 'create';
        return (
          <li key={entry.id} className="space-y-1 py-3 text-sm" data-testid="activity-entry" data-action={entry.action}>
            <p className="flex flex-wrap items-baseline gap-x-1.5 gap-y-1 text-slate-800 dark:text-slate-200">
              <Actor actor={entry.actor} /> <span>{actionVerb(entry.action)}</span> <EntityName entity={entry.entity} />{' '}
              <span className="text-slate-500 dark:text-slate-400">
                · <RelativeTime value={entry.at} />
              </span>
            </p>
            {changes.length > 0 && (
              <ul className="space-y-0.5 pl-3 text-slate-700 dark:text-slate-300">
                {changes.map((change) => (
                  <Change key={change.field} change={change} created={created} />
                ))}
              </ul>
            )}
            {entry.reason && (
              <p
                className="rounded-md border-l-4 border-sky-400 bg-sky-50 px-3 py-1.5 text-slate-800 dark:border-sky-600 dark:bg-sky-950 dark:text-slate-200"
                data-testid="activity-reason"
              >
                <span className="font-medium">Reason:</span> {shownReason(entry)}
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
