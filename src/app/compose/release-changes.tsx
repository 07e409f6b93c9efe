/**
 * "What am I deploying", as the pages show it: the release-diff feature's view, given what other features own (the
 * releases, their builds' commits, the application's repository, the deployment serving a scope).
 *
 * On the local platform the console server answers it (GET /console/release-diff: git, else a compare link, else why
 * not). Connected to nullplatform there is no such endpoint: the SPA builds the repository host's compare page from
 * the application's `repository_url` and the two builds' commits itself.
 */
import type { Deployment } from '@/lib/read/deployment';
import type { Release } from '@/lib/read/release';
import type { Scope } from '@/lib/read/scope';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';

import { Button } from '@/components/ui/button';
import { ErrorDetails } from '@/components/ui/error-state';
import { FormError, SelectField } from '@/components/ui/field';
import { SectionHeading } from '@/components/ui/page-header';
import { Spinner } from '@/components/ui/spinner';
import { applicationQueries } from '@/features/applications/api/queries';
import { buildQueries } from '@/features/builds/api/queries';
import { deploymentQueries } from '@/features/deployments/api/queries';
import { releaseDiffQueries } from '@/features/release-diff/api/queries';
import { ReleaseDiffView } from '@/features/release-diff/components/release-diff-view';
import { type DiffSide, fromReleaseDiff, fromRepository } from '@/features/release-diff/diff-view-model';
import { releaseQueries } from '@/features/releases/api/queries';
import { consoleInfoQuery } from '@/lib/console-info';

/** A release's semver and its build's commit. */
function useSide(releaseId: number, enabled: boolean) {
  const release = useQuery({ ...releaseQueries.detail(releaseId), enabled, throwOnError: false });
  const buildId = release.data?.build_id;
  const build = useQuery({
    ...buildQueries.detail(buildId ?? 0),
    enabled: enabled && buildId !== undefined,
    throwOnError: false,
  });
  const side: DiffSide = { semver: release.data?.semver, commit: build.data?.commit?.id };
  return { side, release, ready: build.data !== undefined, error: release.error ?? build.error };
}

export type ReleaseChangesProps = { fromReleaseId: number; toReleaseId: number };

/** The commits between two releases of one application. */
export function ReleaseChanges({ fromReleaseId, toReleaseId }: ReleaseChangesProps) {
  const info = useQuery(consoleInfoQuery);
  const local = info.data?.mode === 'local';
  const connected = info.data?.mode === 'connected';
  const diff = useQuery({
    ...releaseDiffQueries.between(fromReleaseId, toReleaseId),
    enabled: local,
    throwOnError: false,
  });
  const from = useSide(fromReleaseId, connected);
  const to = useSide(toReleaseId, connected);
  const applicationId = to.release.data?.application_id;
  const application = useQuery({
    ...applicationQueries.detail(applicationId ?? 0),
    enabled: connected && applicationId !== undefined,
    throwOnError: false,
  });

  if (local) {
    const answer = diff.data;
    return (
      <ReleaseDiffView
        from={{ semver: answer?.from.semver ?? undefined, commit: answer?.from.commit_id }}
        to={{ semver: answer?.to.semver ?? undefined, commit: answer?.to.commit_id }}
        model={answer === undefined ? undefined : fromReleaseDiff(answer)}
        error={diff.error}
      />
    );
  }
  const ready = connected && from.ready && to.ready && application.data !== undefined;
  return (
    <ReleaseDiffView
      from={from.side}
      to={to.side}
      model={ready ? fromRepository(application.data?.repository_url, from.side, to.side) : undefined}
      error={from.error ?? to.error ?? application.error ?? info.error}
    />
  );
}

function Heading({ id }: { id: string }) {
  return (
    <h3 id={id} className="text-sm font-semibold text-slate-900 dark:text-slate-100">
      What am I deploying
    </h3>
  );
}

