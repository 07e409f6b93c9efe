import { listEnvelopeSchema } from '@contract/common';
import type { Asset } from '@contract/asset';
import {
  type Deployment,
  createDeploymentBodySchema,
  deploymentListQuerySchema,
  deploymentReadQuerySchema,
  deploymentSchema,
  patchDeploymentBodySchema,
} from '@contract/deployment';
import {
  type DeploymentStrategy,
  deploymentStrategies,
  deploymentTransitions,
  findTransition,
  isDeploymentStatus,
  requestableFrom,
  trafficChangeRefusal,
  trafficSettableStatuses,
} from '@contract/deployment-lifecycle';
import type { Release } from '@contract/release';
import { AUTO_SWITCH_CLOCK_KEY, readAutoSwitch, readStrategyParameters } from '@contract/strategy-parameters';
import type { Scope } from '@contract/scope';
import type { Store } from '../store/store';
import { endpoint, json, noContent, pathId } from './endpoint';
import { badRequest, conflict, notFound } from './errors';
import { listEnvelope } from './route-deps';

/** nullplatform's own words (reference §1.4). */
const DIFFERENT_APPLICATIONS_MESSAGE = 'The scope and the release belongs to different applications';

const tag = 'deployment';
const params = { id: pathId('id') };

export const deploymentEndpoints = [
  endpoint({
    method: 'get',
    path: '/api/deployment',
    tag,
    summary: 'List deployments, newest first',
    query: deploymentListQuerySchema,
    response: json(listEnvelopeSchema(deploymentSchema)),
    examples: [
      {
        summary: "A scope's running and finished deployments, with their messages",
        query: { scope_id: '1', status: 'running,finalized', sort: 'created_at:desc', include_messages: 'true' },
      },
    ],
    handle: ({ query }, _c, { store }) => listEnvelope(query, store.deployments.list(query)),
  }),

  /**
   * Records the intent only: the deployment is inserted as `creating` and becomes the scope's in-progress
   * deployment; the engine launches its instances and moves it along from there.
   */
  endpoint({
    method: 'post',
    path: '/api/deployment',
    tag,
    summary: 'Deploy a release to a scope',
    description:
      "The release and the scope must be one application's (400), and the scope free: no deployment in flight and not " +
      'being deleted (409). The first deployment of a scope is `initial` (all traffic at once), later ones `blue_green`. ' +
      "`asset_name` names one of the release's build assets; it is needed when the scope was never deployed and the " +
      "build has several, and must be the scope's asset once it has one (400). The asset must be runnable here (400).",
    body: createDeploymentBodySchema,
    response: json(deploymentSchema, 'The deployment created, in status creating'),
    errors: {
      404: 'No scope or no release with these ids',
      409: 'A deployment is already in flight on the scope, or the scope is being deleted',
    },
    examples: [
      { summary: 'Deploy release 2 to scope 2', body: { scope_id: 2, release_id: 2 } },
      {
        summary: 'Blue/green in steps of 10% every 30 s, rolled back if more than 10% of its answers fail',
        body: {
          scope_id: 2,
          release_id: 2,
          strategy_data: {
            parameters: {
              traffic: { enable_auto_switch: true, step: '0.1', interval: 30 },
              metrics: {
                enabled: true,
                rules: [{ metric: 'http.error_rate', operation: 'greater_than', threshold: 0.1 }],
              },
            },
          },
        },
      },
    ],
    handle: ({ body }, _c, { store, checkAssetRunnable, deploymentExpiryMs }) =>
      store.write((tx) => {
        const scope = tx.scopes.get(body.scope_id);
        if (scope === undefined) throw notFound('scope', body.scope_id);
        const release = tx.releases.get(body.release_id);
        if (release === undefined) throw notFound('release', body.release_id);
        if (release.application_id !== scope.application_id) throw badRequest(DIFFERENT_APPLICATIONS_MESSAGE);
        if (scope.status === 'deleting' || scope.status === 'deleted') {
          throw conflict(`scope ${scope.id} is ${scope.status}; it cannot be deployed`);
        }
        const inFlight = tx.deployments.inFlightForScope(scope.id);
        if (inFlight !== undefined) {
          throw conflict(
            `There's already a running deployment on scope ${scope.id} (deployment ${inFlight.id} is ${inFlight.status}); finalize or cancel it first`,
          );
        }
        const asset = resolveAsset(tx, scope, release, body.asset_name);
        const refusal = checkAssetRunnable(asset);
        if (refusal !== undefined) throw badRequest(refusal);
        // The scope's asset_name is fixed by the engine once this deployment finalizes: a cancelled or failed first
        // deployment leaves the scope free to deploy another asset.
        const created = tx.deployments.insert({
          scope_id: scope.id,
          release_id: release.id,
          asset_name: asset.name,
          description: body.description ?? null,
          ...(body.strategy_data === undefined ? {} : { strategy_data: { parameters: body.strategy_data.parameters } }),
          expiry_ms: deploymentExpiryMs,
        });
        tx.scopes.update(scope.id, { in_progress_deployment: created.id });
        return created;
      }),
  }),

  endpoint({
    method: 'get',
    path: '/api/deployment/:id',
    tag,
    summary: 'Read a deployment',
    params,
    query: deploymentReadQuerySchema,
    response: json(deploymentSchema),
    errors: { 404: 'No deployment with this id' },
    examples: [{ summary: 'Deployment 2 with its messages', params: { id: 2 }, query: { include_messages: 'true' } }],
    handle: ({ params: { id }, query }, _c, { store }) => {
      const deployment = store.deployments.get(id, { includeMessages: query.include_messages === true });
      if (deployment === undefined) throw notFound('deployment', id);
      return deployment;
    },
  }),

  /**
   * Finalize, cancel, roll back (`{status}`) or move traffic (`{strategy_data:{desired_switched_traffic}}`), when
   * the lifecycle table allows it now; 204, and the engine carries it out.
   */
  endpoint({
    method: 'patch',
    path: '/api/deployment/:id',
    tag,
    summary: 'Finalize, cancel, roll back, or move traffic',
    description: patchRules(),
    params,
    body: patchDeploymentBodySchema,
    response: noContent('Accepted: the platform carries the change out (follow the deployment to see it done)'),
    errors: { 404: 'No deployment with this id', 409: "Not allowed in the deployment's current status or strategy" },
    examples: [
      {
        summary: 'Move 30% of the traffic to the new release',
        params: { id: 2 },
        body: { strategy_data: { desired_switched_traffic: 30 } },
      },
      {
        summary: 'Pause the automatic traffic steps',
        params: { id: 2 },
        body: { strategy_data: { parameters: { traffic: { enable_auto_switch: false } } } },
      },
      {
        summary: 'Finalize: all traffic to the new release, the old one stops',
        params: { id: 2 },
        body: { status: 'finalizing' },
      },
      { summary: 'Cancel: all traffic back to the release before', params: { id: 2 }, body: { status: 'cancelling' } },
    ],
    handle: ({ params: { id }, body }, _c, { store }) => {
      store.write((tx) => {
        const deployment = tx.deployments.get(id);
        if (deployment === undefined) throw notFound('deployment', id);
        const status = deployment.status;
        const strategy = deployment.strategy;
        if (!isDeploymentStatus(status) || !isStrategy(strategy)) {
          throw conflict(
            `deployment ${id} has status ${status} and strategy ${strategy}, which this server does not know how to change`,
          );
        }
        if (body.status !== undefined) {
          const to = body.status;
          if (to === status) throw conflict(`deployment ${id} is already ${status}`);
          const transition = findTransition(status, to, strategy, 'client');
          if (transition === undefined) {
            const possible = requestableFrom(status, strategy);
            throw conflict(
              `deployment ${id} cannot go from ${status} to ${to}` +
                (possible.length === 0
                  ? ` (${describe(strategy)} that is ${status} accepts no status change)`
                  : ` (from ${status}, ${describe(strategy)} can go to ${possible.join(', ')})`),
            );
          }
          tx.deployments.update(id, { status: to });
          tx.deployments.addMessage(id, 'INFO', `${transition.reason} (${status} → ${to})`);
        }
        if (body.strategy_data !== undefined) {
          const refusal = trafficChangeRefusal(status, strategy);
          if (refusal !== undefined) throw conflict(`deployment ${id}: ${refusal}`);
          const desired = body.strategy_data.desired_switched_traffic;
          if (desired !== undefined) setDesiredTraffic(tx, deployment, desired);
          const autoSwitch = body.strategy_data.parameters?.traffic.enable_auto_switch;
          if (autoSwitch !== undefined) setAutoSwitch(tx, deployment, autoSwitch);
        }
      });
    },
  }),
];

