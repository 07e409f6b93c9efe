import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { actorListSchema } from '@contract/activity';
import { listEnvelopeSchema } from '@contract/common';
import { deploymentStrategySchema } from '@contract/deployment-strategy';
import { type Harness, messageOf, startHarness } from '../testing/http-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const parameters = {
  traffic: { enable_auto_switch: true, step: '0.1', interval: 30 },
  metrics: { enabled: true, rules: [{ metric: 'http.error_rate', operation: 'greater_than', threshold: 0.3 }] },
};

const list = async (query = '') => {
  const response = await h.request('GET', `/api/deployment_strategy${query}`);
  expect(response.status).toBe(200);
  return listEnvelopeSchema(deploymentStrategySchema).parse(response.body);
};

describe('/api/deployment_strategy', () => {
  it("creates, reads and lists strategies with nullplatform's fields", async () => {
    const created = await h.request('POST', '/api/deployment_strategy', {
      json: {
        name: 'Careful',
        description: 'Shift 10% of traffic every 30 seconds',
        dimensions: { environment: 'production' },
        parameters,
        scope_type_ids: [3],
      },
    });
    expect(created.status).toBe(200);
    const strategy = deploymentStrategySchema.parse(created.body);
    expect(Object.keys(strategy).sort()).toEqual(
      [
        'id',
        'name',
        'description',
        'nrn',
        'dimensions',
        'parameters',
        'scope_type_ids',
        'created_by',
        'updated_by',
        'created_at',
        'updated_at',
      ].sort(),
    );
    expect(strategy).toMatchObject({
      name: 'Careful',
      nrn: 'organization=1:account=1',
      dimensions: { environment: 'production' },
      parameters,
      scope_type_ids: [3],
    });
    // Filled as nullplatform does, with a number: the console's own user (contract/activity.ts).
    const actors = actorListSchema.parse((await h.request('GET', '/console/actors')).body).results;
    expect(actors.find((actor) => actor.id === strategy.created_by)).toMatchObject({ name: 'local', kind: 'console' });
    expect(strategy.updated_by).toBe(strategy.created_by);

    const other = await h.request('POST', '/api/deployment_strategy', {
      json: {
        name: 'Namespace 7 only',
        nrn: 'organization=1:account=1:namespace=7',
        parameters: { traffic: { enable_auto_switch: false, step: 0.5, interval: 1 } },
      },
    });
    expect(other.status).toBe(200);

    expect((await h.request('GET', `/api/deployment_strategy/${strategy.id}`)).body).toEqual(created.body);
    expect((await list()).paging.total).toBe(2);
    // A strategy applies where it is defined and below.
    expect((await list('?nrn=organization=1:account=1:namespace=7:application=4')).results.map((s) => s.name)).toEqual([
      'Careful',
      'Namespace 7 only',
    ]);
    expect((await list('?nrn=organization=1:account=1:namespace=8')).results.map((s) => s.name)).toEqual(['Careful']);
    expect((await list(`?id=${strategy.id}&limit=1`)).results).toHaveLength(1);
  });

  it('refuses bad input with 400 {message} and writes nothing', async () => {
    const before = (await list()).paging.total;
    const bad: Array<[unknown, RegExp]> = [
      [{ parameters }, /name/],
      [{ name: 'x' }, /parameters/],
      [{ name: 'x', parameters: { traffic: { ...parameters.traffic, step: 2 } } }, /traffic\.step must be in \(0, 1\]/],
      [{ name: 'x', parameters: { traffic: { ...parameters.traffic, interval: 0 } } }, /interval must be at least 1/],
      [
        {
          name: 'x',
          parameters: {
            metrics: { enabled: true, rules: [{ metric: 'cpu', operation: 'greater_than', threshold: 1 }] },
          },
        },
        /metric must be one of/,
      ],
      [
        {
          name: 'x',
          parameters: {
            metrics: { enabled: true, rules: [{ metric: 'http.rpm', comparison: 'above', threshold: 1 }] },
          },
        },
        /comparison must be one of/,
      ],
      [{ name: 'x', nrn: 'account=1', parameters }, /nrn must look like/],
      [{ name: 'x', parameters, scope_type_ids: ['a'] }, /scope_type_ids/],
      [{ name: 'x', parameters, extra: true }, /extra/],
    ];
    for (const [json, message] of bad) {
      const response = await h.request('POST', '/api/deployment_strategy', { json });
      expect(response.status, JSON.stringify(json)).toBe(400);
      expect(messageOf(response)).toMatch(message);
    }
    expect((await list()).paging.total).toBe(before);
    expect((await h.request('GET', '/api/deployment_strategy/999')).status).toBe(404);
    expect((await h.request('GET', '/api/deployment_strategy?color=red')).status).toBe(400);
  });
});
