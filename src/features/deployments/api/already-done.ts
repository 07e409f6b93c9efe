import type { PatchDeploymentBody } from '@contract/deployment';

import type { Deployment } from '@/lib/read/deployment';
import { parametersOf, readRolloutPlan } from '@/lib/read/strategy-parameters';

/**
 * The statuses that show a status request has already been made: the asked status itself, or where the platform
 * takes the deployment from it. `failed` is not among them: a finalization that failed did not do what was asked.
 */
const doneStatuses: Record<string, readonly string[]> = {
  finalizing: ['finalizing', 'finalized'],
  cancelling: ['cancelling', 'cancelled', 'rolling_back', 'rolled_back'],
  rolling_back: ['rolling_back', 'rolled_back'],
};

/**
 * Whether the deployment, read again after a 409, already is where the PATCH asked it to go: a second click, another
 * tab or another operator got there first. The check reads the deployment rather than the 409's message, because
 * nullplatform's wording is not documented and the local platform's is not a contract.
 */
export function isAlreadyDone(
  body: PatchDeploymentBody,
  deployment: Pick<Deployment, 'status' | 'strategy_data'>,
): boolean {
  if (body.status !== undefined)
    return doneStatuses[body.status]?.includes(deployment.status) ?? deployment.status === body.status;
  const autoSwitch = body.strategy_data?.parameters?.traffic.enable_auto_switch;
  if (autoSwitch !== undefined) return autoSwitchOf(deployment.strategy_data) === autoSwitch;
  if (body.strategy_data !== undefined) {
    return deployment.strategy_data.desired_switched_traffic === body.strategy_data.desired_switched_traffic;
  }
  return false;
}

/** Whether the deployment's automatic steps are on, as its `strategy_data.parameters` says. */
function autoSwitchOf(strategyData: object): boolean | undefined {
  return readRolloutPlan(parametersOf(strategyData))?.steps?.enabled;
}