/** A manual traffic move also pauses the automatic steps: the operator has taken over. */
function setDesiredTraffic(tx: Store, deployment: Deployment, desired: number): void {
  const previous = deployment.strategy_data.desired_switched_traffic;
  if (desired !== previous) {
    tx.deployments.update(deployment.id, { strategy_data: { desired_switched_traffic: desired } });
    tx.deployments.addMessage(
      deployment.id,
      'INFO',
      `traffic change requested: ${desired}% to the new release` +
        (previous === undefined ? '' : ` (was ${previous}%)`),
    );
  }
  if (readAutoSwitch(deployment.strategy_data)?.enabled === true) {
    writeAutoSwitch(tx, deployment, false, 'automatic traffic steps paused: traffic was moved by hand');
  }
}

function setAutoSwitch(tx: Store, deployment: Deployment, enabled: boolean): void {
  const autoSwitch = readAutoSwitch(deployment.strategy_data);
  if (autoSwitch === undefined) {
    throw conflict(
      `deployment ${deployment.id} has no automatic traffic steps to ${enabled ? 'resume' : 'pause'}: ` +
        'its strategy_data.parameters.traffic (step, interval) was not set when it was created',
    );
  }
  if (autoSwitch.enabled === enabled) return;
  writeAutoSwitch(
    tx,
    deployment,
    enabled,
    enabled
      ? `automatic traffic steps resumed: +${autoSwitch.stepPoints}% every ${autoSwitch.intervalSeconds} s from now`
      : 'automatic traffic steps paused',
  );
}

