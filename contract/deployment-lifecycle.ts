/**
 * The deployment state machine: one table that the server's HTTP layer (which PATCHes are legal now), the engine
 * (what happens next) and the SPA (which buttons are enabled) all read.
 *
 * Statuses are nullplatform's (reference §7.2). Where the reference marks behaviour unverified (§11.4–6) the choices
 * made here are:
 * - `PATCH {status:"cancelling"}` ends in `rolled_back` for blue/green and `cancelled` for initial deployments.
 * - `PATCH {status:"rolling_back"}` is accepted on a running blue/green deployment and ends in `rolled_back`.
 * - An illegal change is answered 409 with a message; nothing changes.
 * - Traffic may be set only while the deployment is waiting for instances or running, as nullplatform's own agent
 *   checks before switching (nullplatform/scopes k8s/deployment/build_context validate_status; reference §7.5); it is
 *   applied once the new instances are healthy.
 */
export const deploymentStatuses = [
  'creating_approval',
  'creating_approval_denied',
  'creating',
  'waiting_for_instances',
  'running',
  'finalizing',
  'finalized',
  'cancelling',
  'cancelled',
  'failed',
  'rolling_back',
  'rolled_back',
  'deleting',
  'deleted',
] as const;
export type DeploymentStatus = (typeof deploymentStatuses)[number];

export const deploymentStrategies = ['initial', 'blue_green'] as const;
export type DeploymentStrategy = (typeof deploymentStrategies)[number];

export const statusesInScope = ['candidate', 'active', 'inactive'] as const;
export type StatusInScope = (typeof statusesInScope)[number];

const terminalStatuses: readonly DeploymentStatus[] = [
  'creating_approval_denied',
  'finalized',
  'cancelled',
  'failed',
  'rolled_back',
  'deleted',
];

/** A scope holds at most one deployment in one of these statuses. */
export const inFlightStatuses: readonly DeploymentStatus[] = [
  'creating_approval',
  'creating',
  'waiting_for_instances',
  'running',
  'finalizing',
  'cancelling',
  'rolling_back',
];

export type TransitionActor = 'client' | 'platform';

export type Transition = {
  from: readonly DeploymentStatus[];
  to: DeploymentStatus;
  by: TransitionActor;
  strategies: readonly DeploymentStrategy[];
  /** What the change means, for messages and docs. */
  reason: string;
};

const both = deploymentStrategies;

export const deploymentTransitions: readonly Transition[] = [
  { from: ['creating'], to: 'waiting_for_instances', by: 'platform', strategies: both, reason: 'instances launched' },
  { from: ['waiting_for_instances'], to: 'running', by: 'platform', strategies: both, reason: 'all instances healthy' },
  {
    from: ['creating', 'waiting_for_instances', 'running'],
    to: 'failed',
    by: 'platform',
    strategies: both,
    reason: 'instances could not be started or never became healthy',
  },
  {
    from: ['running'],
    to: 'finalizing',
    by: 'platform',
    strategies: ['initial'],
    reason: 'initial deployments finalize by themselves',
  },
  {
    from: ['running'],
    to: 'finalizing',
    by: 'platform',
    strategies: ['blue_green'],
    reason: 'the deployment reached expires_at',
  },
  { from: ['running'], to: 'finalizing', by: 'client', strategies: both, reason: 'finalize requested' },
  {
    from: ['finalizing'],
    to: 'failed',
    by: 'platform',
    strategies: both,
    reason: 'the new instances never became healthy enough to take all the traffic; the previous release keeps serving',
  },
  {
    from: ['finalizing'],
    to: 'finalized',
    by: 'platform',
    strategies: both,
    reason: 'all traffic on the new release, old instances stopped',
  },
  {
    from: ['creating', 'waiting_for_instances', 'running'],
    to: 'cancelling',
    by: 'client',
    strategies: both,
    reason: 'cancel requested',
  },
  { from: ['running'], to: 'rolling_back', by: 'client', strategies: ['blue_green'], reason: 'rollback requested' },
  {
    from: ['running'],
    to: 'rolling_back',
    by: 'platform',
    strategies: ['blue_green'],
    reason: 'a metric rule of its strategy was broken (strategy_data.parameters.metrics)',
  },
  { from: ['cancelling'], to: 'cancelled', by: 'platform', strategies: ['initial'], reason: 'new instances stopped' },
  {
    from: ['cancelling', 'rolling_back'],
    to: 'rolled_back',
    by: 'platform',
    strategies: ['blue_green'],
    reason: 'all traffic back on the previous release, new instances stopped',
  },
  {
    from: ['finalized'],
    to: 'deleted',
    by: 'platform',
    strategies: both,
    reason: 'the scope was deleted; its instances stopped',
  },
];

export function findTransition(
  from: DeploymentStatus,
  to: DeploymentStatus,
  strategy: DeploymentStrategy,
  by: TransitionActor,
): Transition | undefined {
  return deploymentTransitions.find(
    (transition) =>
      transition.to === to &&
      transition.by === by &&
      transition.from.includes(from) &&
      transition.strategies.includes(strategy),
  );
}

/** Client-requestable target statuses from here, for enabling buttons. */
export function requestableFrom(from: DeploymentStatus, strategy: DeploymentStrategy): DeploymentStatus[] {
  return deploymentTransitions
    .filter(
      (transition) =>
        transition.by === 'client' && transition.from.includes(from) && transition.strategies.includes(strategy),
    )
    .map((transition) => transition.to);
}

/**
 * Where `desired_switched_traffic` may change: nullplatform/scopes k8s/deployment/build_context (validate_status)
 * refuses a switch-traffic action in any other status. Not while `creating`: the new instances do not exist yet.
 */
export const trafficSettableStatuses: readonly DeploymentStatus[] = ['waiting_for_instances', 'running'];

/** Why a traffic change is refused now, or undefined when it is allowed. */
export function trafficChangeRefusal(status: DeploymentStatus, strategy: DeploymentStrategy): string | undefined {
  if (strategy !== 'blue_green') {
    return 'an initial deployment takes all the traffic: there is no previous release to split it with';
  }
  if (!trafficSettableStatuses.includes(status)) {
    return `traffic can be moved only while the deployment is ${trafficSettableStatuses.join(', ')}; it is ${status}`;
  }
  return undefined;
}

export function isDeploymentStatus(value: string): value is DeploymentStatus {
  return (deploymentStatuses as readonly string[]).includes(value);
}

export function isTerminal(status: string): boolean {
  return (terminalStatuses as readonly string[]).includes(status);
}

export function isInFlight(status: string): boolean {
  return (inFlightStatuses as readonly string[]).includes(status);
}
