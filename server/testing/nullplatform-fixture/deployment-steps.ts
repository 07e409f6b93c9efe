/**
 * How a deployment moves: one queued step per read (see state.ts), and what each status change does to the deployment
 * and its scope. The order follows the reference's transition table (§7.5) and nullplatform/services-endpoint-exposer's
 * routing: finalized → all traffic on the new release; rolled back → all back on the old one.
 */
import type { Deployment, DeploymentMessage, DeploymentStatus } from './shapes/deployment';
import type { FixtureState, Step } from './state';

/**
 * The deployment as this read sees it, then one step further. `messages` are only filled when asked for
 * (`include_messages=true`, reference §7.6); otherwise the list is empty, as nullplatform sends it.
 */
export function observeDeployment(state: FixtureState, deployment: Deployment, includeMessages: boolean): Deployment {
  const seen = structuredClone(deployment);
  if (!includeMessages) seen.messages = [];
  const step = state.takeStep(deployment.id);
  if (step !== undefined) applyStep(state, deployment, step);
  return seen;
}

function applyStep(state: FixtureState, deployment: Deployment, step: Step): void {
  if (step.kind === 'traffic') {
    const desired = deployment.strategy_data.desired_switched_traffic ?? 0;
    deployment.strategy_data.switched_traffic = desired;
    deployment.updated_at = state.now();
    note(deployment, 'INFO', `Switched ${desired}% of the traffic to the new release`, deployment.updated_at);
    return;
  }
  enterStatus(state, deployment, step.to);
}

/** Sets the status with its start time, and what reaching it means for the traffic and the scope. */
export function enterStatus(state: FixtureState, deployment: Deployment, status: DeploymentStatus): void {
  const at = state.now();
  deployment.status = status;
  deployment.status_started_at = { ...deployment.status_started_at, [status]: at };
  deployment.updated_at = at;
  const data = deployment.strategy_data;
  switch (status) {
    case 'waiting_for_instances': {
      deployment.status_in_scope = 'candidate';
      const instances = instanceCount(state, deployment.scope_id);
      Object.assign(data, { amount_instances_to_wait: instances, launched_instances: instances, healthy_instances: 0 });
      note(deployment, 'INFO', `Waiting for ${instances} instance(s) to be healthy`, at);
      break;
    }
    case 'running':
      data.healthy_instances = data.amount_instances_to_wait ?? 1;
      // Blue/green starts with the new release at 0% (reference §7.5 D); traffic never moves by itself.
      // (A switch asked for while waiting for instances stays asked for, and is applied by its own step.)
      if (deployment.strategy === 'blue_green') {
        data.desired_switched_traffic ??= 0;
        data.switched_traffic = 0;
      }
      note(deployment, 'INFO', 'All instances are healthy', at);
      break;
    case 'finalized': {
      const previous = state.activeDeployment(deployment.scope_id);
      if (previous !== undefined && previous.id !== deployment.id) {
        previous.status_in_scope = 'inactive';
        previous.updated_at = at;
      }
      deployment.status_in_scope = 'active';
      if (deployment.strategy === 'blue_green')
        Object.assign(data, { desired_switched_traffic: 100, switched_traffic: 100 });
      touchScope(state, deployment.scope_id, at);
      note(deployment, 'INFO', 'Deployment finalized', at);
      break;
    }
    case 'rolled_back':
    case 'cancelled':
      deployment.status_in_scope = 'inactive';
      if (deployment.strategy === 'blue_green')
        Object.assign(data, { desired_switched_traffic: 0, switched_traffic: 0 });
      note(
        deployment,
        'INFO',
        status === 'rolled_back' ? 'All traffic is back on the previous deployment' : 'Deployment cancelled',
        at,
      );
      break;
    default:
      break;
  }
}

/** How many instances the scope runs: the Containers type's `fixed_instances`, else the legacy auto-scaling amount. */
function instanceCount(state: FixtureState, scopeId: number): number {
  const capabilities = state.world.scopes.find((scope) => scope.id === scopeId)?.capabilities ?? {};
  const fixed = capabilities['fixed_instances'];
  return typeof fixed === 'number' ? fixed : 1;
}

function touchScope(state: FixtureState, scopeId: number, at: string): void {
  const scope = state.world.scopes.find((candidate) => candidate.id === scopeId);
  if (scope !== undefined) scope.updated_at = at;
}

function note(deployment: Deployment, level: DeploymentMessage['level'], message: string, at: string): void {
  deployment.messages.push({ level, message, timestamp: Date.parse(at) });
}