/** Rewrites `parameters` whole: the store merges `strategy_data` one level deep only. */
function writeAutoSwitch(tx: Store, deployment: Deployment, enabled: boolean, message: string): void {
  const parameters = readStrategyParameters(deployment.strategy_data);
  if (parameters?.traffic === undefined) return;
  tx.deployments.update(deployment.id, {
    strategy_data: {
      parameters: { ...parameters, traffic: { ...parameters.traffic, enable_auto_switch: enabled } },
      // A resumed schedule counts its interval from now, not from the last step before the pause.
      ...(enabled ? { [AUTO_SWITCH_CLOCK_KEY]: tx.now().toISOString() } : {}),
    },
  });
  tx.deployments.addMessage(deployment.id, 'INFO', message);
}

/** The rules of PATCH, for the document, from the lifecycle table the handler checks. */
function patchRules(): string {
  const requests = deploymentTransitions
    .filter((transition) => transition.by === 'client')
    .map(
      (transition) => `\`${transition.to}\` from ${transition.from.join(', ')} (${transition.strategies.join(', ')})`,
    );
  return (
    `A status can be asked for as the lifecycle allows: ${requests.join('; ')}. Traffic moves only on a blue_green ` +
    `deployment that is ${trafficSettableStatuses.join(' or ')}; moving it by hand pauses the automatic steps, and ` +
    '`enable_auto_switch` pauses and resumes them on a deployment created with `strategy_data.parameters.traffic`. ' +
    'Anything else is a 409 that says what the deployment can do now.'
  );
}

function describe(strategy: DeploymentStrategy): string {
  return strategy === 'initial' ? 'an initial deployment' : 'a blue/green deployment';
}

function isStrategy(value: string): value is DeploymentStrategy {
  return (deploymentStrategies as readonly string[]).includes(value);
}

/**
 * Which of the release's build assets to deploy: the scope's `asset_name` once it has one; before its first
 * deployment, `asset_name` from the body, or the build's only asset.
 */
function resolveAsset(tx: Store, scope: Scope, release: Release, requested: string | undefined): Asset {
  const assets = tx.assets.forBuild(release.build_id);
  const where = `build ${release.build_id} of release ${release.semver}`;
  if (assets.length === 0) throw badRequest(`${where} has no assets: there is nothing to deploy`);
  const names = assets.map((asset) => asset.name).join(', ');
  const scopeAsset = scope.asset_name ?? undefined;
  if (scopeAsset !== undefined) {
    if (requested !== undefined && requested !== scopeAsset) {
      throw badRequest(
        `asset_name: scope ${scope.id} deploys asset "${scopeAsset}"; change the scope's asset_name to deploy "${requested}"`,
      );
    }
    const asset = assets.find((candidate) => candidate.name === scopeAsset);
    if (asset === undefined)
      throw badRequest(
        `scope ${scope.id} deploys asset "${scopeAsset}", which ${where} does not have (it has: ${names})`,
      );
    return asset;
  }
  if (requested !== undefined) {
    const asset = assets.find((candidate) => candidate.name === requested);
    if (asset === undefined)
      throw badRequest(`asset_name: ${where} has no asset "${requested}" (choose one of: ${names})`);
    return asset;
  }
  const [only, ...others] = assets;
  if (only !== undefined && others.length === 0) return only;
  throw badRequest(`Missing parameter: asset_name (${where} has several assets; choose one of: ${names})`);
}
