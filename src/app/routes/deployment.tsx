/**
 * The deployment page: what is deployed where, its status timeline and messages, its instances, and for blue/green the
 * traffic panel, Finalize/Cancel and the live chart of requests at the scope's address. The deployments feature draws
 * all of it; this module reads what other features own (release, build, scope, application, instances) and composes.
 */
import type { Deployment } from '@/lib/read/deployment';
import { useQuery } from '@tanstack/react-query';
import { isTerminal } from '@contract/deployment-lifecycle';
import { useRef, type ReactNode } from 'react';

import { DeploymentChanges } from '@/app/compose/release-changes';
import { InvalidId, parseId, useIdParam } from '@/app/route-helpers';
import type { RouteHandle } from '@/app/route-handle';
import { BreadcrumbTrail } from '@/components/ui/breadcrumbs';
import { ErrorState } from '@/components/ui/error-state';
import { SectionHeading } from '@/components/ui/page-header';
import { PageSkeleton } from '@/components/ui/skeleton';
import { TextLink } from '@/components/ui/text-link';
import { ActivityFeed } from '@/features/activity/components/activity-feed';
import { Authors } from '@/features/activity/components/authors';
import { ApplicationBreadcrumb } from '@/features/applications/components/application-breadcrumb';
import { applicationQueries } from '@/features/applications/api/queries';
import { BuildReference } from '@/features/builds/components/build-reference';
import { deploymentQueries } from '@/features/deployments/api/queries';
import { DeploymentActions } from '@/features/deployments/components/deployment-actions';
import { DeploymentHeader } from '@/features/deployments/components/deployment-header';
import { DeploymentMessages } from '@/features/deployments/components/deployment-messages';
import { DeploymentSummary } from '@/features/deployments/components/deployment-summary';
import { DeploymentSource } from '@/features/deployments/components/deployment-source';
import { InstanceProgress } from '@/features/deployments/components/instance-progress';
import { LiveTraffic } from '@/features/deployments/components/live-traffic';
import { RollbackReasonBanner } from '@/features/deployments/components/rollback-reason';
import { RolloutPlan } from '@/features/deployments/components/rollout-plan';
import { StatusTimeline } from '@/features/deployments/components/status-timeline';
import { StrategyData } from '@/features/deployments/components/strategy-data';
import { TrafficPanel } from '@/features/deployments/components/traffic-panel';
import { useReplacedDeployment } from '@/features/deployments/hooks/use-replaced-deployment';
import { useRolloutEvidence } from '@/features/deployments/hooks/use-rollout-evidence';
import { stepsRanBefore } from '@/features/deployments/auto-steps';
import { automaticRollbackReason } from '@/features/deployments/rule-evidence';
import { readOnlyReason } from '@/features/deployments/status-actions';
import { InstanceLogsPanel } from '@/features/logs/components/instance-logs-panel';
import { releaseQueries } from '@/features/releases/api/queries';
import { scopeQueries } from '@/features/scopes/api/queries';
import { useScopeRuntime } from '@/features/scopes/hooks/use-scope-runtime';
import { focusRing } from '@/components/ui/focus-ring';
import { cn } from '@/lib/cn';
import { consoleInfoQuery } from '@/lib/console-info';
import { paths } from '@/lib/paths';
import { displayName } from '@/lib/read/display';
import { errorsInPlace } from '@/lib/query-client';

function DeploymentBreadcrumb({ deploymentId }: { deploymentId: number }) {
  const deployment = useQuery(errorsInPlace(deploymentQueries.detail(deploymentId)));
  // nullplatform's deployments carry no application_id (reference §8b): the scope knows it.
  const scopeId = deployment.data?.application_id === undefined ? deployment.data?.scope_id : undefined;
  const scope = useQuery(errorsInPlace(scopeQueries.detail(scopeId)));
  const applicationId = deployment.data?.application_id ?? scope.data?.application_id;
  const label = `Deployment #${deploymentId}`;
  if (applicationId === undefined) {
    return <BreadcrumbTrail items={[{ label: 'Applications', href: paths.home.getHref() }, { label }]} />;
  }
  return (
    <ApplicationBreadcrumb
      applicationId={applicationId}
      trail={[{ label: 'Deployments', href: paths.deployments.getHref(applicationId) }, { label }]}
    />
  );
}

