import type { Asset } from '@/lib/read/asset';
import type { Deployment } from '@/lib/read/deployment';
import type { Release } from '@/lib/read/release';
import type { Scope } from '@/lib/read/scope';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';

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
import { paths } from '@/lib/paths';

import { consoleInfoQuery } from '@/lib/console-info';
import { isOlderVersion } from '@/lib/semver';
import { errorsInPlace } from '@/lib/query-client';

import { useCreateDeployment } from '../api/create-deployment';
import { deploymentQueries } from '../api/queries';
import { useStrategySelection } from '../hooks/use-strategy-selection';
import { strategyRefusal } from '../strategy-form';
import { deploymentKind, ScopeOption, StrategyNotice } from './deploy-scope-choice';
import { OlderVersionCheck } from './older-version-check';
import { StrategyChoice } from './strategy-choice';

/** Data the dialog is given by the page that composes it (scopes and build assets belong to other features). */
export type Loadable<T> = { data: T | undefined; isPending: boolean; error: unknown };

export type DeployDialogProps = {
  /** The release to deploy; undefined until one is chosen in `releasePicker`. */
  release: Release | undefined;
  /** A choice of release shown first, for a dialog opened from a scope ("Deploy a release here"). */
  releasePicker?: ReactNode;
  /** The application's scopes, with active_deployment / in_progress_deployment filled in. */
  scopes: Loadable<readonly Scope[]>;
  /** The assets of the release's build. */
  assets: Loadable<readonly Asset[]>;
  renderRelease: (releaseId: number) => ReactNode;
  /** The semver of a release of the application: how the dialog tells an older version than the one serving. */
  releaseSemver?: (releaseId: number) => string | undefined;
  onOpenChange: (open: boolean) => void;
  onDeployed: (deployment: Deployment) => void;
  initialScopeId?: number;
  /** The scope is given (the dialog was opened from it): no choice of scope is shown. */
  fixedScope?: boolean;
  /** What the release brings over the one serving the scope (composed by the page: releases and builds are other features'). */
  renderChanges?: (scope: Scope, release: Release) => ReactNode;
};

