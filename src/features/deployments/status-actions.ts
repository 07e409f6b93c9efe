import type { Deployment } from '@contract/deployment';
import { deploymentTransitions, isDeploymentStatus, requestableFrom, type DeploymentStatus } from '@contract/deployment-lifecycle';

import { cliSnippets, type CliSnippet } from '@/lib/cli-snippets';

import { isDeploymentStrategy, trafficSplit } from './utils';

export type StatusActionTarget = 'finalizing' | 'cancelling' | 'rolling_back';

/** What the confirmation needs to name: the release, the scope and the release it replaces (blue/green). */
export type ActionContext = { release: string; scope: string; previousRelease: string };

export type StatusAction = {
  target: StatusActionTarget;
  /** The button on the page. */
  label: string;
  /** The confirm button in the dialog. */
  confirmLabel: string;
  tone: 'primary' | 'danger';
  snippet: (deploymentId: number) => CliSnippet;
  title: (context: ActionContext, deployment: Deployment) => string;
  /** Restates the change: what the deployment serves now and what happens next. */
  description: (context: ActionContext, deployment: Deployment) => string;
};

function serving(deployment: Deployment): string {
  if (deployment.strategy !== 'blue_green') return '';
  return `It now serves ${trafficSplit(deployment).current}% of the traffic; `;
}

/** The status changes a client may ask for, in the order the page shows their buttons. */
export const statusActions: readonly StatusAction[] = [
  {
    target: 'finalizing',
    label: 'Finalize',
    confirmLabel: 'Finalize',
    tone: 'primary',
    snippet: cliSnippets.finalizeDeployment,
    title: ({ release, scope }) => `Finalize ${release} on ${scope}?`,
    description: ({ release, previousRelease }, deployment) =>
      deployment.strategy === 'blue_green'
        ? `${serving(deployment)}all traffic moves to ${release} and ${previousRelease}'s instances stop. This cannot be undone.`
        : `${release} takes all the traffic and becomes the scope's active release. This cannot be undone.`,
  },
  {
    target: 'cancelling',
    label: 'Cancel deployment',
    confirmLabel: 'Cancel deployment',
    tone: 'danger',
    snippet: cliSnippets.cancelDeployment,
    title: ({ release, scope }) => `Cancel the deployment of ${release} on ${scope}?`,
    description: ({ release, previousRelease }, deployment) =>
      deployment.strategy === 'blue_green'
        ? `${serving(deployment)}all traffic goes back to ${previousRelease} and ${release}'s instances stop. This cannot be undone.`
        : `${release}'s instances stop and the scope stays without a release. This cannot be undone.`,
  },
  {
    target: 'rolling_back',
    label: 'Roll back',
    confirmLabel: 'Roll back',
    tone: 'danger',
    snippet: cliSnippets.rollbackDeployment,
    title: ({ release, scope }) => `Roll back ${release} on ${scope}?`,
    description: ({ release, previousRelease }, deployment) =>
      `${serving(deployment)}all traffic goes back to ${previousRelease} and ${release}'s instances stop. This cannot be undone.`,
  },
];

/** Which of the actions the lifecycle table allows for this deployment now. */
export function allowedActions(deployment: Pick<Deployment, 'status' | 'strategy'>): Set<StatusActionTarget> {
  if (!isDeploymentStatus(deployment.status) || !isDeploymentStrategy(deployment.strategy)) return new Set();
  const targets = requestableFrom(deployment.status, deployment.strategy);
  return new Set(statusActions.map((action) => action.target).filter((target) => targets.includes(target)));
}

/** The statuses from which a client may ask for `target` on a deployment of this strategy, e.g. ['running']. */
export function statusesAllowing(target: StatusActionTarget, strategy: string): DeploymentStatus[] {
  if (!isDeploymentStrategy(strategy)) return [];
  return deploymentTransitions
    .filter((transition) => transition.by === 'client' && transition.to === target && transition.strategies.includes(strategy))
    .flatMap((transition) => transition.from);
}
