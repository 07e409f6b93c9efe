/**
 * The deploy dialog as the pages open it, with what it needs from other features (a route composes features; the
 * deployments feature does not import them): the application's scopes and releases, the release's build assets.
 */
import type { Release } from '@/lib/read/release';
import type { Scope } from '@/lib/read/scope';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';

import { ServingReleaseChanges } from '@/app/compose/release-changes';
import { renderRelease } from '@/app/route-helpers';
import { Button } from '@/components/ui/button';
import { ErrorDetails } from '@/components/ui/error-state';
import { FormError, SelectField } from '@/components/ui/field';
import { Spinner } from '@/components/ui/spinner';
import { buildQueries } from '@/features/builds/api/queries';
import { DeployDialog } from '@/features/deployments/components/deploy-dialog';
import { releaseQueries } from '@/features/releases/api/queries';
import { useApplicationScopes } from '@/features/scopes/api/use-application-scopes';
import { paths } from '@/lib/paths';
import { errorsInPlace } from '@/lib/query-client';

const renderChanges = (scope: Scope, release: Release) => <ServingReleaseChanges scope={scope} release={release} />;

/** Every release of the application (one cached read) and a lookup of a release's semver by id. */
function useApplicationReleases(applicationId: number) {
  const versions = useQuery(errorsInPlace(releaseQueries.versions(applicationId)));
  const byId = new Map((versions.data?.results ?? []).map((release) => [release.id, release]));
  return { versions, byId, semverOf: (releaseId: number) => byId.get(releaseId)?.semver };
}

function useBuildAssets(buildId: number | undefined) {
  const build = useQuery(errorsInPlace(buildQueries.detail(buildId)));
  return { data: build.data?.assets, isPending: buildId !== undefined && build.isPending, error: build.error };
}

export type DeployReleaseDialogProps = { release: Release; onClose: () => void; initialScopeId?: number };

/** Deploy one release: choose the scope (the releases list, the release page). */
export function DeployReleaseDialog({ release, onClose, initialScopeId }: DeployReleaseDialogProps) {
  const navigate = useNavigate();
  const { list, scopes, isPending } = useApplicationScopes(release.application_id);
  const { semverOf } = useApplicationReleases(release.application_id);
  return (
    <DeployDialog
      release={release}
      scopes={{ data: scopes, isPending, error: list.error }}
      assets={useBuildAssets(release.build_id)}
      renderRelease={renderRelease}
      releaseSemver={semverOf}
      initialScopeId={initialScopeId}
      renderChanges={renderChanges}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      onDeployed={(deployment) => void navigate(paths.deployment.getHref(deployment.id))}
    />
  );
}

/** "Deploy" for one release: opens its deploy dialog. */
export function DeployReleaseButton({ release, size = 'md' }: { release: Release; size?: 'sm' | 'md' }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size={size}
        onClick={() => setOpen(true)}
        aria-label={`Deploy ${release.semver ?? `release #${release.id}`}`}
      >
        Deploy
      </Button>
      {open && <DeployReleaseDialog release={release} onClose={() => setOpen(false)} />}
    </>
  );
}

export type DeployHereDialogProps = { scope: Scope; onClose: () => void };

/** "Deploy a release here": the scope is given, the release is chosen among the application's (newest first). */
export function DeployHereDialog({ scope, onClose }: DeployHereDialogProps) {
  const navigate = useNavigate();
  const { versions, byId, semverOf } = useApplicationReleases(scope.application_id);
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  const releases = versions.data?.results ?? [];
  const release = (chosen === undefined ? undefined : byId.get(chosen)) ?? releases[0];
  const picker = versions.isPending ? (
    <Spinner label="Loading releases…" />
  ) : versions.data === undefined ? (
    <FormError>
      Couldn't load the releases of this application. <ErrorDetails error={versions.error} />
    </FormError>
  ) : releases.length === 0 ? (
    <FormError>This application has no release yet: create one from a successful build first.</FormError>
  ) : (
    <SelectField
      label="Release"
      hint="Newest first."
      options={releases.map((item) => ({
        value: String(item.id),
        label: `${item.semver ?? `#${item.id}`} · build #${item.build_id}`,
      }))}
      value={release ? String(release.id) : ''}
      onChange={(event) => setChosen(Number(event.target.value))}
    />
  );
  return (
    <DeployDialog
      release={release}
      releasePicker={picker}
      scopes={{ data: [scope], isPending: false, error: null }}
      assets={useBuildAssets(release?.build_id)}
      renderRelease={renderRelease}
      releaseSemver={semverOf}
      initialScopeId={scope.id}
      renderChanges={renderChanges}
      fixedScope
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      onDeployed={(deployment) => void navigate(paths.deployment.getHref(deployment.id))}
    />
  );
}
