import {
  deploymentTransitions,
  isDeploymentStatus,
  requestableFrom,
  type DeploymentStatus,
} from '@contract/deployment-lifecycle';

import { cliSnippets, type CliSnippet } from '@/lib/cli-snippets';
import { humanize } from '@/lib/format';
import type { Deployment } from '@/lib/read/deployment';

import { isDeploymentStrategy, strategyLabel, trafficSplit } from './utils';

/**
 * The status changes the console asks for, as nullplatform's own UI does (reference §9): finalize sends
 * `{status:"finalizing"}`; cancel and roll back are one request, `{status:"cancelling"}`, which ends a blue/green
 * deployment `rolled_back` and an initial one `cancelled`. `rolling_back` is never sent: no public source shows a
 * client asking for it.
 */
export type StatusActionTarget = 'finalizing' | 'cancelling';

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
  title: (context: ActionContext) => string;
  /** Restates the change: what the deployment serves now and what happens next. */
  description: (context: ActionContext, deployment: Deployment) => string;
  /** The toast once the platform accepted the request: what is happening now. */
  done: (context: ActionContext) => { title: string; description: string };
};

function serving(deployment: Deployment): string {
  return `It now serves ${trafficSplit(deployment).current}% of the traffic; `;
}

const finalizeBlueGreen: StatusAction = {
  target: 'finalizing',
  label: 'Finalize',
  confirmLabel: 'Finalize',
  tone: 'primary',
  snippet: cliSnippets.finalizeDeployment,
  title: ({ release, scope }) => `Finalize ${release} on ${scope}?`,
  description: ({ release, previousRelease }, deployment) =>
    `${serving(deployment)}all traffic moves to ${release} and ${previousRelease}'s instances stop. This cannot be undone.`,
  done: ({ release, scope, previousRelease }) => ({
    title: `Finalizing ${release} on ${scope}`,
    description: `All traffic moves to ${release}; ${previousRelease}'s instances stop.`,
  }),
};

const rollBack: StatusAction = {
  target: 'cancelling',
  label: 'Roll back',
  confirmLabel: 'Roll back',
  tone: 'danger',
  snippet: cliSnippets.cancelDeployment,
  title: ({ release, scope }) => `Roll back ${release} on ${scope}?`,
  description: ({ release, previousRelease }, deployment) =>
    `${serving(deployment)}all traffic goes back to ${previousRelease} and ${release}'s instances stop. The deployment ends rolled back. This cannot be undone.`,
  done: ({ release, scope, previousRelease }) => ({
    title: `Rolling back ${release} on ${scope}`,
    description: `All traffic goes back to ${previousRelease}; ${release}'s instances stop.`,
  }),
};

const finalizeInitial: StatusAction = {
  ...finalizeBlueGreen,
  description: ({ release }) =>
    `${release} takes all the traffic and becomes the scope's active release. This cannot be undone.`,
  done: ({ release, scope }) => ({
    title: `Finalizing ${release} on ${scope}`,
    description: `${release} becomes the scope's active release.`,
  }),
};

/** An initial deployment has nothing to roll back to: its one action besides Finalize is Cancel. */
const cancelInitial: StatusAction = {
  target: 'cancelling',
  label: 'Cancel',
  confirmLabel: 'Cancel deployment',
  tone: 'danger',
  snippet: cliSnippets.cancelDeployment,
  title: ({ release, scope }) => `Cancel the deployment of ${release} on ${scope}?`,
  description: ({ release }) =>
    `${release}'s instances stop and the scope stays without a release. This cannot be undone.`,
  done: ({ release, scope }) => ({
    title: `Cancelling ${release} on ${scope}`,
    description: `${release}'s instances stop.`,
  }),
};

/** The actions a deployment of this strategy offers, in the order the page shows their buttons; none for others. */
export function statusActionsFor(strategy: string | undefined): readonly StatusAction[] {
  if (strategy === 'blue_green') return [finalizeBlueGreen, rollBack];
  if (strategy === 'initial') return [finalizeInitial, cancelInitial];
  return [];
}

/** Which of the actions the lifecycle table allows for this deployment now. */
export function allowedActions(deployment: Pick<Deployment, 'status' | 'strategy'>): Set<StatusActionTarget> {
  if (!isDeploymentStatus(deployment.status) || !isDeploymentStrategy(deployment.strategy)) return new Set();
  const targets = requestableFrom(deployment.status, deployment.strategy);
  return new Set(
    statusActionsFor(deployment.strategy)
      .map((action) => action.target)
      .filter((target) => targets.includes(target)),
  );
}

/** The statuses from which a client may ask for `target` on a deployment of this strategy, e.g. ['running']. */
export function statusesAllowing(target: StatusActionTarget, strategy: string | undefined): DeploymentStatus[] {
  if (!isDeploymentStrategy(strategy)) return [];
  return deploymentTransitions
    .filter(
      (transition) =>
        transition.by === 'client' && transition.to === target && transition.strategies.includes(strategy),
    )
    .flatMap((transition) => transition.from);
}

/**
 * Why the console offers no action on this deployment, or undefined when it does: a strategy (canary) or a status it
 * has no rules for is shown as it came, read-only, rather than guessed at.
 */
export function readOnlyReason(deployment: Pick<Deployment, 'status' | 'strategy'>): string | undefined {
  if (!isDeploymentStrategy(deployment.strategy)) {
    const what =
      deployment.strategy === undefined
        ? 'a deployment without a strategy'
        : `${strategyLabel(deployment.strategy)} deployments`;
    return `This console has no actions for ${what}: it shows the deployment as the platform reports it. Manage it in nullplatform.`;
  }
  if (!isDeploymentStatus(deployment.status)) {
    return `This console does not know the status "${humanize(deployment.status)}": it shows the deployment as the platform reports it. Manage it in nullplatform.`;
  }
  if (deployment.status === 'creating_approval') {
    // Approvals are nullplatform's (reference §7.5 A); this console has no approval actions.
    return 'This deployment is waiting for approval: approve or deny it in nullplatform. Until then there is nothing to finalize or roll back.';
  }
  return undefined;
}
