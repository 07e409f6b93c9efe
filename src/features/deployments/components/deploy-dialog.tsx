import type { Asset } from '@/lib/read/asset';
import type { Deployment } from '@/lib/read/deployment';
import type { Release } from '@/lib/read/release';
import type { Scope } from '@/lib/read/scope';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';

import { StatusBadge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { CodeSnippet } from '@/components/ui/code-snippet';
import { Dialog, DialogFooter } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorDetails } from '@/components/ui/error-state';
import { FormError, SelectField } from '@/components/ui/field';
import { Spinner } from '@/components/ui/spinner';
import { showToast } from '@/components/ui/toast-store';
import { TextLink } from '@/components/ui/text-link';
import { cliSnippets } from '@/lib/cli-snippets';
import { cn } from '@/lib/cn';
import { paths } from '@/lib/paths';

import { useCreateDeployment } from '../api/create-deployment';
import { deploymentQueries } from '../api/queries';

/** Data the dialog is given by the page that composes it (scopes and build assets belong to other features). */
export type Loadable<T> = { data: T | undefined; isPending: boolean; error: unknown };

export type DeployDialogProps = {
  release: Release;
  /** The application's scopes, with active_deployment / in_progress_deployment filled in. */
  scopes: Loadable<readonly Scope[]>;
  /** The assets of the release's build. */
  assets: Loadable<readonly Asset[]>;
  renderRelease: (releaseId: number) => ReactNode;
  onOpenChange: (open: boolean) => void;
  onDeployed: (deployment: Deployment) => void;
  initialScopeId?: number;
};

/** What the deployment will be, from the scope's state: `unknown` when the scope's active deployment isn't known. */
export function deploymentKind(scope: Pick<Scope, 'active_deployment'>): 'initial' | 'blue_green' | 'unknown' {
  if (scope.active_deployment === undefined) return 'unknown';
  return scope.active_deployment === null ? 'initial' : 'blue_green';
}