/** Deploy a release to a scope, saying what kind of deployment it will be, what it replaces, and when it goes back. */
export function DeployDialog(props: DeployDialogProps) {
  const {
    release,
    releasePicker,
    scopes,
    assets,
    renderRelease,
    releaseSemver,
    onOpenChange,
    onDeployed,
    initialScopeId,
    fixedScope,
    renderChanges,
  } = props;
  const scopeList = scopes.data ?? [];
  const [scopeId, setScopeId] = useState<number | undefined>(
    initialScopeId ?? (scopeList.length === 1 ? scopeList[0]?.id : undefined),
  );
  const scope =
    scopeList.find((candidate) => candidate.id === scopeId) ?? (scopeList.length === 1 ? scopeList[0] : undefined);
  const [chosenAsset, setChosenAsset] = useState<string | undefined>(undefined);
  // The confirmation of an older version holds for the release and scope it was given for only.
  const [olderConfirmedFor, setOlderConfirmedFor] = useState<string | undefined>(undefined);
  const active = useQuery(
    errorsInPlace(
      deploymentQueries.detail(typeof scope?.active_deployment === 'number' ? scope.active_deployment : undefined),
    ),
  );
  const activeReleaseId = typeof scope?.active_deployment === 'number' ? active.data?.release_id : undefined;
  const servingSemver = activeReleaseId === undefined ? undefined : releaseSemver?.(activeReleaseId);
  const olderThanServing = isOlderVersion(release?.semver, servingSemver);
  const confirmKey = `${release?.id ?? ''}:${scope?.id ?? ''}`;
  // Another release or scope takes the confirmation back (state adjusted while rendering, as React documents).
  if (olderConfirmedFor !== undefined && olderConfirmedFor !== confirmKey) setOlderConfirmedFor(undefined);
  const olderConfirmed = olderConfirmedFor === confirmKey;

  const info = useQuery(consoleInfoQuery);
  const mode = info.data?.mode === 'connected' ? 'connected' : 'local';
  const [attempted, setAttempted] = useState(false);

  const mutation = useCreateDeployment({
    onSuccess: (deployment) => {
      showToast({
        tone: 'success',
        title: `Deploying ${release?.semver ?? `release #${deployment.release_id}`}${scope ? ` to ${scope.name}` : ''}`,
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
  // Strategies pace a blue/green switch; an initial deployment takes all the traffic at once (reference §8).
  const strategyApplies =
    scope !== undefined && release !== undefined && inFlight === undefined && deploymentKind(scope) === 'blue_green';
  // A change of strategy takes back the platform's refusal of the previous one.
  const chosen = useStrategySelection(scope, strategyApplies, () => mutation.reset());
  const serverErrors = strategyRefusal(mutation.error, chosen.parameters !== undefined);
  const canSubmit =
    Boolean(scope) &&
    Boolean(release) &&
    inFlight === undefined &&
    (!needsAsset || Boolean(assetName)) &&
    (!olderThanServing || olderConfirmed);

  const body = {
    scope_id: scope?.id ?? 0,
    release_id: release?.id ?? 0,
    ...(needsAsset && assetName ? { asset_name: assetName } : {}),
    ...(chosen.parameters === undefined ? {} : { strategy_data: { parameters: chosen.parameters } }),
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!canSubmit || !scope) return;
    setAttempted(true);
    if (!chosen.valid) return;
    mutation.mutate(body);
  };

  return (
    <Dialog
      open
      onOpenChange={onOpenChange}
      title={fixedScope && scope ? `Deploy a release to ${scope.name}` : `Deploy release ${release?.semver ?? ''}`}
      description={fixedScope ? 'Pick the release to deploy.' : 'Pick the scope to deploy to.'}
      size="lg"
    >
      <form onSubmit={onSubmit} className="space-y-4">
        {releasePicker}
        {fixedScope ? null : scopes.isPending ? (
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
            <TextLink to={paths.deployment.getHref(inFlight)}>deployment #{inFlight}</TextLink>): finalize or cancel it
            before deploying again.
          </FormError>
        )}
        {scope && release && inFlight === undefined && (
          <StrategyNotice
            scope={scope}
            release={release}
            activeReleaseId={activeReleaseId}
            renderRelease={renderRelease}
            inSteps={strategyApplies && chosen.plan?.steps?.enabled === true}
          />
        )}
        {scope && release && inFlight === undefined && renderChanges?.(scope, release)}
        {scope && release && inFlight === undefined && olderThanServing && (
          <OlderVersionCheck
            semver={release.semver ?? ''}
            serving={servingSemver ?? ''}
            scopeName={scope.name ?? `scope #${scope.id}`}
            checked={olderConfirmed}
            onChange={(checked) => setOlderConfirmedFor(checked ? confirmKey : undefined)}
          />
        )}

        {strategyApplies && (
          <StrategyChoice selection={chosen} mode={mode} showAllErrors={attempted} serverErrors={serverErrors} />
        )}

        {scope &&
          release &&
          needsAsset &&
          (assets.isPending ? (
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
          ))}
        {scope && release && !needsAsset && (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Asset: <code className="font-mono">{scope.asset_name}</code> (the scope's)
            {missingScopeAsset && (
              <span className="block text-amber-700 dark:text-amber-400">
                Build #{release.build_id} has no asset named {scope.asset_name}: the platform will refuse this
                deployment.
              </span>
            )}
          </p>
        )}

        {mutation.isError && (
          <FormError>
            <p className="font-medium">The deployment was not created.</p>
            {serverErrors.form === undefined && Object.keys(serverErrors).length > 0 ? (
              <p>The platform refused the strategy: see above.</p>
            ) : (
              <ErrorDetails error={mutation.error} />
            )}
          </FormError>
        )}
        {scope && release && chosen.valid && (
          <CodeSnippet
            snippet={cliSnippets.createDeployment(body)}
            title="Create this deployment from the command line"
          />
        )}
        <DialogFooter>
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" disabled={!canSubmit} isLoading={mutation.isPending}>
            {scope && release ? `Deploy ${release.semver} to ${scope.name}` : 'Deploy'}
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
