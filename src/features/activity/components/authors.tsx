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
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm" data-testid="authors">
      <dt className="text-slate-500 dark:text-slate-400">Created by</dt>
      <dd className="text-slate-900 dark:text-slate-100">{who(createdBy)}</dd>
      <dt className="text-slate-500 dark:text-slate-400">Last changed by</dt>
      <dd className="text-slate-900 dark:text-slate-100">{who(updatedBy)}</dd>
    </dl>
  );
}
