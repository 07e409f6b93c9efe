/**
 * POST /release and POST /deployment with nullplatform's bodies and refusals (reference §1.4, §5, §7.4). Both answer
 * 200 with the new object, as nullplatform/scopes create_asset and nullplatform/workflows deploy-start.yaml read it.
 */
import { type Answer, fail, idField, isPlainObject, json } from './answer';
import { release, releaseStatuses } from './shapes/artifacts';
import { defaultStrategyParameters, deployment, type StrategyParameters } from './shapes/deployment';
import type { FixtureState } from './state';
import { FIXTURE_USER_ID } from './world';

/** Blue/green deployments finalize by themselves after about two hours (reference §7.5 D); `expires_at` says when. */
const BLUE_GREEN_LIFETIME_MS = 2 * 60 * 60 * 1000;

export function createRelease(state: FixtureState, body: unknown): Answer {
  if (!isPlainObject(body)) return fail(400, 'The body must be a JSON object');
  // The one refusal nullplatform documents word for word (D-llm-build).
  if (body['status'] === undefined) return fail(400, 'Missing parameter: status');
  const status = releaseStatuses.find((known) => known === body['status']);
  if (status === undefined) return fail(400, `Invalid status: ${JSON.stringify(body['status'])}`);
  const applicationId = idField(body, 'application_id');
  const buildId = idField(body, 'build_id');
  const semver = body['semver'];
  if (applicationId === undefined) return fail(400, 'Missing parameter: application_id');
  if (buildId === undefined) return fail(400, 'Missing parameter: build_id');
  if (typeof semver !== 'string' || semver.trim() === '') return fail(400, 'Missing parameter: semver');

  const application = state.world.applications.find((candidate) => candidate.id === applicationId);
  if (application === undefined) return fail(404, `Application ${applicationId} not found`);
  const build = state.world.builds.find((candidate) => candidate.id === buildId);
  if (build === undefined) return fail(404, `Build ${buildId} not found`);
  if (build.application_id !== applicationId) return fail(400, 'The build belongs to a different application');
  if (
    state.world.releases.some((existing) => existing.application_id === applicationId && existing.semver === semver)
  ) {
    return fail(400, `There's already a release ${semver} for this application`);
  }
  const at = state.now();
  const created = release(application, {
    id: state.nextId(),
    build_id: buildId,
    semver,
    status,
    created_at: at,
    updated_at: at,
  });
  state.world.releases.push(created);
  return json(created);
}

export function createDeployment(state: FixtureState, body: unknown): Answer {
  if (!isPlainObject(body)) return fail(400, 'The body must be a JSON object');
  const scopeId = idField(body, 'scope_id');
  const releaseId = idField(body, 'release_id');
  if (scopeId === undefined) return fail(400, 'Missing parameter: scope_id');
  if (releaseId === undefined) return fail(400, 'Missing parameter: release_id');
  const scope = state.world.scopes.find((candidate) => candidate.id === scopeId);
  if (scope === undefined) return fail(404, `Scope ${scopeId} not found`);
  const chosen = state.world.releases.find((candidate) => candidate.id === releaseId);
  if (chosen === undefined) return fail(404, `Release ${releaseId} not found`);
  // Both messages are nullplatform's own wording (ai-plugins np-developer-actions/deployments.md, reference §1.4).
  if (chosen.application_id !== scope.application_id)
    return fail(400, 'The scope and the release belongs to different applications');
  if (state.inFlightDeployment(scopeId) !== undefined)
    return fail(400, 'There is already a running deployment in this scope');
  const parameters = strategyParametersOf(body['strategy_data']);
  if (typeof parameters === 'string') return fail(400, parameters);

  const at = state.now();
  const id = state.nextId();
  // The K8s agent picks start-initial or start-blue-green by whether the scope has an active deployment (nullplatform/scopes).
  const strategy = state.activeDeployment(scopeId) === undefined ? 'initial' : 'blue_green';
  const created = deployment(scope, {
    id,
    release_id: releaseId,
    status: 'creating',
    status_in_scope: 'inactive',
    strategy,
    strategy_data: { parameters: parameters ?? defaultStrategyParameters() },
    status_started_at: { creating: at },
    created_by: FIXTURE_USER_ID,
    expires_at: strategy === 'blue_green' ? new Date(Date.parse(at) + BLUE_GREEN_LIFETIME_MS).toISOString() : null,
    deployment_token: `dep-${id.toString(16)}-fixture`,
    messages: [{ level: 'INFO', message: 'Creating deployment resources', timestamp: Date.parse(at) }],
    created_at: at,
    updated_at: at,
  });
  state.world.deployments.push(created);
  state.queueSteps(id, [
    { kind: 'status', to: 'waiting_for_instances' },
    { kind: 'status', to: 'running' },
  ]);
  return json({ ...structuredClone(created), messages: [] });
}

/**
 * `strategy_data.parameters` of a POST /deployment: a chosen strategy's values, kept where nullplatform keeps them on a
 * deployment (context.json). ASSUMPTION: how nullplatform takes a strategy at creation is not public (reference
 * §11.2); the fixture takes the parameters in context.json's shape and refuses any other `strategy_data`, so a
 * console that sends something else is caught. Undefined when none is sent (nullplatform's defaults then); a string
 * says what is wrong.
 */
function strategyParametersOf(strategyData: unknown): StrategyParameters | undefined | string {
  if (strategyData === undefined) return undefined;
  if (
    !isPlainObject(strategyData) ||
    Object.keys(strategyData).some((key) => key !== 'parameters') ||
    !isPlainObject(strategyData['parameters'])
  ) {
    return 'strategy_data may only carry parameters: {traffic, metrics}';
  }
  const defaults = defaultStrategyParameters();
  const given = strategyData['parameters'];
  const traffic = given['traffic'];
  const metrics = given['metrics'];
  if (traffic !== undefined && !isTraffic(traffic))
    return 'Invalid strategy_data.parameters.traffic: {enable_auto_switch, step, interval}';
  if (metrics !== undefined && !isMetrics(metrics)) return 'Invalid strategy_data.parameters.metrics: {enabled, rules}';
  return { traffic: traffic ?? defaults.traffic, metrics: metrics ?? defaults.metrics };
}

function isTraffic(value: unknown): value is StrategyParameters['traffic'] {
  return (
    isPlainObject(value) &&
    typeof value['enable_auto_switch'] === 'boolean' &&
    typeof value['step'] === 'string' &&
    Number(value['step']) > 0 &&
    Number(value['step']) <= 1 &&
    typeof value['interval'] === 'number' &&
    value['interval'] >= 1
  );
}

function isMetrics(value: unknown): value is StrategyParameters['metrics'] {
  return (
    isPlainObject(value) &&
    typeof value['enabled'] === 'boolean' &&
    Array.isArray(value['rules']) &&
    value['rules'].every(
      (rule) => isPlainObject(rule) && typeof rule['metric'] === 'string' && typeof rule['threshold'] === 'number',
    )
  );
}
