import type { Release } from '@/lib/read/release';
import type { Scope } from '@/lib/read/scope';
import type { ReactNode } from 'react';

import { StatusBadge } from '@/components/ui/badge';
import { cn } from '@/lib/cn';

/** What the deployment will be, from the scope's state: `unknown` when the scope's active deployment isn't known. */
export function deploymentKind(scope: Pick<Scope, 'active_deployment'>): 'initial' | 'blue_green' | 'unknown' {
  if (scope.active_deployment === undefined) return 'unknown';
  return scope.active_deployment === null ? 'initial' : 'blue_green';
}

export type StrategyNoticeProps = {
  scope: Scope;
  release: Release;
  /** The release the scope serves now, once its active deployment is read. */
  activeReleaseId: number | undefined;
  renderRelease: (id: number) => ReactNode;
  /** The traffic and rollback choice below moves the traffic in automatic steps. */
  inSteps?: boolean;
};

/** Says whether the deployment will be initial or blue/green, and what it replaces. */
export function StrategyNotice({
  scope,
  release,
  activeReleaseId,
  renderRelease,
  inSteps = false,
}: StrategyNoticeProps) {
  const kind = deploymentKind(scope);
  if (kind === 'unknown') {
    return (
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Whether {scope.name} is already serving a release couldn't be read: the platform decides between an initial and
        a blue/green deployment.
      </p>
    );
  }
  if (kind === 'initial') {
    return (
      <div
        className="rounded-md border border-sky-300 bg-sky-50 p-3 text-sm dark:border-sky-800 dark:bg-sky-950/60"
        data-testid="deploy-kind"
      >
        <p className="font-semibold">This will be an initial deployment.</p>
        <p className="mt-1">
          {scope.name} has no active deployment: <span className="font-mono">{release.semver}</span> takes all of its
          traffic once its instances are healthy, and the deployment finalizes by itself. It can be cancelled until
          then.
        </p>
      </div>
    );
  }
  return (
    <div
      className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm dark:border-emerald-800 dark:bg-emerald-950/60"
      data-testid="deploy-kind"
    >
      <p className="font-semibold">This will be a blue/green deployment.</p>
      <p className="mt-1">
        It replaces{' '}
        {activeReleaseId !== undefined ? (
          renderRelease(activeReleaseId)
        ) : (
          <span className="text-slate-600 dark:text-slate-400">the active release</span>
        )}{' '}
        (deployment #{scope.active_deployment}) in {scope.name}. <span className="font-mono">{release.semver}</span>{' '}
        starts with 0% of the traffic;{' '}
        {inSteps
          ? 'the automatic steps chosen below move traffic to it, and you finalize or cancel.'
          : 'you move traffic to it, then finalize or cancel.'}
      </p>
    </div>
  );
}

/** One scope to choose in the dialog, with its state: in flight, never deployed or serving. */
export function ScopeOption({ scope, checked, onSelect }: { scope: Scope; checked: boolean; onSelect: () => void }) {
  const inFlight = typeof scope.in_progress_deployment === 'number';
  return (
    <label
      className={cn(
        'flex cursor-pointer items-start gap-3 rounded-md border p-3 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-sky-600',
        checked
          ? 'border-sky-600 bg-sky-50 dark:border-sky-400 dark:bg-sky-950/60'
          : 'border-slate-300 dark:border-slate-600',
      )}
    >
      <input type="radio" name="scope" value={scope.id} checked={checked} onChange={onSelect} className="mt-1" />
      <span className="flex-1">
        <span className="flex flex-wrap items-center gap-2">
          <span className="font-medium">{scope.name}</span> <StatusBadge status={scope.status} />
          {inFlight && <span className="text-xs text-amber-700 dark:text-amber-400">deployment in flight</span>}
        </span>
        <span className="block text-xs text-slate-600 dark:text-slate-400">
          {scope.type}
          {' · '}
          {deploymentKind(scope) === 'initial'
            ? 'never deployed'
            : deploymentKind(scope) === 'blue_green'
              ? 'serving a release'
              : ''}
        </span>
      </span>
    </label>
  );
}