/** In the deploy dialog: the changes between the release serving the scope and the one about to be deployed. */
export function ServingReleaseChanges({ scope, release }: { scope: Scope; release: Release }) {
  const headingId = useId();
  const activeId = typeof scope.active_deployment === 'number' ? scope.active_deployment : undefined;
  const active = useQuery({
    ...deploymentQueries.detail(activeId ?? 0),
    enabled: activeId !== undefined,
    throwOnError: false,
  });
  const scopeName = scope.name ?? `scope #${scope.id}`;
  const semver = release.semver ?? `release #${release.id}`;
  let body;
  if (activeId === undefined) {
    body = (
      <p>
        Nothing serves {scopeName} yet: everything in {semver} is new there.
      </p>
    );
  } else if (active.data === undefined) {
    body = active.error ? (
      <FormError>
        Couldn't read the release serving {scopeName}. <ErrorDetails error={active.error} />
      </FormError>
    ) : (
      <Spinner label={`Reading what serves ${scopeName}…`} />
    );
  } else if (active.data.release_id === release.id) {
    body = (
      <p>
        {semver} already serves {scopeName}: nothing changes in the code.
      </p>
    );
  } else {
    body = <ReleaseChanges fromReleaseId={active.data.release_id} toReleaseId={release.id} />;
  }
  return (
    <section
      aria-labelledby={headingId}
      className="space-y-2 rounded-md border border-slate-200 p-3 text-sm dark:border-slate-700"
      data-testid="what-am-i-deploying"
    >
      <Heading id={headingId} />
      {body}
    </section>
  );
}

/** On the deployment page: the changes this deployment brings over the release it replaces. */
export function DeploymentChanges({
  deployment,
  replacedDeploymentId,
}: {
  deployment: Deployment;
  replacedDeploymentId: number | undefined;
}) {
  const replaced = useQuery({
    ...deploymentQueries.detail(replacedDeploymentId ?? 0),
    enabled: replacedDeploymentId !== undefined,
    throwOnError: false,
  });
  if (deployment.strategy === 'initial') {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        The scope's first deployment: nothing was serving there before, so everything in it is new.
      </p>
    );
  }
  if (deployment.strategy !== 'blue_green') {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Unknown: this console finds the release a deployment replaces for blue/green deployments only.
      </p>
    );
  }
  if (replacedDeploymentId === undefined || replaced.data === undefined) {
    return replaced.error ? (
      <FormError>
        Couldn't read the deployment this one replaces. <ErrorDetails error={replaced.error} />
      </FormError>
    ) : (
      <Spinner label="Reading the release this one replaces…" />
    );
  }
  return <ReleaseChanges fromReleaseId={replaced.data.release_id} toReleaseId={deployment.release_id} />;
}

/**
 * On the releases page: any two releases of the application, the older side first. Closed until asked for: it reads
 * every release of the application, which the page itself does not need.
 */
export function CompareReleases({ applicationId }: { applicationId: number }) {
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby="compare-releases" className="mt-8">
      <SectionHeading
        id="compare-releases"
        actions={
          <Button
            variant="secondary"
            size="sm"
            aria-expanded={open}
            aria-controls="compare-releases-body"
            onClick={() => setOpen(!open)}
          >
            {open ? 'Close' : 'Compare two releases'}
          </Button>
        }
      >
        Compare releases
      </SectionHeading>
      <div id="compare-releases-body">{open && <CompareChooser applicationId={applicationId} />}</div>
    </section>
  );
}

function CompareChooser({ applicationId }: { applicationId: number }) {
  const versions = useQuery({ ...releaseQueries.versions(applicationId), throwOnError: false });
  const releases = versions.data?.results ?? [];
  const [chosenFrom, setFrom] = useState<number | undefined>(undefined);
  const [chosenTo, setTo] = useState<number | undefined>(undefined);
  // Newest first: by default the newest against the one before it.
  const to = chosenTo ?? releases[0]?.id;
  const from = chosenFrom ?? releases[1]?.id;
  const options = releases.map((release) => ({
    value: String(release.id),
    label: `${release.semver ?? `#${release.id}`} · build #${release.build_id}`,
  }));
  if (versions.isPending) return <Spinner label="Loading releases…" />;
  if (versions.data === undefined) {
    return (
      <FormError>
        Couldn't load the releases. <ErrorDetails error={versions.error} />
      </FormError>
    );
  }
  if (releases.length < 2)
    return <p className="text-sm text-slate-600 dark:text-slate-400">Comparing needs two releases.</p>;
  return (
    <div className="space-y-3">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <SelectField
          label="From"
          options={options}
          value={from === undefined ? '' : String(from)}
          onChange={(event) => setFrom(Number(event.target.value))}
        />
        <SelectField
          label="To"
          options={options}
          value={to === undefined ? '' : String(to)}
          onChange={(event) => setTo(Number(event.target.value))}
        />
      </div>
      {from !== undefined && to !== undefined && from !== to ? (
        <ReleaseChanges fromReleaseId={from} toReleaseId={to} />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">Choose two different releases.</p>
      )}
    </div>
  );
}
