/**
 * PATCH /deployment/:id — the three requests a console makes (reference §7.4, §9): move traffic
 * (`{"strategy_data":{"desired_switched_traffic":N}}`), finalize (`{"status":"finalizing"}`) and cancel
 * (`{"status":"cancelling"}`). Answers 204 (nullplatform/workflows deploy-switch-traffic.yaml, "verified in production");
 * the effect shows on the next reads. Where the real rules are unknown (reference §11.6) the fixture is strict, so a
 * console that offers an action where it should not is caught.
 */
import { type Answer, fail, isPlainObject, noContent } from './answer';
import { enterStatus } from './deployment-steps';
import type { Deployment } from './shapes/deployment';
import type { FixtureState } from './state';
import { FIXTURE_USER_ID } from './world';

/** The strategy_data keys a client may PATCH: traffic, and the instance counters agents report (nullplatform/scopes wait_deployment_active). */
const PATCHABLE_STRATEGY_DATA = [
  'desired_switched_traffic',
  'amount_instances_to_wait',
  'launched_instances',
  'healthy_instances',
];
/** nullplatform/scopes k8s/deployment/build_context `validate_status`: switch-traffic runs only in these. */
const TRAFFIC_STATUSES = ['running', 'waiting_for_instances'];

export function patchDeployment(state: FixtureState, deploymentId: number, body: unknown): Answer {
  const deployment = state.world.deployments.find((candidate) => candidate.id === deploymentId);
  if (deployment === undefined) return fail(404, `Deployment ${deploymentId} not found`);
  if (!isPlainObject(body)) return fail(400, 'The body must be a JSON object');
  // No public source shows how a canary deployment is steered; the fixture refuses every change to one.
  if (deployment.strategy === 'canary')
    return fail(400, 'A canary deployment advances by its own steps and cannot be changed this way');

  const keys = Object.keys(body);
  let answer: Answer;
  if (keys.length === 1 && keys[0] === 'status') answer = patchStatus(state, deployment, body['status']);
  else if (keys.length === 1 && keys[0] === 'strategy_data')
    answer = patchStrategyData(state, deployment, body['strategy_data']);
  else return fail(400, 'Send either {"status": …} or {"strategy_data": {…}}');
  if (answer.status === 204) deployment.updated_by = FIXTURE_USER_ID;
  return answer;
}

function patchStatus(state: FixtureState, deployment: Deployment, requested: unknown): Answer {
  const refuse = () =>
    fail(400, `Cannot change the status of a deployment in status ${deployment.status} to ${String(requested)}`);
  if (requested === 'finalizing') {
    // Blue/green is finalized by the client (nullplatform/workflows deploy-finish.yaml). The real platform finalizes
    // an initial deployment by itself; the fixture holds new initial deployments at running and lets a client finish them.
    if (deployment.status !== 'running' || (deployment.strategy !== 'blue_green' && deployment.strategy !== 'initial'))
      return refuse();
    state.clearSteps(deployment.id);
    enterStatus(state, deployment, 'finalizing');
    state.queueSteps(deployment.id, [{ kind: 'status', to: 'finalized' }]);
    return noContent();
  }
  if (requested === 'cancelling') {
    if (deployment.status !== 'running' && deployment.status !== 'waiting_for_instances') return refuse();
    state.clearSteps(deployment.id);
    enterStatus(state, deployment, 'cancelling');
    // nullplatform/workflows deploy-finish.yaml observed rolled_back for blue/green; an initial deployment has nothing
    // to roll back to, so it ends cancelled (reference §11.4 leaves this open).
    state.queueSteps(deployment.id, [
      { kind: 'status', to: deployment.strategy === 'blue_green' ? 'rolled_back' : 'cancelled' },
    ]);
    return noContent();
  }
  return fail(400, `A client can only ask for status finalizing or cancelling (got ${JSON.stringify(requested)})`);
}

function patchStrategyData(state: FixtureState, deployment: Deployment, data: unknown): Answer {
  if (!isPlainObject(data)) return fail(400, 'strategy_data must be an object');
  if ('parameters' in data) return patchAutoSwitch(state, deployment, data);
  const unknown = Object.keys(data).filter((key) => !PATCHABLE_STRATEGY_DATA.includes(key));
  if (unknown.length > 0) return fail(400, `strategy_data cannot set ${unknown.join(', ')}`);
  for (const [key, value] of Object.entries(data)) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
      return fail(400, `strategy_data.${key} must be a non-negative integer`);
  }
  if (!TRAFFIC_STATUSES.includes(deployment.status)) {
    return fail(
      400,
      `Traffic can only be switched while the deployment is running or waiting_for_instances (it is ${deployment.status})`,
    );
  }
  const desired = data['desired_switched_traffic'];
  if (desired !== undefined) {
    if (deployment.strategy !== 'blue_green')
      return fail(400, `Traffic can only be switched on a blue_green deployment (this one is ${deployment.strategy})`);
    if (typeof desired !== 'number' || desired > 100)
      return fail(400, 'strategy_data.desired_switched_traffic must be between 0 and 100');
  }
  // A partial strategy_data merges (reference §7.3); switched_traffic follows on a later read.
  Object.assign(deployment.strategy_data, data);
  deployment.updated_at = state.now();
  if (desired !== undefined) state.queueSteps(deployment.id, [{ kind: 'traffic' }]);
  return noContent();
}

/**
 * `{"strategy_data":{"parameters":{"traffic":{"enable_auto_switch":false|true}}}}`: pause or resume automatic steps.
 * ASSUMPTION: no public source shows nullplatform taking this PATCH (it is the local platform's, README "Automatic
 * traffic steps"); the fixture takes it on a running blue/green deployment, alone, and refuses anything else.
 */
function patchAutoSwitch(state: FixtureState, deployment: Deployment, data: Record<string, unknown>): Answer {
  const parameters = data['parameters'];
  const traffic = isPlainObject(parameters) ? parameters['traffic'] : undefined;
  const enabled = isPlainObject(traffic) ? traffic['enable_auto_switch'] : undefined;
  if (
    Object.keys(data).length !== 1 ||
    !isPlainObject(parameters) ||
    Object.keys(parameters).length !== 1 ||
    !isPlainObject(traffic) ||
    Object.keys(traffic).length !== 1 ||
    typeof enabled !== 'boolean'
  ) {
    return fail(400, 'strategy_data.parameters can only set traffic.enable_auto_switch (true or false), alone');
  }
  if (deployment.strategy !== 'blue_green' || !TRAFFIC_STATUSES.includes(deployment.status)) {
    return fail(
      400,
      `Automatic traffic steps can only be paused or resumed on a running blue_green deployment (this one is ${deployment.strategy}, ${deployment.status})`,
    );
  }
  deployment.strategy_data.parameters.traffic.enable_auto_switch = enabled;
  deployment.updated_at = state.now();
  return noContent();
}
