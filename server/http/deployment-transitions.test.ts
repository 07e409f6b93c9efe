/**
 * Client PATCHes on a deployment, table-driven from contract/deployment-lifecycle.ts: every status × strategy ×
 * requestable status, and every status × strategy for traffic. Deployments are put in each status directly through
 * the repository (no engine).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { deploymentSchema, requestableStatuses } from '@contract/deployment';
import {
  deploymentStatuses,
  deploymentStrategies,
  findTransition,
  trafficChangeRefusal,
} from '@contract/deployment-lifecycle';
import { type Harness, messageOf, startHarness } from '../testing/http-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

async function read(id: number) {
  return deploymentSchema.parse((await h.request('GET', `/api/deployment/${id}?include_messages=true`)).body);
}

const statusCases = deploymentStatuses.flatMap((from) =>
  deploymentStrategies.flatMap((strategy) => requestableStatuses.map((to) => ({ from, strategy, to }))),
);

describe('PATCH {status}', () => {
  it.each(statusCases)('$strategy deployment, $from → $to', async ({ from, strategy, to }) => {
    const world = h.seed.world();
    const deployment = h.seed.deployment(world.scope, world.release, { status: from, strategy });
    const before = await read(deployment.id);
    const response = await h.request('PATCH', `/api/deployment/${deployment.id}`, { json: { status: to } });
    const transition = findTransition(from, to, strategy, 'client');
    if (transition !== undefined) {
      expect(response.status).toBe(204);
      expect(response.text).toBe('');
      const after = await read(deployment.id);
      expect(after.status).toBe(to);
      expect(Object.keys(after.status_started_at ?? {})).toEqual([from, to]);
      expect(after.messages?.at(-1)).toMatchObject({
        level: 'INFO',
        message: `${transition.reason} (${from} → ${to})`,
      });
      expect(after.strategy_data).toEqual(before.strategy_data);
    } else {
      expect(response.status).toBe(409);
      const message = messageOf(response);
      if (from === to) {
        expect(message).toBe(`deployment ${deployment.id} is already ${from}`);
      } else {
        expect(message).toContain(`deployment ${deployment.id} cannot go from ${from} to ${to}`);
      }
      expect(await read(deployment.id)).toEqual(before);
    }
  });
});

const trafficCases = deploymentStatuses.flatMap((status) =>
  deploymentStrategies.map((strategy) => ({ status, strategy })),
);

describe('PATCH {strategy_data:{desired_switched_traffic}}', () => {
  it.each(trafficCases)('$strategy deployment that is $status', async ({ status, strategy }) => {
    const world = h.seed.world();
    const deployment = h.seed.deployment(world.scope, world.release, { status, strategy });
    const before = await read(deployment.id);
    const response = await h.request('PATCH', `/api/deployment/${deployment.id}`, {
      json: { strategy_data: { desired_switched_traffic: 30 } },
    });
    const refusal = trafficChangeRefusal(status, strategy);
    if (refusal === undefined) {
      expect(response.status).toBe(204);
      const after = await read(deployment.id);
      expect(after.strategy_data).toEqual({ ...before.strategy_data, desired_switched_traffic: 30 });
      expect(after.status).toBe(status);
      expect(after.messages?.at(-1)?.message).toBe('traffic change requested: 30% to the new release (was 0%)');
    } else {
      expect(response.status).toBe(409);
      expect(messageOf(response)).toBe(`deployment ${deployment.id}: ${refusal}`);
      expect(await read(deployment.id)).toEqual(before);
    }
  });

  it('refuses traffic while creating (409): it moves only while waiting_for_instances or running', async () => {
    const world = h.seed.world();
    const deployment = h.seed.deployment(world.scope, world.release, { status: 'creating', strategy: 'blue_green' });
    const before = await read(deployment.id);
    const response = await h.request('PATCH', `/api/deployment/${deployment.id}`, {
      json: { strategy_data: { desired_switched_traffic: 30 } },
    });
    expect(response.status).toBe(409);
    expect(messageOf(response)).toBe(
      `deployment ${deployment.id}: traffic can be moved only while the deployment is waiting_for_instances, running; it is creating`,
    );
    expect(await read(deployment.id)).toEqual(before);
    // Once the instances are launched it may move (nullplatform/scopes k8s/deployment/build_context validate_status).
    h.store.write((tx) => tx.deployments.update(deployment.id, { status: 'waiting_for_instances' }));
    const moved = await h.request('PATCH', `/api/deployment/${deployment.id}`, {
      json: { strategy_data: { desired_switched_traffic: 30 } },
    });
    expect(moved.status).toBe(204);
  });

  it('keeps the counters the platform reports (partial merge)', async () => {
    const world = h.seed.world();
    const deployment = h.seed.deployment(world.scope, world.release, { status: 'running', strategy: 'blue_green' });
    h.store.write((tx) =>
      tx.deployments.update(deployment.id, {
        strategy_data: { launched_instances: 2, healthy_instances: 2, switched_traffic: 10 },
      }),
    );
    expect(
      (
        await h.request('PATCH', `/api/deployment/${deployment.id}`, {
          json: { strategy_data: { desired_switched_traffic: 75 } },
        })
      ).status,
    ).toBe(204);
    expect((await read(deployment.id)).strategy_data).toEqual({
      desired_switched_traffic: 75,
      switched_traffic: 10,
      amount_instances_to_wait: 2,
      launched_instances: 2,
      healthy_instances: 2,
    });
  });
});

describe('PATCH bodies', () => {
  it.each([
    [{}, 'the body must set status or strategy_data'],
    [{ status: 'finalized' }, 'status: status can be set to finalizing, cancelling, rolling_back'],
    [
      { status: 'finalizing', strategy_data: { desired_switched_traffic: 10 } },
      'set status and strategy_data in separate requests',
    ],
    [
      { strategy_data: { desired_switched_traffic: 101 } },
      'strategy_data.desired_switched_traffic: desired_switched_traffic must be between 0 and 100',
    ],
    [
      { strategy_data: { desired_switched_traffic: -1 } },
      'strategy_data.desired_switched_traffic: desired_switched_traffic must be between 0 and 100',
    ],
    [
      { strategy_data: { desired_switched_traffic: 12.5 } },
      'strategy_data.desired_switched_traffic: desired_switched_traffic must be an integer',
    ],
    [
      { strategy_data: { desired_switched_traffic: '50' } },
      'strategy_data.desired_switched_traffic: desired_switched_traffic must be a number',
    ],
    [
      { strategy_data: {} },
      'strategy_data: set desired_switched_traffic or parameters.traffic.enable_auto_switch, one per request',
    ],
    [
      { strategy_data: { desired_switched_traffic: 10, switched_traffic: 10 } },
      'unknown field: strategy_data.switched_traffic',
    ],
    [{ status_in_scope: 'active' }, 'unknown field: status_in_scope; the body must set status or strategy_data'],
  ])('refuses %j with 400 and changes nothing', async (json, message) => {
    const world = h.seed.world();
    const deployment = h.seed.deployment(world.scope, world.release, { status: 'running', strategy: 'blue_green' });
    const before = await read(deployment.id);
    const response = await h.request('PATCH', `/api/deployment/${deployment.id}`, { json });
    expect(response.status).toBe(400);
    expect(messageOf(response)).toBe(message);
    expect(await read(deployment.id)).toEqual(before);
  });

  it('answers 404 for an unknown deployment', async () => {
    const response = await h.request('PATCH', '/api/deployment/999', { json: { status: 'finalizing' } });
    expect(response.status).toBe(404);
    expect(messageOf(response)).toBe('deployment 999 not found');
  });
});