export const handle: RouteHandle = {
  Breadcrumb: ({ params }) => {
    const id = parseId(params.deploymentId);
    return id ? <DeploymentBreadcrumb deploymentId={id} /> : null;
  },
};

function Panel({
  id,
  title,
  children,
  className,
}: {
  id: string;
  title: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section
      aria-labelledby={id}
      // Focus lands here when a dialog closes and the button that opened it is disabled by what it did (Finalize).
      data-focus-return
      tabIndex={-1}
      className={cn(
        focusRing,
        'rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900',
        className,
      )}
    >
      <SectionHeading id={id}>{title}</SectionHeading>
      {children}
    </section>
  );
}

/** A deployment's release semver, read through the deployment (for the one it replaces). */
function useDeploymentSemver(deploymentId: number | undefined): string | undefined {
  const deployment = useQuery(errorsInPlace(deploymentQueries.detail(deploymentId)));
  const releaseId = deployment.data?.release_id;
  const release = useQuery(errorsInPlace(releaseQueries.detail(releaseId)));
  return deploymentId === undefined ? undefined : release.data?.semver;
}

function DeploymentView({ deployment }: { deployment: Deployment }) {
  const release = useQuery(errorsInPlace(releaseQueries.detail(deployment.release_id)));
  const scope = useQuery(errorsInPlace(scopeQueries.detail(deployment.scope_id)));
  const applicationId = deployment.application_id ?? scope.data?.application_id;
  const application = useQuery(errorsInPlace(applicationQueries.detail(applicationId)));
  const info = useQuery(consoleInfoQuery);
  const { runtime } = useScopeRuntime(deployment.scope_id);
  const previousId = useReplacedDeployment(deployment, scope.data?.active_deployment);
  const previousSemver = useDeploymentSemver(previousId);
  const mode = info.data?.mode;
  const evidence = useRolloutEvidence(deployment, mode);

  const semver = release.data?.semver;
  const scopeName = scope.data ? displayName(scope.data, 'scope') : `scope #${deployment.scope_id}`;
  const names = { old: previousSemver ?? 'the previous release', new: semver ?? `release #${deployment.release_id}` };
  const labels: Record<string, string> = { [deployment.id]: names.new };
  if (previousId !== undefined && previousSemver) labels[previousId] = previousSemver;
  const blueGreen = deployment.strategy === 'blue_green';
  const readOnly = readOnlyReason(deployment) !== undefined;
  // A finished deployment shows what it did instead of controls that can no longer do anything.
  const finished = isTerminal(deployment.status);
  const startedLive = useRef(!finished);
  const plan = evidence.plan;
  const rulesOn = plan?.rules?.enabled === true && plan.rules.rules.length > 0;
  // A finished deployment shows its plan only when something in it was automatic; a running one always (to start steps).
  const showPlan =
    blueGreen &&
    !readOnly &&
    plan !== undefined &&
    (!finished || plan.steps?.enabled === true || rulesOn || stepsRanBefore(deployment));
  const rollbackReason = blueGreen
    ? automaticRollbackReason(
        deployment,
        plan?.rules?.rules ?? [],
        evidence.evaluations,
        semver ?? `release #${deployment.release_id}`,
      )
    : undefined;
  // Until the names are in, the page would say "Release #8 → scope #2" and offer actions that name neither.
  if (release.isPending || scope.isPending) return <PageSkeleton label="Loading deployment…" />;

  return (
    <>
      <title>{`${semver ?? `Deployment #${deployment.id}`} → ${scopeName} · np-console`}</title>
      <DeploymentHeader
        deployment={deployment}
        mode={mode}
        release={semver}
        scope={scope.data ? { id: scope.data.id, name: displayName(scope.data, 'Scope') } : undefined}
        application={
          application.data ? { id: application.data.id, name: displayName(application.data, 'Application') } : undefined
        }
        replaces={
          previousId === undefined ? (
            'the previous release'
          ) : (
            <>
              <span className="font-mono">{previousSemver ?? '…'}</span>{' '}
              <TextLink to={paths.deployment.getHref(previousId)}>(deployment #{previousId})</TextLink>
            </>
          )
        }
      />
      {rollbackReason && (
        <RollbackReasonBanner reason={rollbackReason} status={deployment.status} previous={names.old} />
      )}
      {finished && (
        <DeploymentSummary
          deployment={deployment}
          names={{ ...names, scope: scopeName }}
          replacesControls={startedLive.current}
        />
      )}
      {/*
        Three grid items: the main column, the actions and the rest of the side column (the first row as tall as the actions,
        so the side column does not open a gap under them when the main column is long). On a phone the actions come
        first and stay on screen (sticky) while the chart and the messages scroll under them.
      */}
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-3 lg:grid-rows-[auto_1fr]">
        <div className="space-y-6 lg:col-span-2 lg:row-span-2">
          {blueGreen && !readOnly && !finished && (
            <Panel id="traffic-heading" title="Traffic">
              <TrafficPanel deployment={deployment} names={names} scope={scopeName} />
            </Panel>
          )}
          {showPlan && plan && (
            <Panel id="rollout-plan-heading" title="Rollout plan">
              <RolloutPlan
                deployment={deployment}
                plan={plan}
                evaluations={evidence.evaluations}
                evaluationsError={evidence.evaluationsError}
                mode={mode}
                applicationId={applicationId}
                release={names.new}
                scope={scopeName}
              />
            </Panel>
          )}
          {readOnly && !finished && (
            <Panel id="strategy-heading" title="Strategy">
              <StrategyData deployment={deployment} />
            </Panel>
          )}
          <LiveTraffic
            mode={mode}
            scopeId={deployment.scope_id}
            labels={labels}
            deploymentId={deployment.id}
            previousDeploymentId={previousId}
          />
          <Panel id="messages-heading" title="Messages">
            <DeploymentMessages messages={deployment.messages} />
          </Panel>
          <InstanceLogsPanel deployment={deployment} serving={scope.data?.active_deployment === deployment.id} />
          <Panel id="changes-heading" title="What it deploys">
            <DeploymentChanges deployment={deployment} replacedDeploymentId={previousId} />
          </Panel>
          <Panel id="activity-heading" title="Activity">
            <ActivityFeed of={{ deployment_id: deployment.id }} />
          </Panel>
        </div>
        {!finished && (
          <Panel
            id="actions-heading"
            title="Actions"
            className="order-first max-lg:sticky max-lg:top-0 max-lg:z-20 max-lg:shadow-md lg:order-none lg:col-start-3 lg:row-start-1"
          >
            <DeploymentActions
              deployment={deployment}
              context={{ release: names.new, scope: scopeName, previousRelease: names.old }}
            />
          </Panel>
        )}
        <div className="space-y-6 lg:col-start-3">
          <Panel id="timeline-heading" title="Status">
            <StatusTimeline deployment={deployment} />
          </Panel>
          <Panel id="instances-heading" title="Instances">
            <InstanceProgress
              deployment={deployment}
              runtime={runtime}
              mode={mode}
              healthTimeoutMs={info.data?.health_timeout_ms}
            />
          </Panel>
          <Panel id="source-heading" title="Release and build">
            <DeploymentSource
              deployment={deployment}
              release={
                applicationId === undefined ? (
                  <span className="font-mono">{names.new}</span>
                ) : (
                  <TextLink to={paths.release.getHref(deployment.release_id)} className="font-mono">
                    {names.new}
                  </TextLink>
                )
              }
              build={
                release.data ? (
                  <BuildReference buildId={release.data.build_id} />
                ) : (
                  <span className="text-slate-500">…</span>
                )
              }
            />
            <Authors createdBy={deployment.created_by} updatedBy={deployment.updated_by} />
          </Panel>
        </div>
      </div>
    </>
  );
}

function DeploymentPage({ deploymentId }: { deploymentId: number }) {
  const query = useQuery(deploymentQueries.detail(deploymentId));
  if (query.isPending) return <PageSkeleton label="Loading deployment…" />;
  if (query.data === undefined) {
    return (
      <ErrorState
        error={query.error}
        title={`Couldn't load deployment #${deploymentId}`}
        onRetry={() => void query.refetch()}
        back={{ href: paths.home.getHref(), label: 'Back to applications' }}
      />
    );
  }
  return <DeploymentView deployment={query.data} />;
}

export default function DeploymentRoute() {
  const deploymentId = useIdParam('deploymentId');
  if (deploymentId === undefined) return <InvalidId what="a deployment" />;
  return <DeploymentPage deploymentId={deploymentId} />;
}