function StrategyNotice({ scope, release, renderRelease }: { scope: Scope; release: Release; renderRelease: (id: number) => ReactNode }) {
  const kind = deploymentKind(scope);
  const active = useQuery({
    ...deploymentQueries.detail(scope.active_deployment ?? 0),
    enabled: typeof scope.active_deployment === 'number',
    throwOnError: false,
  });
  if (kind === 'unknown') {
    return (
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Whether {scope.name} is already serving a release couldn't be read: the platform decides between an initial and a blue/green deployment.
      </p>
    );
  }
  if (kind === 'initial') {
    return (
      <div className="rounded-md border border-sky-300 bg-sky-50 p-3 text-sm dark:border-sky-800 dark:bg-sky-950/60" data-testid="deploy-kind">
        <p className="font-semibold">This will be an initial deployment.</p>
        <p className="mt-1">
          {scope.name} has no active deployment: <span className="font-mono">{release.semver}</span> takes all of its traffic once its
          instances are healthy, and the deployment finalizes by itself. It can be cancelled until then.
        </p>
      </div>
    );
  }
  return (
    <div className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm dark:border-emerald-800 dark:bg-emerald-950/60" data-testid="deploy-kind">
      <p className="font-semibold">This will be a blue/green deployment.</p>
      <p className="mt-1">
        It replaces{' '}
        {active.data ? renderRelease(active.data.release_id) : <span className="text-slate-600 dark:text-slate-400">the active release</span>}{' '}
        (deployment #{scope.active_deployment}) in {scope.name}. <span className="font-mono">{release.semver}</span> starts with 0% of
        the traffic; you move traffic to it, then finalize or cancel.
      </p>
    </div>
  );
}

function ScopeOption({ scope, checked, onSelect }: { scope: Scope; checked: boolean; onSelect: () => void }) {
  const inFlight = typeof scope.in_progress_deployment === 'number';
  return (
    <label
      className={cn(
        'flex cursor-pointer items-start gap-3 rounded-md border p-3 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-sky-600',
        checked ? 'border-sky-600 bg-sky-50 dark:border-sky-400 dark:bg-sky-950/60' : 'border-slate-300 dark:border-slate-600',
      )}
    >
      <input type="radio" name="scope" value={scope.id} checked={checked} onChange={onSelect} className="mt-1" />
      <span className="flex-1">
        <span className="flex flex-wrap items-center gap-2">
          <span className="font-medium">{scope.name}</span>{' '}
          <StatusBadge status={scope.status} />
          {inFlight && <span className="text-xs text-amber-700 dark:text-amber-400">deployment in flight</span>}
        </span>
        <span className="block text-xs text-slate-600 dark:text-slate-400">
          {scope.type}
          {' · '}
          {deploymentKind(scope) === 'initial' ? 'never deployed' : deploymentKind(scope) === 'blue_green' ? 'serving a release' : ''}
        </span>
      </span>
    </label>
  );
}

/** Deploy a release to one of the application's scopes, saying what kind of deployment it will be and what it replaces. */
export function DeployDialog({ release, scopes, assets, renderRelease, onOpenChange, onDeployed, initialScopeId }: DeployDialogProps) {
  const scopeList = scopes.data ?? [];
  const [scopeId, setScopeId] = useState<number | undefined>(initialScopeId ?? (scopeList.length === 1 ? scopeList[0]?.id : undefined));
  const scope = scopeList.find((candidate) => candidate.id === scopeId) ?? (scopeList.length === 1 ? scopeList[0] : undefined);
  const [chosenAsset, setChosenAsset] = useState<string | undefined>(undefined);
  const mutation = useCreateDeployment({
    onSuccess: (deployment) => {
      showToast({
        tone: 'success',
        title: `Deploying ${release.semver ?? `release #${release.id}`}${scope ? ` to ${scope.name}` : ''}`,
        description: `Deployment #${deployment.id} was created; its page follows it live.`,
      });
      onDeployed(deployment);
    },
  });

  const assetNames = (assets.data ?? []).flatMap((asset) => (asset.name === undefined ? [] : [asset.name]));
  const needsAsset = Boolean(scope) && !scope?.asset_name;
  const assetName = needsAsset ? (chosenAsset ?? (assetNames.includes('main') ? 'main' : assetNames[0])) : undefined;
  const missingScopeAsset = scope?.asset_name && assets.data && !assetNames.includes(scope.asset_name);
  const inFlight = typeof scope?.in_progress_deployment === 'number' ? scope.in_progress_deployment : undefined;
  const canSubmit = Boolean(scope) && inFlight === undefined && (!needsAsset || Boolean(assetName));

  const body = {
    scope_id: scope?.id ?? 0,
    release_id: release.id,
    ...(needsAsset && assetName ? { asset_name: assetName } : {}),
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!canSubmit || !scope) return;
    mutation.mutate(body);
  };

  return (
    <Dialog
      open
      onOpenChange={onOpenChange}
      title={`Deploy release ${release.semver}`}
      description="Pick the scope to deploy to."
      size="lg"
    >
      <form onSubmit={onSubmit} className="space-y-4">
        {scopes.isPending ? (
          <Spinner label="Loading scopes…" />
        ) : scopes.error ? (
          <FormError>
            Couldn't load the scopes. <ErrorDetails error={scopes.error} />
          </FormError>
        ) : scopeList.length === 0 ? (
          <EmptyState title="This application has no scope">Create a scope to deploy to (np scope create).</EmptyState>
        ) : (
          <fieldset className="space-y-2">
            <legend className="mb-2 text-sm font-medium">Scope</legend>
            {scopeList.map((candidate) => (
              <ScopeOption
                key={candidate.id}
                scope={candidate}
                checked={candidate.id === scope?.id}
                onSelect={() => {
                  setScopeId(candidate.id);
                  mutation.reset();
                }}
              />
            ))}
          </fieldset>
        )}

        {scope && inFlight !== undefined && (
          <FormError>
            {scope.name} already has a deployment in flight (
            <TextLink to={paths.deployment.getHref(inFlight)}>deployment #{inFlight}</TextLink>): finalize or cancel it before deploying
            again.
          </FormError>
        )}
        {scope && inFlight === undefined && <StrategyNotice scope={scope} release={release} renderRelease={renderRelease} />}

        {scope && needsAsset && (
          assets.isPending ? (
            <Spinner label="Loading the build's assets…" />
          ) : assets.error ? (
            <FormError>
              Couldn't read the build's assets. <ErrorDetails error={assets.error} />
            </FormError>
          ) : assetNames.length === 0 ? (
            <FormError>Build #{release.build_id} has no asset, so this release cannot be deployed.</FormError>
          ) : (
            <SelectField
              label="Asset"
              hint={`${scope.name} was never deployed: choose which asset of build #${release.build_id} it runs.`}
              options={assetNames.map((name) => ({ value: name, label: name }))}
              value={assetName ?? ''}
              onChange={(event) => setChosenAsset(event.target.value)}
            />
          )
        )}
        {scope && !needsAsset && (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Asset: <code className="font-mono">{scope.asset_name}</code> (the scope's)
            {missingScopeAsset && (
              <span className="block text-amber-700 dark:text-amber-400">
                Build #{release.build_id} has no asset named {scope.asset_name}: the platform will refuse this deployment.
              </span>
            )}
          </p>
        )}

        {mutation.isError && (
          <FormError>
            <p className="font-medium">The deployment was not created.</p>
            <ErrorDetails error={mutation.error} />
          </FormError>
        )}
        {scope && <CodeSnippet snippet={cliSnippets.createDeployment(body)} title="Create this deployment from the command line" />}
        <DialogFooter>
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" disabled={!canSubmit} isLoading={mutation.isPending}>
            {scope ? `Deploy ${release.semver} to ${scope.name}` : 'Deploy'}
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
