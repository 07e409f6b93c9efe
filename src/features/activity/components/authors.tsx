import { useQuery } from '@tanstack/react-query';

import { consoleInfoQuery } from '@/lib/console-info';

import { activityQueries } from '../api/queries';

export type AuthorsProps = {
  /** `created_by` and `updated_by` as the deployment carries them: a user id (a number), or null. */
  createdBy: string | null | undefined;
  updatedBy: string | null | undefined;
};

/**
 * Who created an entity and who changed it last. nullplatform's are user ids, shown as they come ("user 123456789");
 * the local platform's are its actors' numbers, shown with their names (GET /console/actors, contract/activity.ts).
 */
export function Authors({ createdBy, updatedBy }: AuthorsProps) {
  const info = useQuery(consoleInfoQuery);
  const local = info.data?.mode === 'local';
  const actors = useQuery({ ...activityQueries.actors(), enabled: local, throwOnError: false });
  const names = new Map((actors.data?.results ?? []).map((actor) => [String(actor.id), actor.name]));
  const who = (id: string | null | undefined) => {
    if (id === null || id === undefined || id === '') return 'not recorded';
    const name = local ? names.get(id) : undefined;
    return name === undefined ? `user ${id}` : `${name} (#${id})`;
  };
  return (
    <dl className="mt-2 space-y-2" data-testid="authors">
      <Item label="Created by">{who(createdBy)}</Item>
      <Item label="Last changed by">{who(updatedBy)}</Item>
    </dl>
  );
}

/** As the panel's other rows are drawn (deployment-source.tsx). */
function Item({ label, children }: { label: string; children: string }) {
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
      <dt className="text-xs font-medium text-slate-500 uppercase dark:text-slate-400">{label}</dt>
      <dd className="text-sm text-slate-900 dark:text-slate-100">{children}</dd>
    </div>
  );
}
